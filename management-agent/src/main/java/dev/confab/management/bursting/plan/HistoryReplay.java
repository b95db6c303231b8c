package dev.confab.management.bursting.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.management.ManagementException;
import dev.confab.management.bursting.simulation.Billing;
import dev.confab.management.bursting.simulation.Trace;
import dev.confab.management.bursting.simulation.TraceCall;
import dev.confab.shared.capacity.CallType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A Management Node's own platform and calls, read through its management API, to replay: its
 * {@link OwnPlatform}, and the calls of {@code history/v1/participant} that connected within the last
 * days — each arriving at the location of the node that received it ({@code signalling_node}), from
 * that many midnights (UTC) ago until now. Immutable.
 */
public record HistoryReplay(OwnPlatform own, Trace trace) {

    public static HistoryReplay read(PlatformReader api, int days, Instant now, int defaultNodeHd, Billing billing) {
        OwnPlatform own = OwnPlatform.read(api, defaultNodeHd, billing);
        List<String> locations = own.locationNames();
        Instant since = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(days));
        List<TraceCall> calls = new ArrayList<>();
        for (JsonNode participant : api.all("history/v1/participant/")) {
            Instant connected = time(participant.path("connect_time").asText(""));
            long seconds = participant.path("duration").asLong(0);
            String location = own.nodeLocations().getOrDefault(participant.path("signalling_node").asText(""),
                    participant.path("system_location").asText(""));
            CallType type = CallType.ofWireName(participant.path("call_type").asText("")).orElse(CallType.HD);
            if (connected != null && !connected.isBefore(since) && seconds > 0 && locations.contains(location)) {
                calls.add(new TraceCall(connected, location, type, Duration.ofSeconds(seconds)));
            }
        }
        if (calls.isEmpty()) {
            throw new ManagementException("The Management Node's history/v1/participant holds no ended call of the last "
                    + days + " day(s) at a location it still has: nothing to replay. Give more days, or a trace.");
        }
        Instant end = calls.stream().map(TraceCall::end).max(Instant::compareTo).orElseThrow();
        return new HistoryReplay(own, new Trace(since, end.isAfter(now) ? end : now, calls));
    }

    /** An API time ({@code 2026-01-05T09:00:12.000000}, UTC), or null when there is none. */
    private static Instant time(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new ManagementException("The Management Node gave the time " + text + ", which is not an API time"
                    + " such as 2026-01-05T09:00:12.000000", e);
        }
    }
}
