package dev.confab.management.auth;

import dev.confab.management.store.AdminLogDao;
import dev.confab.management.store.AdminLogEntry;
import dev.confab.management.store.Daos;
import dev.confab.management.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Management Node's defence against guessing: the logins' throttle and the summaries of failed
 * logins and refused enrolments in the administrator log, with one small task that, every second,
 * writes the summaries whose minute is over and forgets quiet throttle tallies. Start with
 * {@link #start}, stop with {@link #close()}. Thread-safe.
 */
public final class GuessDefence implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GuessDefence.class);

    private final GuessThrottle throttle;
    private final FailedAttemptSummary loginFailures;
    private final FailedAttemptSummary enrolmentRefusals;
    private final LoginAttempts logins;
    private final ScheduledExecutorService scheduler;

    private GuessDefence(Credentials credentials, Store store, Clock clock) {
        throttle = new GuessThrottle(clock);
        loginFailures = new FailedAttemptSummary(FailedAttemptSummary.Kind.LOGIN, clock, entry -> append(store, entry));
        enrolmentRefusals = new FailedAttemptSummary(FailedAttemptSummary.Kind.ENROLMENT, clock,
                entry -> append(store, entry));
        logins = new LoginAttempts(credentials, throttle, loginFailures);
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "confab-guess-defence");
            thread.setDaemon(true);
            return thread;
        });
    }

    public static GuessDefence start(Credentials credentials, Store store, Clock clock) {
        GuessDefence defence = new GuessDefence(credentials, store, clock);
        defence.scheduler.scheduleWithFixedDelay(defence::tick, 1, 1, TimeUnit.SECONDS);
        return defence;
    }

    /** Password and token logins, throttled and summed. */
    public LoginAttempts logins() {
        return logins;
    }

    /** Where enrolment refusals are summed. */
    public FailedAttemptSummary enrolmentRefusals() {
        return enrolmentRefusals;
    }

    private void tick() {
        try {
            loginFailures.flushDue();
            enrolmentRefusals.flushDue();
            throttle.forgetQuiet();
        } catch (RuntimeException e) {
            // those lines are lost, the task is not: the next tick writes the next ones
            LOG.warn("Could not write a failed-attempt summary to the administrator log", e);
        }
    }

    /** The one place these summaries reach the administrator log; no configuration revision. */
    private static void append(Store store, AdminLogEntry entry) {
        store.write(handle -> {
            Daos.on(handle, AdminLogDao.class).append(entry);
            return null;
        });
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // what is summed so far is written now rather than lost with the process
        loginFailures.flushAll();
        enrolmentRefusals.flushAll();
    }
}
