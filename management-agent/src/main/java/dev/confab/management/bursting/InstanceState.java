package dev.confab.management.bursting;

import java.util.Locale;

/** The EC2 state of an overflow node's instance, as DescribeInstances reports it. */
public enum InstanceState {
    PENDING, RUNNING, STOPPING, STOPPED;

    /** The state named as EC2 names it ({@code "pending"}, {@code "running"} …). */
    public static InstanceState ofEc2Name(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("EC2 state " + name + " is not one an overflow node can be in"
                    + " (pending, running, stopping, stopped)", e);
        }
    }
}
