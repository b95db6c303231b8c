package dev.confab.management.calls;

import dev.confab.management.resource.catalog.Conference;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.store.CallsDao;
import dev.confab.management.store.ParticipantRow;
import dev.confab.management.store.Times;
import dev.confab.shared.wire.ParticipantReport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Writes the ledger's placed calls to the store: {@code participant_status} and
 * {@code conference_status} as they are now, and a history row for each participant and each
 * conference that ended (a conference ends with its last participant). Each write compares the
 * ledger with what the previous write left, so it writes only what changed, in one transaction.
 * Thread-safe (one writer at a time).
 */
final class CallRecorder {

    /** A conference in progress: when it started, who joined it so far. */
    private record Instance(String serviceType, String tag, Instant start, int joined) {
    }

    private final ConfigurationService configuration;
    private final CallLedger ledger;
    private final Supplier<PlatformConfig> platform;
    private final Clock clock;
    // guarded by this
    private final Map<String, ParticipantRow> written = new LinkedHashMap<>();
    private final Map<String, Instance> conferences = new HashMap<>();
    private long writtenVersion = -1;

    CallRecorder(ConfigurationService configuration, CallLedger ledger, Supplier<PlatformConfig> platform,
                 Clock clock) {
        this.configuration = configuration;
        this.ledger = ledger;
        this.platform = platform;
        this.clock = clock;
    }

    /** Clears the calls in progress the store holds from before a restart: the nodes report what goes on. */
    synchronized void clear() {
        configuration.write(transaction -> {
            CallsDao dao = transaction.dao(CallsDao.class);
            dao.clearParticipants();
            dao.clearConferences();
            return null;
        });
    }

    /** Writes what changed since the last write; nothing when the ledger did not change. */
    synchronized void write() {
        long version = ledger.version();
        if (version == writtenVersion) {
            return;
        }
        Map<String, ParticipantRow> now = new LinkedHashMap<>();
        ledger.entries(entry -> entry.report().placed()).forEach(entry -> now.put(entry.report().uuid(),
                row(entry.report())));
        Map<String, String> reasons = ledger.drainEndReasons();
        Instant time = clock.instant();
        List<ParticipantRow> changed = now.values().stream()
                .filter(row -> !Objects.equals(written.get(row.uuid()), row)).toList();
        List<ParticipantRow> left = written.values().stream().filter(row -> !now.containsKey(row.uuid())).toList();
        Map<String, Integer> present = new HashMap<>();
        now.values().forEach(row -> present.merge(row.conference(), 1, Integer::sum));
        List<CallsDao.StartedConference> started = new ArrayList<>();
        for (ParticipantRow row : changed) {
            if (!written.containsKey(row.uuid())) {
                joined(row, started);
            }
        }
        List<CallsDao.EndedConference> ended = new ArrayList<>();
        for (String name : List.copyOf(conferences.keySet())) {
            if (!present.containsKey(name)) {
                Instance instance = conferences.remove(name);
                ended.add(new CallsDao.EndedConference(name, instance.serviceType(), instance.tag(),
                        Times.format(instance.start()), Times.format(time),
                        Duration.between(instance.start(), time).toSeconds(), instance.joined()));
            }
        }
        configuration.write(transaction -> {
            CallsDao dao = transaction.dao(CallsDao.class);
            dao.upsertParticipants(changed);
            dao.deleteParticipants(left.stream().map(ParticipantRow::uuid).toList());
            dao.insertParticipantHistory(left, left.stream().map(row -> Times.format(time)).toList(),
                    left.stream().map(row -> Duration.between(Times.parse(row.connectTime()), time).toSeconds())
                            .toList(), left.stream().map(row -> reasons.getOrDefault(row.uuid(), "ended")).toList());
            dao.upsertConferences(started);
            dao.deleteConferences(ended.stream().map(CallsDao.EndedConference::name).toList());
            dao.insertConferenceHistory(ended);
            return null;
        });
        written.clear();
        written.putAll(now);
        writtenVersion = version;
    }

    private void joined(ParticipantRow row, List<CallsDao.StartedConference> started) {
        Instance instance = conferences.get(row.conference());
        if (instance == null) {
            Conference conference = platform.get().conferences().get(row.conference());
            instance = new Instance(row.serviceType(), conference == null ? "" : conference.tag(),
                    Times.parse(row.connectTime()), 0);
        }
        Instant start = Times.parse(row.connectTime()).isBefore(instance.start()) ? Times.parse(row.connectTime())
                : instance.start();
        instance = new Instance(instance.serviceType(), instance.tag(), start, instance.joined() + 1);
        conferences.put(row.conference(), instance);
        started.removeIf(conference -> conference.name().equals(row.conference()));
        started.add(new CallsDao.StartedConference(row.conference(), instance.serviceType(), instance.tag(),
                Times.format(instance.start()), instance.joined()));
    }

    /** The participant as status and history hold it: Pexip's role names ({@code chair}, {@code guest}). */
    static ParticipantRow row(ParticipantReport report) {
        return new ParticipantRow(report.uuid(), report.conference(), report.serviceType(), report.displayName(),
                report.alias(), "API", report.role().equals("HOST") ? "chair" : "guest", "in", report.callType(),
                report.mediaNode(), report.signallingNode(), report.systemLocation(), connectTime(report));
    }

    private static String connectTime(ParticipantReport report) {
        try {
            return Times.format(Times.parse(report.connectTime()));
        } catch (java.time.format.DateTimeParseException e) {
            return Times.format(Instant.EPOCH); // a node's report is no reason to stop recording the others
        }
    }
}
