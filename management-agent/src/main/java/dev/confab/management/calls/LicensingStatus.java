package dev.confab.management.calls;

/**
 * The platform's concurrent-call licences, in use and installed, by the names of {@code status/licensing}.
 *
 * @param portCount  calls holding a port licence now
 * @param portTotal  port licences of the active licences ({@code concurrent})
 * @param audioCount audio-only calls holding an audio licence now
 * @param audioTotal audio licences of the active licences ({@code audio})
 */
public record LicensingStatus(int portCount, int portTotal, int audioCount, int audioTotal) {

    /** The counts by their {@code status/licensing} field names. */
    public java.util.Map<String, Object> fields() {
        return java.util.Map.of("port_count", portCount, "port_total", portTotal, "audio_count", audioCount,
                "audio_total", audioTotal);
    }
}
