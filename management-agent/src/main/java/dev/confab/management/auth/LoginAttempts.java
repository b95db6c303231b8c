package dev.confab.management.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every login of the Management Node, by password (web login, API Basic) or API token, through one
 * {@link GuessThrottle} and one {@link FailedAttemptSummary}: a guess the throttle refuses is
 * answered at once and never checked, and failures reach the administrator log summed per source
 * and minute. Thread-safe.
 */
public final class LoginAttempts {

    /** What became of an attempt: the user it logged in, or none, and whether it was throttled. */
    public record Outcome(Optional<String> user, Optional<Duration> retryAfter) {

        static Outcome accepted(String user) {
            return new Outcome(Optional.of(user), Optional.empty());
        }

        static Outcome refused() {
            return new Outcome(Optional.empty(), Optional.empty());
        }

        static Outcome throttled(Duration retryAfter) {
            return new Outcome(Optional.empty(), Optional.of(retryAfter));
        }

        public boolean accepted() {
            return user.isPresent();
        }

        /** Whether it was refused unchecked; {@link #retryAfter()} then says how long to wait. */
        public boolean throttled() {
            return retryAfter.isPresent();
        }

        /** The wait in whole seconds, as {@code Retry-After} takes it. */
        public long retryAfterSeconds() {
            return retryAfter.map(Duration::toSeconds).orElse(0L);
        }
    }

    /** The name failed token logins are summed under. */
    public static final String TOKEN = "token";

    private final Credentials credentials;
    private final GuessThrottle throttle;
    private final FailedAttemptSummary failures;

    public LoginAttempts(Credentials credentials, GuessThrottle throttle, FailedAttemptSummary failures) {
        this.credentials = credentials;
        this.throttle = throttle;
        this.failures = failures;
    }

    /** A user name and password from {@code address}; the outcome's user is the name. */
    public Outcome password(String user, String password, String address) {
        if (!user.isEmpty() && credentials.remembered(user, password)) {
            return known(user, user, address, user);
        }
        return attempt(user, user, address, () -> !user.isEmpty() && credentials.checkPassword(user, password)
                ? Optional.of(user) : Optional.empty());
    }

    /** An API token from {@code address}; the outcome's user is {@code token:<name>}. */
    public Outcome token(String token, String address) {
        return token(token, address, other -> Optional.empty());
    }

    /**
     * A token from {@code address} that is an API token, or one {@code alsoAccepted} names the user of
     * (such as the scrape token of {@code /metrics}); one guess either way.
     */
    public Outcome token(String token, String address, Function<String, Optional<String>> alsoAccepted) {
        // a token is checked by its digest, at no cost: looked up first, a known one needs no place
        // among the checks, and an unknown one counts as a failed guess without a second look
        Optional<String> user = alsoAccepted.apply(token)
                .or(() -> credentials.checkToken(token).map(name -> "token:" + name));
        if (user.isPresent()) {
            return known(null, TOKEN, address, user.get());
        }
        return attempt(null, TOKEN, address, Optional::empty);
    }

    /** Credentials known to be right: accepted unless the address or account waits after failures. */
    private Outcome known(String account, String claimed, String address, String user) {
        Duration wait = throttle.acceptKnown(account, address);
        if (!wait.isZero()) {
            failures.record(address, claimed, null, null, true);
            return Outcome.throttled(wait);
        }
        return Outcome.accepted(user);
    }

    private Outcome attempt(String account, String claimed, String address, Supplier<Optional<String>> check) {
        GuessThrottle.Guess guess = throttle.begin(account, address);
        if (!guess.admitted()) {
            failures.record(address, claimed, null, null, true);
            return Outcome.throttled(guess.retryAfter());
        }
        Optional<String> user;
        try {
            user = check.get();
        } catch (RuntimeException e) {
            guess.abandoned();
            throw e;
        }
        if (user.isPresent()) {
            guess.succeeded();
            return Outcome.accepted(user.get());
        }
        guess.failed();
        failures.record(address, claimed, null, null, false);
        return Outcome.refused();
    }
}
