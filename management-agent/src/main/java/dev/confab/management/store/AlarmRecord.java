package dev.confab.management.store;

/** An alarm as raised: the row of {@code alarm} and, with the same id, of {@code alarm_history}. */
public record AlarmRecord(int identifier, String name, String level, String details, String instance, String node,
                          Long nodeId, String timeRaised) {
}
