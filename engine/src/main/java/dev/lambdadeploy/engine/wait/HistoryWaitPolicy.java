package dev.lambdadeploy.engine.wait;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Polls densely only around when the function's earlier updates ended ({@link WaitHistory}), within the same budget
 * as the others. With durations h: the window runs from {@value #WINDOW_LOW_PERCENT} % of the shortest to
 * {@value #WINDOW_HIGH_PERCENT} % of the longest. Before it, polls are few: equal hops to its start, none longer
 * than {@value #PRE_WINDOW_FACTOR_TENTHS}/10 x the poll interval (so an update much shorter than its history costs
 * at most that much overshoot). In it, one poll every tenth of the typical duration, between
 * {@link #MIN_GAP} and {@link #MAX_GAP}. After it, the gap grows with the time past the window and rejoins the
 * adaptive schedule. With no history it is exactly {@link AdaptiveWaitPolicy}. Pure: the schedule depends only on
 * the history given, the attempt and the elapsed time, and {@link #maxAttempts} counts every poll the schedule can
 * make within the budget, so the budget, not the count, ends a wait.
 */
public record HistoryWaitPolicy(AdaptiveWaitPolicy fallback, List<Duration> history, int maxAttempts)
        implements WaitPolicy {

    public static final String NAME = "history";
    static final int WINDOW_LOW_PERCENT = 85;
    static final int WINDOW_HIGH_PERCENT = 120;
    static final int PRE_WINDOW_FACTOR_TENTHS = 25;
    public static final Duration MIN_GAP = Duration.ofMillis(50);
    public static final Duration MAX_GAP = Duration.ofMillis(500);

    public HistoryWaitPolicy {
        Objects.requireNonNull(fallback, "fallback");
        history = List.copyOf(history);
        for (Duration d : history) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("a negative duration in the history: " + d);
            }
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    /** The budget of {@code attempts} x {@code interval}, polled around what {@code history} says. */
    public static HistoryWaitPolicy withinBudgetOf(int attempts, Duration interval, List<Duration> history) {
        AdaptiveWaitPolicy fallback = AdaptiveWaitPolicy.withinBudgetOf(attempts, interval);
        HistoryWaitPolicy counting = new HistoryWaitPolicy(fallback, history, Integer.MAX_VALUE);
        return new HistoryWaitPolicy(fallback, history, counting.pollsWithinBudget());
    }

    @Override
    public Duration budget() {
        return fallback.budget();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration delayAfter(int attempt, Duration elapsed) {
        Duration adaptive = fallback.delayAfter(attempt, elapsed);
        if (history.isEmpty()) {
            return adaptive;
        }
        Duration shortest = history.stream().min(Duration::compareTo).orElseThrow();
        Duration longest = history.stream().max(Duration::compareTo).orElseThrow();
        Duration low = shortest.multipliedBy(WINDOW_LOW_PERCENT).dividedBy(100);
        Duration high = longest.multipliedBy(WINDOW_HIGH_PERCENT).dividedBy(100);
        Duration gap = gap(median(history));
        Duration toWindow = low.minus(elapsed);
        if (toWindow.compareTo(gap) > 0) {
            Duration maxHop =
                    fallback.maxDelay().multipliedBy(PRE_WINDOW_FACTOR_TENTHS).dividedBy(10);
            long hops = (toWindow.toNanos() + maxHop.toNanos() - 1) / maxHop.toNanos();
            return toWindow.dividedBy(Math.max(1, hops));
        }
        if (elapsed.compareTo(high) <= 0) {
            return gap;
        }
        Duration growing = gap.plus(elapsed.minus(high).dividedBy(2));
        Duration fallbackDelay = adaptive.compareTo(gap) < 0 ? gap : adaptive;
        return growing.compareTo(fallbackDelay) < 0 ? growing : fallbackDelay;
    }

    /** The gap between polls in the window: a tenth of the typical duration, within [MIN_GAP, MAX_GAP]. */
    private Duration gap(Duration typical) {
        Duration tenth = typical.dividedBy(10);
        Duration max = MAX_GAP.compareTo(fallback.maxDelay()) < 0 ? MAX_GAP : fallback.maxDelay();
        Duration min = MIN_GAP.compareTo(max) < 0 ? MIN_GAP : max;
        if (tenth.compareTo(min) < 0) {
            return min;
        }
        return tenth.compareTo(max) > 0 ? max : tenth;
    }

    private static Duration median(List<Duration> history) {
        List<Duration> sorted = history.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
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
