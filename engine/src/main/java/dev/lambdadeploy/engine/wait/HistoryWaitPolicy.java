package dev.lambdadeploy.engine.wait;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Polls densely only around when the update is {@link ExpectedEnd expected} to end (from the function's earlier
 * updates), within the same budget as the others. The schedule, in time since
 * the wait began (the update's response, its first observation):
 *
 * <ul>
 *   <li>before {@code earliest}: few polls, equal hops none longer than {@value #PRE_WINDOW_FACTOR_TENTHS}/10 x the
 *       poll interval (so an update much shorter than expected costs at most that much overshoot);
 *   <li>from {@code earliest} to {@code typical}: polls on a grid {@link #approachGap} apart that ends on
 *       {@code typical}, so the most likely end is polled exactly and an earlier one is seen within the gap;
 *   <li>from {@code typical} to {@code denseUntil}: one poll every {@link #denseGap} (a twentieth of the typical
 *       duration, within [{@link #MIN_GAP}, {@link #MAX_GAP}], wider when recorded durations spread);
 *   <li>after it: the gap grows with the time past the window and rejoins the adaptive schedule.
 * </ul>
 *
 * With no expectation (a function with no recorded update) it is exactly {@link AdaptiveWaitPolicy}, and its driver
 * polls at once as adaptive does ({@link #pollsAtOnce()}): a first deploy waits as the default does, poll for poll.
 * Any other schedule, however clever on average, would see some updates later than the default's, and which ones
 * depends on the round trip, a lottery a first deploy must not play. Pure: the schedule depends only on the expectation, the
 * attempt and the elapsed time, and {@link #maxAttempts} counts every poll the schedule can make within the budget, so
 * the budget, not the count, ends a wait.
 */
public record HistoryWaitPolicy(
        AdaptiveWaitPolicy fallback, @Nullable ExpectedEnd expected, int maxAttempts) implements WaitPolicy {

    public static final String NAME = "history";
    static final int PRE_WINDOW_FACTOR_TENTHS = 25;
    public static final Duration MIN_GAP = Duration.ofMillis(50);
    public static final Duration MAX_GAP = Duration.ofMillis(500);
    static final int HISTORY_GAP_DIVISOR = 20;
    /** With a wide spread of recorded durations, the window past the typical end gets at most this many polls. */
    static final int SPREAD_POLLS = 8;

    public HistoryWaitPolicy {
        Objects.requireNonNull(fallback, "fallback");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    /** The budget of {@code attempts} x {@code interval}, polled around what {@code history} says. */
    public static HistoryWaitPolicy withinBudgetOf(int attempts, Duration interval, List<Duration> history) {
        return withinBudgetOf(attempts, interval, ExpectedEnd.fromHistory(history));
    }

    /** The budget of {@code attempts} x {@code interval}, polled around {@code expected} (adaptive when null). */
    public static HistoryWaitPolicy withinBudgetOf(int attempts, Duration interval, @Nullable ExpectedEnd expected) {
        AdaptiveWaitPolicy fallback = AdaptiveWaitPolicy.withinBudgetOf(attempts, interval);
        HistoryWaitPolicy counting = new HistoryWaitPolicy(fallback, expected, Integer.MAX_VALUE);
        return new HistoryWaitPolicy(fallback, expected, counting.pollsWithinBudget());
    }

    @Override
    public Duration budget() {
        return fallback.budget();
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Whether its driver polls at once, as {@link AdaptiveWaitPolicy} does, instead of taking the response of the update
     * it waits for as its first observation: with no history it is the adaptive schedule to the call, the one
     * GetFunction at the start included, so that its instants (which shift with every round trip) are the default's.
     */
    public boolean pollsAtOnce() {
        return expected == null;
    }

    @Override
    public Duration delayAfter(int attempt, Duration elapsed) {
        Duration adaptive = fallback.delayAfter(attempt, elapsed);
        ExpectedEnd end = expected;
        if (end == null) {
            return adaptive;
        }
        Duration typical = end.typical();
        if (elapsed.plus(MIN_GAP).compareTo(typical) <= 0) {
            Duration step = approachGap();
            // the grid point typical - k x step that is at least MIN_GAP away
            long k = typical.minus(elapsed).minus(MIN_GAP).toNanos() / step.toNanos();
            if (k <= stepsBeforeTypical(end)) {
                return typical.minus(step.multipliedBy(k)).minus(elapsed);
            }
            Duration toFirst =
                    typical.minus(step.multipliedBy(stepsBeforeTypical(end))).minus(elapsed);
            Duration maxHop =
                    fallback.maxDelay().multipliedBy(PRE_WINDOW_FACTOR_TENTHS).dividedBy(10);
            long hops = (toFirst.toNanos() + maxHop.toNanos() - 1) / maxHop.toNanos();
            return toFirst.dividedBy(Math.max(1, hops));
        }
        Duration gap = denseGap(end);
        if (elapsed.compareTo(end.denseUntil()) <= 0) {
            return gap;
        }
        Duration growing = gap.plus(elapsed.minus(end.denseUntil()).dividedBy(2));
        return min(growing, adaptive.compareTo(gap) < 0 ? gap : adaptive);
    }

    /** The gap of the polls that lead up to the typical end: {@link #MAX_GAP}, or the poll interval if shorter. */
    Duration approachGap() {
        return min(MAX_GAP, fallback.maxDelay());
    }

    /**
     * The gap between polls from the typical end on: a twentieth of it, or an eighth of the window past it when recorded
     * durations spread that far, within [{@link #MIN_GAP}, {@link #approachGap}].
     */
    Duration denseGap(ExpectedEnd end) {
        Duration share = end.typical().dividedBy(HISTORY_GAP_DIVISOR);
        Duration spread = end.denseUntil().minus(end.typical()).dividedBy(SPREAD_POLLS);
        Duration wanted = share.compareTo(spread) < 0 ? spread : share;
        Duration max = approachGap();
        Duration floor = MIN_GAP.compareTo(max) < 0 ? MIN_GAP : max;
        if (wanted.compareTo(floor) < 0) {
            return floor;
        }
        return min(wanted, max);
    }

    private long stepsBeforeTypical(ExpectedEnd end) {
        return end.typical().minus(end.earliest()).toNanos() / approachGap().toNanos();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Every poll the schedule makes in the budget if polls took no time, the last one at the deadline. */
    private int pollsWithinBudget() {
        int polls = 1;
        Duration at = Duration.ZERO;
        while (at.compareTo(budget()) < 0) {
            at = at.plus(delayAfter(polls, at));
            polls++;
        }
        return polls;
    }
}
