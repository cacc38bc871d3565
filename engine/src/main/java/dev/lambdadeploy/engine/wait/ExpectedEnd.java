package dev.lambdadeploy.engine.wait;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * When an update is expected to end, counted from the response to the call that started it: what the
 * {@link HistoryWaitPolicy} polls around, from the function's earlier updates ({@link #fromHistory}).
 *
 * @param earliest no poll is spent before this; an update that ends sooner is seen here
 * @param typical the most likely end: a poll lands on it
 * @param denseUntil where polling stops being dense and backs off to the adaptive schedule
 */
public record ExpectedEnd(Duration earliest, Duration typical, Duration denseUntil) {

    /** The window starts at this share of the shortest recorded duration. */
    static final int HISTORY_EARLIEST_PERCENT = 80;

    /** The dense polling ends at this share of the longest recorded duration. */
    static final int HISTORY_DENSE_UNTIL_PERCENT = 120;

    /**
     * Durations whose longest is more than this share of the shortest say too little about the next one: the windows
     * that would cover them are polled every half second at most, so their polls would outnumber the adaptive
     * schedule's (durations of 10 s and 60 s: a hundred GetFunction calls for a 58 s update, against adaptive's 43).
     */
    static final int HISTORY_MAX_SPREAD_PERCENT = 150;

    public ExpectedEnd {
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(typical, "typical");
        Objects.requireNonNull(denseUntil, "denseUntil");
        if (earliest.isNegative() || typical.compareTo(earliest) < 0 || denseUntil.compareTo(typical) < 0) {
            throw new IllegalArgumentException("need 0 <= earliest <= typical <= denseUntil, was " + earliest + ", "
                    + typical + ", " + denseUntil);
        }
    }

    /**
     * From a function's recorded durations: from {@value #HISTORY_EARLIEST_PERCENT} % of the shortest, through the
     * median (the upper one of an even count), to {@value #HISTORY_DENSE_UNTIL_PERCENT} % of the longest; null for an
     * empty history, or one whose longest duration is more than {@value #HISTORY_MAX_SPREAD_PERCENT} % of its shortest
     * (then the wait is adaptive's).
     */
    public static @Nullable ExpectedEnd fromHistory(List<Duration> history) {
        if (history.isEmpty()) {
            return null;
        }
        List<Duration> sorted = history.stream().sorted().toList();
        if (sorted.get(0).isNegative()) {
            throw new IllegalArgumentException("a negative duration in the history: " + sorted.get(0));
        }
        Duration shortest = sorted.get(0);
        Duration longest = sorted.get(sorted.size() - 1);
        if (longest.compareTo(shortest.multipliedBy(HISTORY_MAX_SPREAD_PERCENT).dividedBy(100)) > 0) {
            return null;
        }
        return new ExpectedEnd(
                shortest.multipliedBy(HISTORY_EARLIEST_PERCENT).dividedBy(100),
                sorted.get(sorted.size() / 2),
                longest.multipliedBy(HISTORY_DENSE_UNTIL_PERCENT).dividedBy(100));
    }
}
