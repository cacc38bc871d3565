package dev.lambdadeploy.bench.sim;

import dev.lambdadeploy.engine.wait.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Simulated time that runs {@code scale} times faster than real time: start + realElapsed x scale. The
 * simulator and every contender read this clock, and every contender's sleeps are divided by the scale, so
 * they all see the same schedule, only shorter.
 */
public final class ScaledTime implements InstantSource {

    private final double scale;
    private final Instant origin;
    private final long originNanos;

    public ScaledTime(double scale) {
        if (!(scale >= 1)) {
            throw new IllegalArgumentException("scale must be at least 1, was " + scale);
        }
        this.scale = scale;
        this.origin = Instant.now();
        this.originNanos = System.nanoTime();
    }

    public static ScaledTime realTime() {
        return new ScaledTime(1);
    }

    public double scale() {
        return scale;
    }

    @Override
    public Instant instant() {
        return origin.plusNanos(Math.round((System.nanoTime() - originNanos) * scale));
    }

    /** How long {@code simulated} lasts on the wall clock. */
    public Duration toReal(Duration simulated) {
        return Duration.ofNanos(Math.round(simulated.toNanos() / scale));
    }

    /** How long {@code real} lasts in simulated time. */
    public Duration toSimulated(Duration real) {
        return Duration.ofNanos(Math.round(real.toNanos() * scale));
    }

    /** Sleeps the real equivalent of a simulated duration. */
    public Sleeper sleeper() {
        Sleeper real = Sleeper.system();
        return simulated -> real.sleep(toReal(simulated));
    }
}
