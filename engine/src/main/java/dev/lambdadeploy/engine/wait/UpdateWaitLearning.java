package dev.lambdadeploy.engine.wait;

import dev.lambdadeploy.engine.FunctionStatus;
import dev.lambdadeploy.engine.WaitSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code history} policy learns from the wait that follows an update of a function, for every driver of
 * that wait (the blocking one, the Jenkins plugin's timer): the schedule from the function's earlier update
 * durations, and, once the update is seen ready, its own duration to remember. The update ended between the last poll
 * that saw it not ready and the one that saw it ready, so the midpoint is recorded: neither a coarse schedule (an upper
 * bound) nor an early poll (a lower bound) biases the next wait.
 *
 * @param settings the wait's settings; only {@link WaitPolicyName#HISTORY} learns
 * @param key the function whose updates are waited for
 * @param history where durations are kept
 */
public record UpdateWaitLearning(WaitSettings settings, WaitKey key, WaitHistory history) {

    public UpdateWaitLearning {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(history, "history");
    }

    public boolean learns() {
        return settings.waitPolicy() == WaitPolicyName.HISTORY;
    }

    /**
     * The policy of the wait: around the function's earlier durations with {@code history}, else the settings'. As
     * {@link #policy(Instant, UpdateTraits)} with nothing known about the function.
     */
    public WaitPolicy policy(Instant now) {
        return policy(now, UpdateTraits.UNKNOWN);
    }

    /**
     * The policy of the wait: with {@code history}, around the function's earlier durations or, when none is recorded,
     * around the prior of {@code traits} (what the update's response said about the function); else the settings'.
     * Pure given the history's answer: the same {@code now}, history and traits give the same schedule, so a driver
     * that rebuilds the policy at every poll (the Jenkins plugin's timer) polls as the blocking wait does.
     */
    public WaitPolicy policy(Instant now, UpdateTraits traits) {
        Objects.requireNonNull(traits, "traits");
        return learns()
                ? HistoryWaitPolicy.withinBudgetOf(
                        settings.maxWaitAttempts(), settings.pollInterval(), history.recent(key, now), traits)
                : settings.toPolicy();
    }

    /**
     * What the wait takes as its first poll instead of a GetFunction: with {@code history}, the status the update's
     * response reported ({@code accepted}); null otherwise (the other policies poll at once, as they always did).
     * Give it to {@link PollStep#after} as the observation of the first attempt, at the wait's start.
     */
    public @Nullable Observation firstObservation(@Nullable FunctionStatus accepted) {
        return accepted != null && learns() ? new Observation.Seen(accepted) : null;
    }

    /**
     * {@code inner}, also telling {@code notReadyAt} the elapsed time of each poll that saw the function not ready:
     * the last one is what {@link #finished} takes.
     */
    public static WaitListener notingNotReady(WaitListener inner, Consumer<Duration> notReadyAt) {
        return (seen, decision, attempt, maxAttempts, elapsed) -> {
            if (decision instanceof Decision.PollAgain) {
                notReadyAt.accept(elapsed);
            }
            inner.polled(seen, decision, attempt, maxAttempts, elapsed);
        };
    }

    /**
     * {@code inner}, also keeping in {@code plan} when the last polls were planned, for
     * {@link #finished(WaitOutcome, PlannedPolls, Instant)}. A driver that rebuilds its listener at every poll (a
     * timer) keeps the {@link PlannedPolls} itself instead: {@code plan = plan.after(decision, elapsed)}.
     */
    public static WaitListener notingPlannedPolls(WaitListener inner, AtomicReference<PlannedPolls> plan) {
        return (seen, decision, attempt, maxAttempts, elapsed) -> {
            plan.updateAndGet(p -> p.after(decision, elapsed));
            inner.polled(seen, decision, attempt, maxAttempts, elapsed);
        };
    }

    /**
     * Remembers how long the update took, when the wait saw it ready after at least one poll that saw it not ready:
     * between the planned times of those two polls ({@link #estimatedEnd}).
     */
    public void finished(WaitOutcome outcome, PlannedPolls plan, Instant now) {
        if (learns() && outcome.isReady() && outcome.attempts() > 1) {
            history.record(key, estimatedEnd(plan.lastNotReady(), plan.next()), now);
        }
    }

    /**
     * Remembers how long the update took, from the actual time of the polls: as {@link #finished(WaitOutcome,
     * PlannedPolls, Instant)}, but a little late (by the delays of a poll, which the next wait adds again). Kept for
     * drivers that note only the last not-ready poll's elapsed time ({@link #notingNotReady}).
     *
     * @param lastNotReady the elapsed time of the last poll that saw the function not ready (zero if none)
     */
    public void finished(WaitOutcome outcome, Duration lastNotReady, Instant now) {
        if (learns() && outcome.isReady() && outcome.attempts() > 1) {
            history.record(key, estimatedEnd(lastNotReady, outcome.waited()), now);
        }
    }

    /**
     * Where in (lastNotReady, readyAt] the update ended: the midpoint, but never more than a twentieth of readyAt
     * (at least {@link HistoryWaitPolicy#MIN_GAP}, at most {@link HistoryWaitPolicy#MAX_GAP}) before the poll that saw
     * it ready. A wide bracket means sparse polls, e.g. a prior's approach to its typical end: its midpoint can be far
     * too early, and an estimate too early costs the next wait dense polls before the end, one too late only that much
     * overshoot.
     */
    static Duration estimatedEnd(Duration lastNotReady, Duration readyAt) {
        Duration halfBracket = readyAt.minus(lastNotReady).dividedBy(2);
        Duration cap = readyAt.dividedBy(HistoryWaitPolicy.HISTORY_GAP_DIVISOR);
        if (cap.compareTo(HistoryWaitPolicy.MIN_GAP) < 0) {
            cap = HistoryWaitPolicy.MIN_GAP;
        } else if (cap.compareTo(HistoryWaitPolicy.MAX_GAP) > 0) {
            cap = HistoryWaitPolicy.MAX_GAP;
        }
        Duration back = halfBracket.compareTo(cap) < 0 ? halfBracket : cap;
        return back.isNegative() ? readyAt : readyAt.minus(back);
    }
}
