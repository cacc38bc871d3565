package dev.lambdadeploy.engine.wait;

import dev.lambdadeploy.engine.WaitSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

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

    /** The policy of the wait: around the function's earlier durations with {@code history}, else the settings'. */
    public WaitPolicy policy(Instant now) {
        return learns()
                ? HistoryWaitPolicy.withinBudgetOf(
                        settings.maxWaitAttempts(), settings.pollInterval(), history.recent(key, now))
                : settings.toPolicy();
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
     * Remembers how long the update took, when the wait saw it ready after at least one poll that saw it not ready.
     *
     * @param lastNotReady the elapsed time of the last poll that saw the function not ready (zero if none)
     */
    public void finished(WaitOutcome outcome, Duration lastNotReady, Instant now) {
        if (learns() && outcome.isReady() && outcome.attempts() > 1) {
            history.record(
                    key, lastNotReady.plus(outcome.waited().minus(lastNotReady).dividedBy(2)), now);
        }
    }
}
