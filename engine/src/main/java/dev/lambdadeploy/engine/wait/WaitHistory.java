package dev.lambdadeploy.engine.wait;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How long earlier updates of a function took, from the UpdateFunctionCode response to the poll that saw it ready:
 * what the {@link HistoryWaitPolicy} polls around. Small, bounded and local (the CLI keeps it under the user's cache
 * directory, the Jenkins plugin on the controller); it holds durations only, no secrets. A wrong or stale history
 * costs polls, never the outcome or the deadline. Implementations must be safe to call from several threads and
 * must not throw: a history that cannot be read is an empty one.
 */
public interface WaitHistory {

    /** At most this many durations are kept per function, the most recent. */
    int MAX_PER_FUNCTION = 10;

    /** At most this many functions are kept, the most recently recorded. */
    int MAX_FUNCTIONS = 200;

    /** Durations recorded longer ago than this are forgotten. */
    Duration MAX_AGE = Duration.ofDays(30);

    /** Records that an update of {@code key}'s function, waited for at {@code at}, took {@code took}. */
    void record(WaitKey key, Duration took, Instant at);

    /** The durations recorded for {@code key} within {@link #MAX_AGE} before {@code now}, oldest first. */
    List<Duration> recent(WaitKey key, Instant now);

    /**
     * Every duration recorded for {@code functionName}, in any region, within {@link #MAX_AGE} before {@code now}: what
     * a deploy of that function that runs elsewhere is given ({@link CarriedWaitHistory}).
     */
    default List<CarriedWaitHistory.Recorded> recordedFor(String functionName, Instant now) {
        return List.of();
    }

    /** No history: records nothing, knows nothing. */
    WaitHistory NONE = new WaitHistory() {
        @Override
        public void record(WaitKey key, Duration took, Instant at) {}

        @Override
        public List<Duration> recent(WaitKey key, Instant now) {
            return List.of();
        }
    };
}
