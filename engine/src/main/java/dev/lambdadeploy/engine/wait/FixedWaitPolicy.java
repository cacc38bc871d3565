package dev.lambdadeploy.engine.wait;

import java.time.Duration;
import java.util.Objects;

/** The spec's schedule: {@code attempts} polls, {@code interval} apart. */
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
        return interval;
    }

    @Override
    public String name() {
        return NAME;
    }
}
