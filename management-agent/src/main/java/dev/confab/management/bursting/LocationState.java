package dev.confab.management.bursting;

/** How close a location is to its bursting threshold, with the words the status pages show. */
public enum LocationState {
    /** More than two HD calls above the threshold. */
    OK("ok"),
    /** Free HD calls at most two above the threshold. */
    APPROACHING("approaching threshold"),
    /** Free HD calls at or below the threshold. */
    REACHED("bursting threshold reached"),
    /**
     * No node of the location has a fresh load report, one is still awaited after a restart, or
     * its only running overflow nodes do not report.
     */
    LOAD_UNKNOWN("load unknown"),
    /** A location of overflow nodes only, none of them running or starting. */
    NO_NODE_RUNNING("no node running");

    private final String label;

    LocationState(String label) {
        this.label = label;
    }

    /** The words shown to an operator. */
    public String label() {
        return label;
    }

    /** The state of {@code freeHdCalls} against {@code threshold}. */
    static LocationState of(int freeHdCalls, int threshold) {
        if (freeHdCalls <= threshold) {
            return REACHED;
        }
        return freeHdCalls <= threshold + 2 ? APPROACHING : OK;
    }
}
