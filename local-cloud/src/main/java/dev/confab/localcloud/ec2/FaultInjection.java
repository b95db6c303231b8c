package dev.confab.localcloud.ec2;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Failures the endpoint answers instead of acting, for tests and demonstrations: the next N calls of
 * an action, or a share of them, fail with an {@link Ec2Fault}. A call is checked after its signature
 * (an injected fault never hides a real refusal) and before it acts, so a failed call changes
 * nothing. The first rule that applies to a call decides. Thread-safe.
 */
public final class FaultInjection {

    /** The action name that stands for every action. */
    public static final String EVERY_ACTION = "*";

    private final List<Rule> rules = new ArrayList<>();
    private final Random random;

    /** {@code random} decides the calls a rate fails; seed it to repeat a run. */
    public FaultInjection(Random random) {
        this.random = random;
    }

    private static final class Rule {
        final String action;
        final Ec2Fault fault;
        int remaining;
        final double rate;

        Rule(String action, Ec2Fault fault, int remaining, double rate) {
            this.action = action;
            this.fault = fault;
            this.remaining = remaining;
            this.rate = rate;
        }

        boolean appliesTo(String called) {
            return action.equals(EVERY_ACTION) || action.equals(called);
        }
    }

    /** The next {@code times} calls of {@code action} ({@link #EVERY_ACTION} for any) fail with {@code fault}. */
    public synchronized void failNext(String action, Ec2Fault fault, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("Fail at least one call, not " + times + ".");
        }
        rules.add(new Rule(action, fault, times, 0));
    }

    /** Each call of {@code action} fails with {@code fault} with probability {@code rate}, until cleared. */
    public synchronized void failAtRate(String action, Ec2Fault fault, double rate) {
        if (!(rate > 0 && rate <= 1)) {
            throw new IllegalArgumentException("A rate is more than 0 and at most 1, not " + rate + ".");
        }
        rules.add(new Rule(action, fault, -1, rate));
    }

    /** Removes every rule. */
    public synchronized void clear() {
        rules.clear();
    }

    /** The fault this call of {@code action} answers with, if any (and counts it). */
    synchronized Optional<Ec2Error> next(String action) {
        for (Rule rule : rules) {
            if (!rule.appliesTo(action)) {
                continue;
            }
            if (rule.remaining > 0) {
                rule.remaining--;
                if (rule.remaining == 0) {
                    rules.remove(rule);
                }
                return Optional.of(rule.fault.error());
            }
            if (rule.remaining < 0 && random.nextDouble() < rule.rate) {
                return Optional.of(rule.fault.error());
            }
        }
        return Optional.empty();
    }
}
