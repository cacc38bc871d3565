package dev.lambdadeploy.engine.wait;

import dev.lambdadeploy.engine.Durations;
import dev.lambdadeploy.engine.FunctionStatus;
import dev.lambdadeploy.engine.WaitSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code history} policy learns from the wait that follows an update of a function, for every driver of
 * that wait (the blocking one, the Jenkins plugin's timer): the schedule from the function's earlier update
 * durations, and, once the update is seen ready, its own duration to remember. The update ended between the last poll
 * that saw it not ready and the one that saw it ready; where in that bracket it is recorded is {@link #estimatedEnd}'s
 * to say.
 *
 * @param settings the wait's settings; only {@link WaitPolicyName#HISTORY} learns
 * @param key the function whose updates are waited for
 * @param history where durations are kept
 */
public record UpdateWaitLearning(WaitSettings settings, WaitKey key, WaitHistory history) {

    /** An estimate is never more than this share of the time before the poll that saw the update ready. */
    static final int ESTIMATE_BACK_DIVISOR = 20;

    public UpdateWaitLearning {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(history, "history");
    }

    public boolean learns() {
        return settings.waitPolicy() == WaitPolicyName.HISTORY;
    }

    /**
     * The policy of the wait: with {@code history}, around the function's earlier durations (adaptive when none is
     * recorded); else the settings'. Pure given the history's answer: the same {@code now} and history give the same
     * schedule. A driver that rebuilds the policy at every poll (the Jenkins plugin's timer) keeps {@link #recorded} from
     * the wait's start and uses {@link #policy(List)}, so that it polls as the blocking wait does.
     */
    public WaitPolicy policy(Instant now) {
        return policy(recorded(now));
    }

    /**
     * The durations a wait that begins at {@code now} schedules around: the function's recorded ones with {@code
     * history}, else none. A driver that rebuilds the policy at every poll keeps these from the wait's start (the
     * Jenkins plugin persists them), so that a duration recorded or expired mid-wait, e.g. by another build of the same
     * function, does not change the schedule, the first poll or the "attempt n/N" total of a wait under way.
     */
    public List<Duration> recorded(Instant now) {
        return learns() ? history.recent(key, now) : List.of();
    }

    /** The policy of a wait around {@code recorded} (from {@link #recorded}): as {@link #policy(Instant)}. */
    public WaitPolicy policy(List<Duration> recorded) {
        Objects.requireNonNull(recorded, "recorded");
        return learns()
                ? HistoryWaitPolicy.withinBudgetOf(settings.maxWaitAttempts(), settings.pollInterval(), recorded)
                : settings.toPolicy();
    }

    /**
     * What a wait with {@code policy} takes as its first poll instead of a GetFunction: the status the update's response
     * reported ({@code accepted}) when the policy schedules around a history; null otherwise, and the wait polls at once
     * as the default always did (a {@link HistoryWaitPolicy#pollsAtOnce() history policy with no history} included).
     * Give it to {@link PollStep#after} as the observation of the first attempt, at the wait's start.
     */
    public static @Nullable Observation firstObservation(WaitPolicy policy, @Nullable FunctionStatus accepted) {
        Objects.requireNonNull(policy, "policy");
        return accepted != null && policy instanceof HistoryWaitPolicy history && !history.pollsAtOnce()
                ? new Observation.Seen(accepted)
                : null;
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
     * Where in (lastNotReady, readyAt] the update ended: the midpoint, but never more than a twentieth of readyAt
     * (at least {@link HistoryWaitPolicy#MIN_GAP}, at most {@link HistoryWaitPolicy#MAX_GAP}) before the poll that saw
     * it ready. A wide bracket means sparse polls, e.g. the adaptive schedule's poll interval or a history's hops
     * before its window: its midpoint can be far too early, and an estimate too early costs the next wait dense polls
     * before the end, one too late only that much overshoot.
     *
     * <p>After a wide bracket the estimate thus leans late: after an adaptive first deploy of a 1 s update (polls a
     * quarter second plus a round trip apart) it is readyAt - 50 ms, on average some 75 ms after the true end. The
     * next wait allows for it: its dense polls start one {@link HistoryWaitPolicy#denseFrom dense gap} (an eighth of
     * the estimate) before it, which puts the first of them about the middle of such a bracket, as the unbiased
     * midpoint would, but one gap on: the polls past the first then cover the later half of the bracket, where the
     * estimate says the end more likely is. Recording the midpoint instead was replayed (part 0 of the bench, at round
     * trips of 10 to 120 ms) with the dense polls starting at it or up to a gap before it: each pairing missed the SDK
     * waiter's p95 overshoot or its calls at some round trips (an early bracket's midpoint is early, and costs a poll);
     * this one meets both at all of them. After a later wait's dense polls the bracket is one dense gap (an eighth of the
     * duration), and the estimate is at most a twentieth of the duration (50 ms to 500 ms) before the poll that saw the
     * update ready.
     */
    static Duration estimatedEnd(Duration lastNotReady, Duration readyAt) {
        Duration halfBracket = readyAt.minus(lastNotReady).dividedBy(2);
        Duration cap = Durations.clamp(
                readyAt.dividedBy(ESTIMATE_BACK_DIVISOR), HistoryWaitPolicy.MIN_GAP, HistoryWaitPolicy.MAX_GAP);
        Duration back = Durations.min(halfBracket, cap);
        return back.isNegative() ? readyAt : readyAt.minus(back);
    }
}
