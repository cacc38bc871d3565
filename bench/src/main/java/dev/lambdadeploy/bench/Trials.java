package dev.lambdadeploy.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The update durations of one row: the nominal one jittered by U(0.9, 1.1), the same list for every contender. */
final class Trials {

    static final double JITTER_LOW = 0.9;
    static final double JITTER_WIDTH = 0.2;

    private Trials() {}

    static List<Duration> jittered(Duration nominal, int trials, long seed) {
        Random random = new Random(seed ^ nominal.toMillis());
        List<Duration> out = new ArrayList<>(trials);
        for (int i = 0; i < trials; i++) {
            out.add(Duration.ofMillis(
                    Math.round(nominal.toMillis() * (JITTER_LOW + JITTER_WIDTH * random.nextDouble()))));
        }
        return out;
    }

    /**
     * The same window as {@link #jittered} on an even grid of {@code points} durations, both ends included: the
     * distribution itself rather than a draw from it, so order statistics over it carry no sampling noise.
     */
    static List<Duration> grid(Duration nominal, int points) {
        if (points < 2) {
            throw new IllegalArgumentException("a grid needs two points at least, was " + points);
        }
        List<Duration> out = new ArrayList<>(points);
        for (int i = 0; i < points; i++) {
            double factor = JITTER_LOW + JITTER_WIDTH * i / (points - 1);
            out.add(Duration.ofNanos(Math.round(nominal.toNanos() * factor)));
        }
        return out;
    }
}
