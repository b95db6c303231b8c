package dev.confab.localcloud.callgen;

import dev.confab.localcloud.callgen.ClientApiClient.Answer;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One generated call: {@code request_token}, then {@code refresh_token} every third of the token's
 * lifetime while it is held, then {@code release_token} at the end of its hold or when the run is
 * stopped ({@link #end}). At most one request of a call is in flight at a time: an end asked for
 * during a request or a refresh releases the call once it is answered. A refresh that gets no answer
 * is tried again every second until the token would have expired. Thread-safe.
 */
final class GeneratedCall {

    /** How a call reports to the run it belongs to. */
    interface Run {
        ClientApiClient client();

        ScheduledExecutorService timers();

        CallStats stats();

        /** Called once, when the call has ended in whatever way. */
        void ended(GeneratedCall call);
    }

    private static final Duration REFRESH_RETRY = Duration.ofSeconds(1);
    private static final Duration SHORTEST_REFRESH = Duration.ofMillis(100);

    private enum State { REQUESTING, HELD, REFRESHING, RELEASING, ENDED }

    private final Run run;
    private final String node;
    private final String alias;
    // guarded by this
    private State state = State.REQUESTING;
    private boolean endAsked;
    private String token;
    private String location;
    private long expiresAtNanos;
    private ScheduledFuture<?> refreshTimer;
    private ScheduledFuture<?> holdTimer;

    GeneratedCall(Run run, String node, String alias) {
        this.run = run;
        this.node = node;
        this.alias = alias;
    }

    /** Sends {@code request_token}; a call admitted is held for {@code hold}. */
    void start(String displayName, String callType, String pin, Duration hold) {
        run.stats().attempted();
        long sent = System.nanoTime();
        run.client().requestToken(node, alias, displayName, callType, pin)
                .whenComplete((answer, failure) -> requested(answer, failure, Duration.ofNanos(System.nanoTime() - sent),
                        hold));
    }

    /** Ends the call: releases it now when it is held, or as soon as its request in flight is answered. */
    synchronized void end() {
        endAsked = true;
        if (state == State.HELD) {
            release();
        }
    }

    private void requested(Answer answer, Throwable failure, Duration latency, Duration hold) {
        if (failure != null) {
            run.stats().unanswered(ClientApiClient.describe(failure));
            finish();
            return;
        }
        if (!answer.success()) {
            run.stats().refused(answer.refusalReason(), latency);
            finish();
            return;
        }
        String grantedLocation;
        try {
            grantedLocation = answer.field("system_location");
            granted(answer);
        } catch (RuntimeException e) {
            run.stats().unanswered(ClientApiClient.describe(e));
            finish();
            return;
        }
        run.stats().admitted(grantedLocation, latency);
        synchronized (this) {
            location = grantedLocation;
            state = State.HELD;
            if (endAsked) {
                release();
                return;
            }
            holdTimer = run.timers().schedule(this::end, hold.toNanos(), TimeUnit.NANOSECONDS);
            scheduleRefresh();
        }
    }

    private synchronized void refresh() {
        if (state != State.HELD || endAsked) {
            return;
        }
        state = State.REFRESHING;
        run.client().refreshToken(node, alias, token).whenComplete(this::refreshed);
    }

    private void refreshed(Answer answer, Throwable failure) {
        synchronized (this) {
            if (failure == null && answer.success()) {
                try {
                    granted(answer);
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            if (failure == null && answer.success() || failure != null && remaining().compareTo(REFRESH_RETRY) > 0) {
                state = State.HELD;
                if (endAsked) {
                    release();
                } else if (failure == null) {
                    scheduleRefresh();
                } else {
                    refreshTimer = run.timers().schedule(this::refresh, REFRESH_RETRY.toNanos(), TimeUnit.NANOSECONDS);
                }
                return;
            }
            cancelTimers();
        }
        run.stats().dropped(location, failure == null
                ? "refresh refused: " + answer.message()
                : "token expired, refresh unanswered: " + ClientApiClient.describe(failure));
        finish();
    }

    /** Sends {@code release_token}; called holding the lock, in state HELD. */
    private void release() {
        state = State.RELEASING;
        cancelTimers();
        run.client().releaseToken(node, alias, token).whenComplete((answer, failure) -> {
            if (failure != null) {
                run.stats().releaseFailed(location, ClientApiClient.describe(failure));
            } else if (!answer.success()) {
                run.stats().releaseFailed(location, answer.message());
            } else {
                run.stats().released(location);
            }
            finish();
        });
    }

    /** Takes the token and its lifetime from a successful answer, or throws naming what it lacks. */
    private synchronized void granted(Answer answer) {
        String newToken = answer.field("token");
        long seconds;
        try {
            seconds = Long.parseLong(answer.field("expires").strip());
        } catch (NumberFormatException e) {
            throw new ClientApiException("The answer's \"expires\" is not a number of seconds: " + answer.result());
        }
        token = newToken;
        expiresAtNanos = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    }

    private void scheduleRefresh() {
        Duration third = remaining().dividedBy(3);
        Duration delay = third.compareTo(SHORTEST_REFRESH) < 0 ? SHORTEST_REFRESH : third;
        refreshTimer = run.timers().schedule(this::refresh, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private Duration remaining() {
        return Duration.ofNanos(expiresAtNanos - System.nanoTime());
    }

    private void cancelTimers() {
        if (refreshTimer != null) {
            refreshTimer.cancel(false);
        }
        if (holdTimer != null) {
            holdTimer.cancel(false);
        }
    }

    private void finish() {
        synchronized (this) {
            state = State.ENDED;
        }
        run.ended(this);
    }
}
