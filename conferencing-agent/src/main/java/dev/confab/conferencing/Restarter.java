package dev.confab.conferencing;

/** Restarts the node into configured mode once provisioning has succeeded. */
@FunctionalInterface
public interface Restarter {

    /** Called once, after the upload's answer has been sent. */
    void restart();
}
