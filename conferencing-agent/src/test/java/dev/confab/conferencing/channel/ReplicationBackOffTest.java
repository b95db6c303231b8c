package dev.confab.conferencing.channel;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A node's configuration poll waits longer after each failure in a row, and as at first once one succeeds. */
class ReplicationBackOffTest {

    @Test
    void doublesFromTwoSecondsUpToThirtySeconds() {
        assertEquals(List.of(2L, 4L, 8L, 16L, 30L, 30L, 30L), IntStream.range(0, 7)
                .mapToObj(earlier -> ReplicationTask.backOff(earlier).toSeconds()).toList());
    }

    @Test
    void eachFailureInARowWaitsLongerUntilAPollSucceeds() {
        ReplicationTask task = new ReplicationTask(null, null);
        IOFailure failure = new IOFailure();
        Duration first = task.retryDelay(failure);
        task.retryDelay(failure);
        task.retryDelay(failure);
        Duration fourth = task.retryDelay(failure);
        assertTrue(first.toMillis() >= 1_800 && first.toMillis() <= 2_200, first.toString());
        assertTrue(fourth.toMillis() >= 14_400 && fourth.toMillis() <= 17_600, fourth.toString());

        task.recovered();

        Duration afterRecovery = task.retryDelay(failure);
        assertTrue(afterRecovery.toMillis() >= 1_800 && afterRecovery.toMillis() <= 2_200, afterRecovery.toString());
    }

    private static final class IOFailure extends java.io.IOException {
        IOFailure() {
            super("no answer");
        }
    }
}
