package dev.confab.management.store;

/** One line of the administrator log; {@code revision} is null for events that change no configuration. */
public record AdminLogEntry(String time, String user, String address, String action, String resource,
                            Long objectId, String objectName, String details, Long revision) {
}
