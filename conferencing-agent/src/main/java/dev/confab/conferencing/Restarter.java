package dev.confab.conferencing;

/**
 * Restarts the node onto the key and certificate it has just stored: into configured mode once
 * provisioning has succeeded, and onto the new certificate after enrolling again.
 */
@FunctionalInterface
public interface Restarter {

    /** Called once per enrolment: after the upload's answer has been sent, or after a re-enrolment. */
    void restart();
}
