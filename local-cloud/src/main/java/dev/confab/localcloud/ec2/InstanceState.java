package dev.confab.localcloud.ec2;

import java.util.Locale;

/** The EC2 instance states the endpoint uses, with EC2's names and codes. */
public enum InstanceState {
    PENDING(0), RUNNING(16), STOPPING(64), STOPPED(80);

    private final int code;

    InstanceState(int code) {
        this.code = code;
    }

    /** The state's name on the wire: {@code pending}, {@code running} … */
    public String ec2Name() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** EC2's numeric code of the state (the low byte of {@code instanceState.code}). */
    public int code() {
        return code;
    }

    /** The state an instance file or a test names ({@code running}, {@code stopped}). */
    public static InstanceState named(String name) {
        for (InstanceState state : values()) {
            if (state.ec2Name().equals(name)) {
                return state;
            }
        }
        throw new IllegalArgumentException("Unknown instance state \"" + name + "\": use pending, running, stopping"
                + " or stopped.");
    }
}
