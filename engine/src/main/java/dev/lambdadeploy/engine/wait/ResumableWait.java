package dev.lambdadeploy.engine.wait;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A wait whose whole state is an absolute deadline and a count of polls, so it survives a restart of the
 * process that drives it (the Jenkins plugin persists the deadline and the count and re-arms a timer on resume). Each poll's
 * observation goes through the same {@link ReadinessDecider} as the blocking {@link ReadinessWaiter}.
 */
public record ResumableWait(Instant deadline, int attempts) {

    public ResumableWait {
        Objects.requireNonNull(deadline, "deadline");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative");
        }
    }

    /** A wait that starts {@code now} with the policy's budget. */
    public static ResumableWait start(WaitPolicy policy, Instant now) {
        return new ResumableWait(now.plus(policy.budget()), 0);
    }

    /** When the wait began, derived from the deadline, so nothing else needs persisting. */
    public Instant started(WaitPolicy policy) {
        return deadline.minus(policy.budget());
    }

    /** What one poll's observation at {@code now} means, and the state after it. */
    public Step observe(WaitPolicy policy, Observation seen, Instant now) {
        int attempt = attempts + 1;
        Duration elapsed = Duration.between(started(policy), now);
        Decision decision = new ReadinessDecider(policy).decide(seen, attempt, elapsed.isNegative() ? Duration.ZERO : elapsed);
        return new Step(new ResumableWait(deadline, attempt), decision, elapsed);
    }

    /** The state after a poll, the decision, and the time spent so far. */
    public record Step(ResumableWait next, Decision decision, Duration elapsed) {}
}
