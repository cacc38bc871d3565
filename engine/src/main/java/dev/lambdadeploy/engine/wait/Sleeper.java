package dev.lambdadeploy.engine.wait;

import java.time.Duration;

/** Passes time. Injected so that tests advance a fake clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** The real thing: interruptible, so an aborted build stops waiting at once. */
    static Sleeper system() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), (int) (duration.toNanosPart() % 1_000_000));
            }
        };
    }
}
