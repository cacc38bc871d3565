package dev.lambdadeploy.engine.wait;

import dev.lambdadeploy.engine.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * Polls at once, then waits a fixed fraction of the time already spent, bounded below by {@code initialDelay}
 * and above by {@code maxDelay}. A readiness that arrives after t seconds is thus seen within about t/6
 * (a quarter second for a one-second zip update), while long image or VPC updates are polled no more often
 * than every {@code maxDelay}, so the call count stays near the spec's and below the SDK waiter's.
 */
public record AdaptiveWaitPolicy(Duration budget, Duration initialDelay, Duration maxDelay, int maxAttempts)
        implements WaitPolicy {

    public static final String NAME = "adaptive";
    public static final Duration INITIAL_DELAY = Duration.ofMillis(250);
    /** The delay is the time spent so far divided by this. */
    static final int ELAPSED_DIVISOR = 6;

    public AdaptiveWaitPolicy {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (budget.isNegative()
                || budget.isZero()
                || initialDelay.isNegative()
                || initialDelay.isZero()
                || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 < initialDelay <= maxDelay and a positive budget");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    /** The same budget as {@code attempts} polls {@code interval} apart, backing off to {@code interval}. */
    public static AdaptiveWaitPolicy withinBudgetOf(int attempts, Duration interval) {
        if (attempts < 1 || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("need at least one attempt and a positive interval");
        }
        Duration budget = interval.multipliedBy(attempts);
        Duration initial = interval.compareTo(INITIAL_DELAY) < 0 ? interval : INITIAL_DELAY;
        return new AdaptiveWaitPolicy(budget, initial, interval, pollsWithin(budget, initial, interval));
    }

    @Override
    public Duration delayAfter(int attempt, Duration elapsed) {
        return delayAt(elapsed, initialDelay, maxDelay);
    }

    @Override
    public String name() {
        return NAME;
    }

    private static Duration delayAt(Duration elapsed, Duration initialDelay, Duration maxDelay) {
        return Durations.clamp(elapsed.dividedBy(ELAPSED_DIVISOR), initialDelay, maxDelay);
    }

    /** How many polls the schedule makes in the budget if each poll took no time, the last one at the deadline. */
    private static int pollsWithin(Duration budget, Duration initialDelay, Duration maxDelay) {
        int polls = 1;
        Duration at = Duration.ZERO;
        while (at.compareTo(budget) < 0) {
            at = at.plus(delayAt(at, initialDelay, maxDelay));
            polls++;
        }
        return polls;
    }
}
