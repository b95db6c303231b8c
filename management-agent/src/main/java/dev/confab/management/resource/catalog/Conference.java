package dev.confab.management.resource.catalog;

import dev.confab.management.resource.StoredRow;

import java.util.Optional;

/**
 * A Virtual Meeting Room or Virtual Auditorium ({@code conference}) as stored; its aliases are
 * {@link ConferenceAlias}es. Immutable.
 *
 * @param pin                the host PIN, "" for none
 * @param guestPin           the guest PIN, "" for none
 * @param maxPixelsPerSecond {@code sd}, {@code hd} or {@code fullhd}; empty for the platform default
 */
public record Conference(long id, String name, String description, ServiceType serviceType, CallType callType,
                         String pin,
                         String guestPin, boolean allowGuests, Optional<Integer> participantLimit,
                         Optional<String> maxPixelsPerSecond, String tag) {

    /** What the service is, by its stored value. */
    public enum ServiceType {
        /** A Virtual Meeting Room. */
        CONFERENCE("conference"),
        /** A Virtual Auditorium. */
        LECTURE("lecture"),
        TWO_STAGE_DIALING("two_stage_dialing"),
        TEST_CALL("test_call"),
        /** Plays media to whoever calls it. */
        MEDIA_PLAYBACK("media_playback");

        private final String value;

        ServiceType(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        static ServiceType of(String value) {
            for (ServiceType type : values()) {
                if (type.value.equals(value)) {
                    return type;
                }
            }
            throw new IllegalArgumentException("No service type " + value);
        }
    }

    /** The media a participant may use, by its stored value. */
    public enum CallType {
        VIDEO("video"), AUDIO("audio"), VIDEO_ONLY("video-only");

        private final String value;

        CallType(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        static CallType of(String value) {
            for (CallType type : values()) {
                if (type.value.equals(value)) {
                    return type;
                }
            }
            throw new IllegalArgumentException("No call type " + value);
        }
    }

    /** The conference as the engine stored it. */
    public static Conference of(StoredRow row) {
        return new Conference(row.id(), row.text("name"), row.text("description"),
                ServiceType.of(row.text("service_type")), CallType.of(row.text("call_type")), row.text("pin"), row.text("guest_pin"), row.flag("allow_guests"),
                row.optionalInteger("participant_limit"), row.optionalText("max_pixels_per_second"), row.text("tag"));
    }
}
