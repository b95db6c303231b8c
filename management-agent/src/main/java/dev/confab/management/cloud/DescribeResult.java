package dev.confab.management.cloud;

import java.util.List;

/** The outcome of describing this platform's instances. */
public sealed interface DescribeResult {

    /** Every instance tagged for this platform. */
    record Described(List<CloudInstance> instances) implements DescribeResult {
        public Described {
            instances = List.copyOf(instances);
        }
    }

    /** EC2 could not be asked, or refused. */
    record Failed(CloudFailure failure) implements DescribeResult {
    }
}
