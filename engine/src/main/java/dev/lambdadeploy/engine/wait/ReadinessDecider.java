package dev.lambdadeploy.engine.wait;

import dev.lambdadeploy.engine.Durations;
import dev.lambdadeploy.engine.aws.AwsErrorInfo;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The heart of every wait: a pure decision from what the last poll saw, how many polls were made and how
 * long the wait has run. The blocking {@link ReadinessWaiter} and the Jenkins plugin's timer-driven,
 * restart-surviving wait both drive this one decision through {@link PollStep}, so they behave alike.
 */
public final class ReadinessDecider {

    /** The least pause after a 429 when Lambda did not say how long to wait. */
    public static final Duration MIN_THROTTLE_DELAY = Duration.ofSeconds(1);

    private final WaitPolicy policy;
    private final Duration budget;

    public ReadinessDecider(WaitPolicy policy) {
        this(policy, policy.budget());
    }

    /**
     * A wait that must end sooner than its policy's budget, because the operation it belongs to has less time
     * left (one deadline for a whole deploy: the waits and the retries share it).
     */
    public ReadinessDecider(WaitPolicy policy, Duration budget) {
        this.policy = Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(budget, "budget");
        this.budget = budget.compareTo(policy.budget()) < 0
                ? (budget.isNegative() ? Duration.ZERO : budget)
                : policy.budget();
    }

    /** The time this wait may take: the policy's budget, or less. */
    public Duration budget() {
        return budget;
    }

    public WaitPolicy policy() {
        return policy;
    }

    /**
     * @param seen what poll number {@code attempt} produced
     * @param attempt the number of polls made so far, this one included (1 for the first)
     * @param elapsed the time since the wait began, this poll included
     */
    public Decision decide(Observation seen, int attempt, Duration elapsed) {
        Objects.requireNonNull(seen, "seen");
        Objects.requireNonNull(elapsed, "elapsed");
        if (seen instanceof Observation.Seen s) {
            if (s.status().isReady()) {
                return new Decision.Ready(s.status());
            }
            if (s.status().isFailed()) {
                return new Decision.Failed(s.status());
            }
        }
        Duration remaining = budget.minus(elapsed);
        if (attempt >= policy.maxAttempts() || remaining.isNegative() || remaining.isZero()) {
            return new Decision.TimedOut(seen instanceof Observation.Seen s ? s.status() : null, errorOf(seen));
        }
        Duration delay = policy.delayAfter(attempt, elapsed);
        if (seen instanceof Observation.Throttled t) {
            delay = Durations.max(delay, Durations.max(t.retryAfter(), MIN_THROTTLE_DELAY));
        }
        if (seen instanceof Observation.Unavailable u
                && dev.lambdadeploy.engine.aws.CallSite.AGENT_NOT_CONNECTED.equals(
                        u.error().errorCode())) {
            // no catching up on missed poll times while the agent that makes the calls is away
            delay = Durations.max(delay, MIN_THROTTLE_DELAY);
        }
        return new Decision.PollAgain(delay.compareTo(remaining) > 0 ? remaining : delay);
    }

    private static @Nullable AwsErrorInfo errorOf(Observation seen) {
        if (seen instanceof Observation.Throttled t) {
            return t.error();
        }
        return seen instanceof Observation.Unavailable u ? u.error() : null;
    }
}
