package dev.confab.conferencing.admission;

import dev.confab.shared.capacity.CallType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * A Virtual Meeting Room ({@code conference}) or Virtual Auditorium ({@code lecture}) as the node's
 * replica holds it: what decides who joins, in which role, with which call type. Immutable.
 *
 * @param pin              the host PIN, empty for none
 * @param guestPin         the guest PIN, empty for none
 * @param participantLimit the most participants at once, null for no limit
 * @param callType         the media participants may use: {@code video}, {@code audio} or {@code video-only}
 * @param maxPixels        the highest call quality offered: {@code sd}, {@code hd}, {@code fullhd}; empty for any
 */
public record Service(String name, String serviceType, String pin, String guestPin, boolean allowGuests,
                      Integer participantLimit, String callType, String maxPixels) {

    /** The service as the replica holds a {@code conference} object. */
    static Service of(Map<String, Object> conference) {
        Object limit = conference.get("participant_limit");
        return new Service(text(conference.get("name")), text(conference.get("service_type")),
                text(conference.get("pin")), text(conference.get("guest_pin")),
                Boolean.TRUE.equals(conference.get("allow_guests")),
                limit instanceof Number number ? number.intValue() : null, text(conference.get("call_type")),
                text(conference.get("max_pixels_per_second")));
    }

    /** Whether the client API joins it: a Virtual Meeting Room or a Virtual Auditorium. */
    boolean joinable() {
        return serviceType.equals("conference") || serviceType.equals("lecture");
    }

    /**
     * The role a caller giving {@code pin} (null: none) joins in. Without a host PIN everyone is a
     * host. With one, the host PIN makes a host; the guest PIN, or no PIN when guests are allowed
     * and there is no guest PIN, a guest. Anything else is refused (403).
     */
    Role roleFor(String pin) {
        if (this.pin.isEmpty()) {
            return Role.HOST;
        }
        if (pin == null || pin.isEmpty()) {
            if (allowGuests && guestPin.isEmpty()) {
                return Role.GUEST;
            }
            throw AdmissionException.forbidden(allowGuests ? "a PIN is required: give the host PIN or the guest PIN"
                    + " in the pin header" : "a PIN is required: give the host PIN in the pin header (this conference"
                    + " takes no guests)");
        }
        if (same(pin, this.pin)) {
            return Role.HOST;
        }
        if (allowGuests && !guestPin.isEmpty() && same(pin, guestPin)) {
            return Role.GUEST;
        }
        throw AdmissionException.forbidden(allowGuests ? "invalid PIN" : "invalid PIN (this conference takes no guests)");
    }

    /**
     * The call type a caller asking for {@code requested} gets: audio only in an audio-only
     * service, and no more than the service's highest quality.
     */
    CallType admitted(CallType requested) {
        if (callType.equals("audio")) {
            return CallType.AUDIO;
        }
        if (requested == CallType.AUDIO) {
            return requested;
        }
        CallType cap = switch (maxPixels) {
            case "sd" -> CallType.SD;
            case "hd" -> CallType.HD;
            default -> CallType.FULL_HD;
        };
        return requested.tokens() > cap.tokens() ? cap : requested;
    }

    private static boolean same(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
