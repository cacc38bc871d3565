package dev.lambdadeploy.engine.wait;

import dev.lambdadeploy.engine.FunctionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The state of a wait between two polls: an absolute deadline, the count of polls made and the last status any of
 * them saw. The deadline and the count are all that must survive a restart of the process that drives the wait (the
 * Jenkins plugin persists them and re-arms a timer on resume); {@code lastSeen} only refines the outcome of a wait
 * whose last polls went unanswered, so a driver may keep it in memory only. {@link PollStep} takes a wait from one
 * state to the next, for the blocking {@link ReadinessWaiter} and for a timer-driven driver alike.
 */
public record ResumableWait(
        Instant deadline, int attempts, @Nullable FunctionStatus lastSeen) {

    public ResumableWait {
        Objects.requireNonNull(deadline, "deadline");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative");
        }
    }

    /** A wait as persisted, without the last status seen (lost with a restart, and not needed to go on). */
    public ResumableWait(Instant deadline, int attempts) {
        this(deadline, attempts, null);
    }

    /** A wait that starts {@code now} with the policy's budget. */
    public static ResumableWait start(WaitPolicy policy, Instant now) {
        return new ResumableWait(now.plus(policy.budget()), 0);
    }

    /** The time left until the deadline at {@code now}; zero once it has passed. */
    public Duration timeLeft(Instant now) {
        Duration left = Duration.between(now, deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * How long the next poll may take at {@code now}, for {@link ReadinessProbe#probe(Duration)}: the time left, but
     * at least {@link ReadinessWaiter#MIN_CALL_TIMEOUT}, so the poll at the very end of a wait still gets an answer.
     */
    public Duration pollTimeout(Instant now) {
        Duration left = timeLeft(now);
        return left.compareTo(ReadinessWaiter.MIN_CALL_TIMEOUT) < 0 ? ReadinessWaiter.MIN_CALL_TIMEOUT : left;
    }

    /** When the wait began, derived from the deadline, so nothing else needs persisting. */
    public Instant started(WaitPolicy policy) {
        return deadline.minus(policy.budget());
    }
}
