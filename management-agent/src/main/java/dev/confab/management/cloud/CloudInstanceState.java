package dev.confab.management.cloud;

import java.util.Locale;

/** The state of an EC2 instance, with EC2's names. */
public enum CloudInstanceState {
    PENDING, RUNNING, SHUTTING_DOWN, TERMINATED, STOPPING, STOPPED,
    /** A state this release does not know. */
    UNKNOWN;

    /** The state EC2 names {@code name} ({@code running}, {@code shutting-down} …). */
    public static CloudInstanceState of(String name) {
        for (CloudInstanceState state : values()) {
            if (state != UNKNOWN && state.ec2Name().equals(name)) {
                return state;
            }
        }
        return UNKNOWN;
    }

    /** The state's name in EC2. */
    public String ec2Name() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
