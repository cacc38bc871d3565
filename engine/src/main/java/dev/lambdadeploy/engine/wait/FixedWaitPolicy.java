package dev.lambdadeploy.engine.wait;

import java.time.Duration;
import java.util.Objects;

/**
 * The spec's schedule: {@code attempts} polls, {@code interval} apart. Polls keep to the grid 0, interval,
 * 2 x interval..., so the time a poll takes does not push the last ones past the budget.
 */
public record FixedWaitPolicy(int maxAttempts, Duration interval) implements WaitPolicy {

    public static final String NAME = "fixed";

    public FixedWaitPolicy {
        Objects.requireNonNull(interval, "interval");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
    }

    @Override
    public Duration budget() {
        return interval.multipliedBy(maxAttempts);
    }

    @Override
    public Duration delayAfter(int attempt, Duration elapsed) {
        Duration untilNextSlot = interval.multipliedBy(attempt).minus(elapsed);
        return untilNextSlot.isNegative() ? Duration.ZERO : untilNextSlot;
    }

    @Override
    public String name() {
        return NAME;
    }
}
