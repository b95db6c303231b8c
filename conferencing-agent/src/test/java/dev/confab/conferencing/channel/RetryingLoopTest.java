package dev.confab.conferencing.channel;

import dev.confab.conferencing.testing.ManualScheduler;
import dev.confab.conferencing.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one loop under heartbeats and replication: when steps run, what a failure or a refusal does. */
class RetryingLoopTest {

    private static final Duration RETRY = Duration.ofSeconds(2);

    private final TestClock clock = TestClock.fixed();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final Instant start = clock.instant();
    private final List<String> refusals = new ArrayList<>();
    private final List<RetryingLoop> recoveries = new ArrayList<>();

    /**
     * A task that answers each step with the next scripted outcome (a delay, an exception, or a
     * {@link During} action and then an outcome) and records what happened.
     */
    private final class ScriptedTask implements ChannelTask {

        final Deque<Object> outcomes = new ArrayDeque<>();
        final List<Duration> steps = new ArrayList<>();
        final List<String> events = new ArrayList<>();

        ScriptedTask then(Object outcome) {
            outcomes.add(outcome);
            return this;
        }

        @Override
        public Duration step() throws IOException {
            steps.add(Duration.between(start, clock.instant()));
            Object outcome = outcomes.isEmpty() ? Duration.ofHours(1) : outcomes.poll();
            if (outcome instanceof During during) {
                during.action().run();
                outcome = during.outcome();
            }
            if (outcome instanceof IOException e) {
                throw e;
            }
            if (outcome instanceof RuntimeException e) {
                throw e;
            }
            return (Duration) outcome;
        }

        @Override
        public Duration retryDelay(Exception failure) {
            return RETRY;
        }

        @Override
        public void failing(Exception failure) {
            events.add("failing: " + failure.getMessage());
        }

        @Override
        public void recovered() {
            events.add("recovered");
        }
    }

    /** What a step does while it runs (as another loop would at the same time), then its outcome. */
    private record During(Runnable action, Object outcome) {
    }

    private RetryingLoop loop(ChannelTask task) {
        return new RetryingLoop("test", task, scheduler, (loop, refusal) -> refusals.add(refusal.getMessage()),
                recoveries::add);
    }

    @Test
    void runsTheFirstStepAtOnceAndEachNextAfterTheDelayItReturned() {
        ScriptedTask task = new ScriptedTask().then(Duration.ofSeconds(10)).then(Duration.ZERO)
                .then(Duration.ofSeconds(3));

        loop(task).start();
        scheduler.advance(Duration.ofSeconds(20));

        assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(13)),
                task.steps);
    }

    @Test
    void aFailedStepIsRetriedAfterTheRetryDelayAndOnlyTheFirstFailureOfASeriesIsTold() {
        ScriptedTask task = new ScriptedTask().then(new IOException("connection refused"))
                .then(new IOException("connection refused")).then(new IllegalStateException("bad answer"))
                .then(Duration.ofSeconds(10)).then(new IOException("reset"));

        loop(task).start();
        scheduler.advance(Duration.ofSeconds(20));

        assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(6),
                Duration.ofSeconds(16), Duration.ofSeconds(18)), task.steps);
        assertEquals(List.of("failing: connection refused", "recovered", "failing: reset", "recovered"), task.events);
    }

    @Test
    void aRefusalEndsTheLoopAndIsHandedOn() {
        ScriptedTask task = new ScriptedTask().then(Duration.ofSeconds(1))
                .then(new ChannelRefusedException("refused", false));
        RetryingLoop loop = loop(task);

        loop.start();
        scheduler.advance(Duration.ofSeconds(1));

        assertEquals(List.of("refused"), refusals);
        assertEquals(List.of(), scheduler.pending());
        assertEquals(0, scheduler.advance(Duration.ofHours(1)));
        assertEquals(2, task.steps.size());
    }

    @Test
    void aStoppedLoopRunsNoMoreSteps() {
        ScriptedTask task = new ScriptedTask().then(Duration.ofSeconds(1));
        RetryingLoop loop = loop(task);
        loop.start();
        scheduler.runDue();

        loop.stop();

        assertTrue(loop.stopped());
        assertEquals(0, scheduler.advance(Duration.ofHours(1)));
        assertEquals(1, task.steps.size());
    }

    @Test
    void aLoopWhoseSchedulerIsShutDownStops() {
        ScriptedTask task = new ScriptedTask().then(Duration.ofSeconds(1));
        RetryingLoop loop = loop(task);
        loop.start();
        scheduler.shutdown();

        scheduler.runDue();

        assertTrue(loop.stopped());
        assertEquals(1, task.steps.size());
    }

    @Test
    void theFirstSuccessAfterFailuresIsToldOnce() {
        ScriptedTask task = new ScriptedTask().then(Duration.ofSeconds(1)).then(new IOException("refused"))
                .then(new IOException("refused")).then(Duration.ofSeconds(1)).then(Duration.ofSeconds(1));
        RetryingLoop loop = loop(task);

        loop.start();
        scheduler.advance(Duration.ofSeconds(10));

        assertEquals(List.of(loop), recoveries);
    }

    @Test
    void retryNowCutsShortTheWaitAfterAFailure() {
        ScriptedTask task = new ScriptedTask().then(new IOException("refused")).then(Duration.ofSeconds(10));
        RetryingLoop loop = loop(task);
        loop.start();
        scheduler.advance(Duration.ofMillis(500));

        loop.retryNow();
        scheduler.runDue();

        assertEquals(List.of(Duration.ZERO, Duration.ofMillis(500)), task.steps);
        assertEquals(List.of(Duration.ofSeconds(10)), scheduler.pending(), "then the step's own delay, once");
    }

    @Test
    void retryNowLeavesALoopThatIsNotFailingAtItsPace() {
        ScriptedTask task = new ScriptedTask().then(Duration.ofSeconds(10));
        RetryingLoop loop = loop(task);
        loop.start();
        scheduler.advance(Duration.ofSeconds(1));

        loop.retryNow();

        assertEquals(0, scheduler.runDue());
        assertEquals(List.of(Duration.ofSeconds(9)), scheduler.pending());
        scheduler.advance(Duration.ofSeconds(9));
        assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(10)), task.steps);
    }

    @Test
    void retryNowWhileAStepRunsRetriesAtOnceIfThatStepFails() {
        List<RetryingLoop> loops = new ArrayList<>();
        ScriptedTask task = new ScriptedTask().then(new IOException("refused"))
                .then(new During(() -> loops.get(0).retryNow(), new IOException("refused")))
                .then(new IOException("refused"));
        loops.add(loop(task));
        loops.get(0).start();

        scheduler.advance(Duration.ofSeconds(3));

        assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(2)), task.steps.subList(0, 3),
                "the step that failed while told to retry is followed at once");
        assertEquals(List.of(Duration.ofSeconds(1)), scheduler.pending(), "and the next failure waits again");
    }

    @Test
    void aRetryReplacedByRetryNowDoesNotRunAsWell() {
        ScriptedTask task = new ScriptedTask().then(new IOException("refused")).then(Duration.ofSeconds(10));
        RetryingLoop loop = loop(task);
        loop.start();
        scheduler.runDue();

        loop.retryNow();
        loop.retryNow();
        scheduler.advance(Duration.ofSeconds(5));

        assertEquals(List.of(Duration.ZERO, Duration.ZERO), task.steps, "one retry, not one per call, nor the old one");
    }
}
