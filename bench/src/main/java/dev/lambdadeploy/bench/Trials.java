package dev.lambdadeploy.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The update durations of one row: the nominal one jittered by U(0.9, 1.1), the same list for every contender. */
final class Trials {

    private Trials() {}

    static List<Duration> jittered(Duration nominal, int trials, long seed) {
        Random random = new Random(seed ^ nominal.toMillis());
        List<Duration> out = new ArrayList<>(trials);
        for (int i = 0; i < trials; i++) {
            out.add(Duration.ofMillis(Math.round(nominal.toMillis() * (0.9 + 0.2 * random.nextDouble()))));
        }
        return out;
    }
}
