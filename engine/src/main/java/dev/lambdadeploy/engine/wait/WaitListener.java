package dev.lambdadeploy.engine.wait;

import java.time.Duration;

/** Hears every poll of a wait and what was decided after it, to show progress. */
@FunctionalInterface
public interface WaitListener {

    void polled(Observation seen, Decision decision, int attempt, int maxAttempts, Duration elapsed);

    WaitListener NONE = (seen, decision, attempt, maxAttempts, elapsed) -> {};
}
