package dev.confab.management.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Limits password guesses per source address, per account and overall. A check still running
 * counts as a failure, so parallel requests cannot overtake the limit: past a few free failures a
 * scope admits one guess at a time, each after a wait that doubles up to a cap. A refused guess is
 * told at once how long to wait, and never checked. Nothing is locked out for good: every wait
 * ends, a success clears its address and account, and failures are forgotten after a quiet quarter
 * of an hour. Memory is bounded: past {@link #MAX_TRACKED} addresses or accounts, further ones share
 * one tally. Thread-safe (one lock; every step is a few map operations).
 */
public final class GuessThrottle {

    /**
     * How one scope slows guessing down.
     *
     * @param free      failures answered without a wait
     * @param firstWait the wait after the first failure past those
     * @param maxWait   the longest wait; each further failure doubles it up to this
     */
    public record Policy(int free, Duration firstWait, Duration maxWait) {

        /** How long to wait after {@code failures} failures. */
        Duration waitAfter(int failures) {
            if (failures < free) {
                return Duration.ZERO;
            }
            int doublings = Math.min(failures - free, 20);
            Duration wait = firstWait.multipliedBy(1L << doublings);
            return wait.compareTo(maxWait) > 0 ? maxWait : wait;
        }
    }

    /** One source address: a person mistyping gets a few tries, a script guessing about one a minute. */
    public static final Policy PER_ADDRESS = new Policy(5, Duration.ofSeconds(1), Duration.ofSeconds(60));
    /** One account, from every address together. */
    public static final Policy PER_ACCOUNT = new Policy(10, Duration.ofSeconds(1), Duration.ofSeconds(30));
    /** Checks running at once on the whole node: each costs a deliberately slow hash. */
    public static final int MAX_CHECKING = 8;
    /** Failed guesses per minute on the whole node. */
    public static final int MAX_FAILURES_PER_MINUTE = 120;
    /** A scope quiet this long starts afresh. */
    public static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    /** Addresses, and accounts, tracked one by one; beyond that they share a tally. */
    public static final int MAX_TRACKED = 10_000;

    private static final String OTHERS = "\u0000others";

    /** Failures and running checks of one address or account. */
    private static final class Tally {
        int failures;
        int checking;
        Instant lastFailure = Instant.MIN;
        Instant nextAllowed = Instant.MIN;

        boolean idle(Instant now) {
            return checking == 0 && (failures == 0 || !lastFailure.plus(FORGET_AFTER).isAfter(now));
        }

        /** How long a new guess must wait; zero when it may be checked now. */
        Duration waitBefore(Policy policy, Instant now) {
            forgetIfIdle(now);
            int pending = failures + checking;
            if (pending < policy.free()) {
                return Duration.ZERO;
            }
            if (checking > 0) {
                // the running check decides; if it fails, the wait after it is at least this
                return policy.waitAfter(pending);
            }
            return untilAllowed(policy, now);
        }

        /** How long a guess must wait after this scope's failures, leaving aside the checks running now. */
        Duration waitAfterFailures(Policy policy, Instant now) {
            forgetIfIdle(now);
            return failures < policy.free() ? Duration.ZERO : untilAllowed(policy, now);
        }

        private void forgetIfIdle(Instant now) {
            if (idle(now)) {
                cleared();
            }
        }

        /**
         * Until the next guess is allowed: never longer than the policy's longest wait, even when the
         * clock was set back.
         */
        private Duration untilAllowed(Policy policy, Instant now) {
            if (!now.isBefore(nextAllowed)) {
                return Duration.ZERO;
            }
            Duration wait = Duration.between(now, nextAllowed);
            return wait.compareTo(policy.maxWait()) > 0 ? policy.maxWait() : wait;
        }

        /** Starts the count afresh: after a success, or a long enough quiet. */
        void cleared() {
            failures = 0;
            nextAllowed = Instant.MIN;
        }

        void failed(Policy policy, Instant now) {
            checking--;
            failures++;
            lastFailure = now;
            nextAllowed = now.plus(policy.waitAfter(failures));
        }

        void succeeded() {
            checking--;
            cleared();
        }
    }

    /**
     * The answer to {@link #begin}: either refused with a wait, or admitted; an admitted guess must
     * be ended exactly once with {@link #succeeded()}, {@link #failed()} or {@link #abandoned()}.
     */
    public final class Guess {
        private final Tally address;
        private final Tally account;
        private final Duration retryAfter;
        private boolean ended;

        private Guess(Tally address, Tally account, Duration retryAfter) {
            this.address = address;
            this.account = account;
            this.retryAfter = retryAfter;
            this.ended = retryAfter != null;
        }

        public boolean admitted() {
            return retryAfter == null;
        }

        /** For a refused guess: how long until a guess may be admitted again, in whole seconds, at least one. */
        public Duration retryAfter() {
            return retryAfter;
        }

        public void succeeded() {
            end(Outcome.SUCCEEDED);
        }

        public void failed() {
            end(Outcome.FAILED);
        }

        /** The check could not be made (an error): counts neither way. */
        public void abandoned() {
            end(Outcome.ABANDONED);
        }

        private void end(Outcome outcome) {
            synchronized (GuessThrottle.this) {
                if (ended) {
                    return;
                }
                ended = true;
                Instant now = clock.instant();
                checking--;
                switch (outcome) {
                    case SUCCEEDED -> {
                        address.succeeded();
                        if (account != null) {
                            account.succeeded();
                        }
                    }
                    case FAILED -> {
                        address.failed(PER_ADDRESS, now);
                        if (account != null) {
                            account.failed(PER_ACCOUNT, now);
                        }
                        countFailure(now);
                    }
                    case ABANDONED -> {
                        address.checking--;
                        if (account != null) {
                            account.checking--;
                        }
                    }
                }
            }
        }
    }

    private enum Outcome { SUCCEEDED, FAILED, ABANDONED }

    private final Clock clock;
    private final Map<String, Tally> byAddress = new HashMap<>();
    private final Map<String, Tally> byAccount = new HashMap<>();
    private int checking;
    private Instant minuteStart = Instant.MIN;
    private int failuresThisMinute;

    public GuessThrottle(Clock clock) {
        this.clock = clock;
    }

    /**
     * Asks to check a guess for {@code account} (null when the guess names none, as an API token)
     * from {@code address}. Either admits it, reserving its place until it ends, or refuses it.
     */
    public synchronized Guess begin(String account, String address) {
        Instant now = clock.instant();
        Tally byThisAddress = tally(byAddress, address, now);
        Tally byThisAccount = account == null ? null : tally(byAccount, account, now);
        Duration wait = longer(longestWait(byThisAddress, byThisAccount,
                (tally, policy) -> tally.waitBefore(policy, now)), overallWait(now));
        if (!wait.isZero()) {
            return new Guess(byThisAddress, byThisAccount, wholeSeconds(wait));
        }
        both(byThisAddress, byThisAccount, tally -> tally.checking++);
        checking++;
        return new Guess(byThisAddress, byThisAccount, null);
    }

    /**
     * Asks to accept credentials already known to be right (a password that passed the slow check
     * within the last minute, an API token found by its digest) for {@code account} from
     * {@code address}, at no cost: refused (with the wait) only while the address or the account
     * waits after failed guesses, as any guess would be; else accepted at once, as a success, taking
     * no place among the checks running. So many concurrent calls of a script with the right
     * password are never told to wait, and a guesser that is waiting gains nothing from them.
     */
    public synchronized Duration acceptKnown(String account, String address) {
        Instant now = clock.instant();
        Tally byThisAddress = tally(byAddress, address, now);
        Tally byThisAccount = account == null ? null : tally(byAccount, account, now);
        Duration wait = longestWait(byThisAddress, byThisAccount,
                (tally, policy) -> tally.waitAfterFailures(policy, now));
        if (!wait.isZero()) {
            return wholeSeconds(wait);
        }
        both(byThisAddress, byThisAccount, Tally::cleared);
        return Duration.ZERO;
    }

    /** The longer of the address's and the account's (when there is one) waits, each under its policy. */
    private static Duration longestWait(Tally address, Tally account, BiFunction<Tally, Policy, Duration> wait) {
        Duration byAddress = wait.apply(address, PER_ADDRESS);
        return account == null ? byAddress : longer(byAddress, wait.apply(account, PER_ACCOUNT));
    }

    private static void both(Tally address, Tally account, Consumer<Tally> action) {
        action.accept(address);
        if (account != null) {
            action.accept(account);
        }
    }

    /** Drops the tallies of addresses and accounts that have been quiet long enough. */
    public synchronized void forgetQuiet() {
        Instant now = clock.instant();
        byAddress.values().removeIf(tally -> tally.idle(now));
        byAccount.values().removeIf(tally -> tally.idle(now));
    }

    /** Addresses and accounts tracked now, for tests of the bound. */
    synchronized int tracked() {
        return byAddress.size() + byAccount.size();
    }

    private Duration overallWait(Instant now) {
        if (checking >= MAX_CHECKING) {
            return Duration.ofSeconds(1);
        }
        startMinuteIfOver(now);
        if (failuresThisMinute + checking >= MAX_FAILURES_PER_MINUTE) {
            return Duration.between(now, minuteStart.plus(Duration.ofMinutes(1)));
        }
        return Duration.ZERO;
    }

    private void countFailure(Instant now) {
        startMinuteIfOver(now);
        failuresThisMinute++;
    }

    /** Starts counting a new minute when the current one has passed, or the clock was set back before it. */
    private void startMinuteIfOver(Instant now) {
        if (!now.isBefore(minuteStart.plus(Duration.ofMinutes(1))) || now.isBefore(minuteStart)) {
            minuteStart = now;
            failuresThisMinute = 0;
        }
    }

    private Tally tally(Map<String, Tally> tallies, String key, Instant now) {
        Tally tally = tallies.get(key);
        if (tally != null) {
            return tally;
        }
        if (tallies.size() >= MAX_TRACKED) {
            tallies.values().removeIf(quiet -> quiet.idle(now));
            if (tallies.size() >= MAX_TRACKED) {
                return tallies.computeIfAbsent(OTHERS, others -> new Tally());
            }
        }
        return tallies.computeIfAbsent(key, created -> new Tally());
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration wholeSeconds(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return Duration.ofSeconds(seconds);
    }
}
