package dev.lambdadeploy.engine.wait;

import dev.lambdadeploy.engine.FunctionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One poll of a wait, whichever driver makes it: from the state before the poll, what the poll observed and the
 * time, the {@link ReadinessDecider}'s decision, told to the listener, and the {@link WaitProgress} it means. The
 * blocking {@link ReadinessWaiter} sleeps between steps; the Jenkins plugin arms a timer and persists the state, so
 * both behave alike by construction. Pure but for the listener: no clock, no sleep, no call.
 *
 * <pre>{@code
 * PollStep step = new PollStep(policy, log);
 * ResumableWait state = step.start(now);                      // or as persisted: new ResumableWait(deadline, attempts)
 * Observation seen = probe.probe(state.pollTimeout(now));
 * WaitProgress progress = step.after(state, seen, now);      // Continue(next, delay) or Finished(outcome)
 * }</pre>
 *
 * <p>After an update the driver sent itself ({@code LambdaDeployer.updateCodeForOwnWait} returns what the response
 * said), the response can be the first poll, with no call, when the policy schedules around the function's history:
 *
 * <pre>{@code
 * AcceptedUpdate accepted = deployer.updateCodeForOwnWait(request);
 * UpdateWaitLearning learning = new UpdateWaitLearning(settings, key, history);
 * WaitPolicy policy = learning.policy(now);
 * PollStep step = new PollStep(policy, listener);
 * ResumableWait state = step.start(now);
 * Observation first = UpdateWaitLearning.firstObservation(policy, accepted.status()); // null: poll at once
 * WaitProgress progress = step.after(state, first != null ? first : probe.probe(state.pollTimeout(now)), now);
 * }</pre>
 */
public final class PollStep {

    private final ReadinessDecider decider;
    private final WaitListener listener;

    /** A wait with the policy's whole budget. */
    public PollStep(WaitPolicy policy, WaitListener listener) {
        this(new ReadinessDecider(policy), listener);
    }

    /** A wait with the decider's budget, which may be less than its policy's (what is left of an operation). */
    public PollStep(ReadinessDecider decider, WaitListener listener) {
        this.decider = Objects.requireNonNull(decider, "decider");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** The state of a wait that starts {@code now}, before its first poll. */
    public ResumableWait start(Instant now) {
        return new ResumableWait(now.plus(decider.budget()), 0);
    }

    /**
     * What poll number {@code state.attempts() + 1}, which observed {@code seen} and ended at {@code now}, means;
     * tells the listener the observation and the decision.
     */
    public WaitProgress after(ResumableWait state, Observation seen, Instant now) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(seen, "seen");
        int attempt = state.attempts() + 1;
        // derived from the deadline, so that a restarted wait goes on where it was; never negative (a clock set back)
        Duration elapsed = Duration.between(state.deadline().minus(decider.budget()), now);
        if (elapsed.isNegative()) {
            elapsed = Duration.ZERO;
        }
        @Nullable FunctionStatus lastSeen = seen instanceof Observation.Seen s ? s.status() : state.lastSeen();
        Decision decision = decider.decide(seen, attempt, elapsed);
        listener.polled(seen, decision, attempt, decider.policy().maxAttempts(), elapsed);
        if (decision instanceof Decision.PollAgain again) {
            return new WaitProgress.Continue(new ResumableWait(state.deadline(), attempt, lastSeen), again.delay());
        }
        return new WaitProgress.Finished(WaitOutcome.ofFinal(decision, lastSeen, attempt, elapsed));
    }
}
