package dev.lambdadeploy.engine.wait;

import dev.lambdadeploy.engine.Durations;
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
 *   <li>from {@code earliest}: polls on a grid {@link #approachGap} apart that ends where the dense polls start,
 *       {@link #denseFrom one dense gap before typical}, so an earlier end is seen within that gap;
 *   <li>from there to {@code denseUntil}: polls on a grid {@link #denseGap} apart (an eighth of the typical
 *       duration, within [{@link #MIN_GAP}, {@link #MAX_GAP}]), so that {@code typical} is one of them;
 *   <li>after it: the gap grows with the time past the window and rejoins the adaptive schedule.
 * </ul>
 *
 * Both grids are fixed in time since the wait began: a poll goes out at the first grid point at least
 * {@link #MIN_GAP} (half a gap, in the dense grid) after the previous response, so a round trip does not shift the
 * polls (a gap counted from each response would make the period gap + round trip, and which ends it sees late would
 * depend on the round trip); a long round trip skips grid points instead.
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
    /** The dense polls are this share of the typical end apart ({@link #denseGap}). */
    static final int HISTORY_GAP_DIVISOR = 8;

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
        Duration gap = denseGap(end);
        Duration denseFrom = denseFrom(end);
        if (elapsed.plus(MIN_GAP).compareTo(denseFrom) <= 0) {
            Duration step = approachGap();
            long steps = stepsBeforeDense(end);
            // the grid point denseFrom - k x step that is at least MIN_GAP away
            long k = denseFrom.minus(elapsed).minus(MIN_GAP).toNanos() / step.toNanos();
            if (k <= steps) {
                return denseFrom.minus(step.multipliedBy(k)).minus(elapsed);
            }
            Duration toFirst = denseFrom.minus(step.multipliedBy(steps)).minus(elapsed);
            Duration maxHop =
                    fallback.maxDelay().multipliedBy(PRE_WINDOW_FACTOR_TENTHS).dividedBy(10);
            long hops = (toFirst.toNanos() + maxHop.toNanos() - 1) / maxHop.toNanos();
            return toFirst.dividedBy(Math.max(1, hops));
        }
        if (elapsed.compareTo(end.denseUntil()) <= 0) {
            // the first grid point denseFrom + k x gap at least half a gap away: a poll that took a round trip does
            // not shift the grid, it skips the points it has passed
            long k = ceilDiv(elapsed.plus(leastDelay(gap)).minus(denseFrom), gap);
            return denseFrom.plus(gap.multipliedBy(k)).minus(elapsed);
        }
        Duration growing = gap.plus(elapsed.minus(end.denseUntil()).dividedBy(2));
        return Durations.min(growing, Durations.max(adaptive, gap));
    }

    /** The gap of the polls that lead up to the dense ones: {@link #MAX_GAP}, or the poll interval if shorter. */
    Duration approachGap() {
        return Durations.min(MAX_GAP, fallback.maxDelay());
    }

    /**
     * Where the dense polls start: one {@link #denseGap} before the typical end. The typical end is an estimate, from
     * a bracket as wide as the polls of the wait that recorded it (the adaptive first deploy's are a sixth of the
     * time apart), and the next update's own duration varies by some percent; an update that ends a little sooner
     * than recorded, as often happens as one that ends later, is then seen within a gap, not only at the typical end
     * (which cost it the whole way there).
     */
    Duration denseFrom(ExpectedEnd end) {
        return end.typical().minus(denseGap(end));
    }

    /**
     * The gap between the dense polls: an {@value #HISTORY_GAP_DIVISOR}th of the typical end, within
     * [{@link #MIN_GAP}, {@link #approachGap}] (a history that spreads wider than its dense polls cover is no
     * expectation at all: {@link ExpectedEnd#fromHistory}). Where the next update ends is known only to about a tenth of its
     * duration either way (its own variation, and the precision of the wait that recorded the last), so the dense
     * polls cover that window with two or three polls: polls much denser than that would see an end a few tens of
     * milliseconds sooner (less than a round trip to Lambda, which every detection costs anyway) for a call or two
     * more, where the SDK waiter spends one call a second; sparser ones would leave most ends a large share of the
     * window unseen.
     */
    Duration denseGap(ExpectedEnd end) {
        Duration wanted = end.typical().dividedBy(HISTORY_GAP_DIVISOR);
        Duration max = approachGap();
        return Durations.clamp(wanted, Durations.min(MIN_GAP, max), max);
    }

    private long stepsBeforeDense(ExpectedEnd end) {
        Duration before = denseFrom(end).minus(end.earliest());
        return before.isNegative() ? 0 : before.toNanos() / approachGap().toNanos();
    }

    /**
     * The least delay before a dense poll: half a gap (or {@link #MIN_GAP} if more). A response that comes back late
     * in its gap, because the round trip is more than half of it, is followed by the grid point after the next: a
     * poll right after a response would see an end only a few tens of milliseconds sooner, less than the round trip
     * every detection costs anyway, for one call more. The polls are thus never closer than half a gap plus a round
     * trip, and with a long round trip (over half a gap) one gap in two is skipped: the calls stay near the SDK
     * waiter's, whose overshoot grows by two round trips as well.
     */
    private static Duration leastDelay(Duration gap) {
        return Durations.max(gap.dividedBy(2), MIN_GAP);
    }

    /** The least k with k x step >= span (0 for a span that is not positive). */
    private static long ceilDiv(Duration span, Duration step) {
        return span.isNegative() || span.isZero() ? 0 : (span.toNanos() + step.toNanos() - 1) / step.toNanos();
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
