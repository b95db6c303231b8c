package dev.confab.management.store;

/**
 * One row of the Conferencing Node history ({@code workervm_status_event}); times in the API format.
 *
 * @param eventType {@code start}, {@code start_failed}, {@code running}, {@code stop}, {@code stop_failed}
 *                  or {@code stopped}
 * @param errorCode EC2's error code of a failed event, else blank
 */
public record WorkerVmEvent(String timeChanged, String eventType, String state, String context, String details,
                            String workervmAddress, Long workervmConfigurationId, String workervmConfigurationName,
                            String workervmConfigurationLocationName, String cloudInstanceId, String errorCode) {
}
