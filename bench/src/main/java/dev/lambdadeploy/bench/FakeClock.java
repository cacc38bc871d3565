package dev.lambdadeploy.bench;

import dev.lambdadeploy.engine.wait.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Time for one replayed deploy: it passes only when the code sleeps or a call takes its round trip, so a replay takes
 * no real time and does the same on every machine. One thread only.
 */
final class FakeClock implements InstantSource, Sleeper {

    private Instant now;

    FakeClock(Instant start) {
        this.now = start;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public void sleep(Duration duration) {
        advance(duration);
    }

    void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time does not run backwards: " + duration);
        }
        now = now.plus(duration);
    }
}
