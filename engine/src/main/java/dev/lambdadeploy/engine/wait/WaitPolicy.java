package dev.lambdadeploy.engine.wait;

import java.time.Duration;
import java.util.List;

/**
 * When to poll. Every policy spends the same budget as the spec's script (max attempts x poll interval; the spec:
 * {@link dev.lambdadeploy.engine}); they differ in how they spread the polls over it.
 */
public sealed interface WaitPolicy permits FixedWaitPolicy, AdaptiveWaitPolicy, HistoryWaitPolicy {

    int DEFAULT_MAX_WAIT_ATTEMPTS = 30;
    Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);

    /** The longest a wait may take. */
    Duration budget();

    /** The most polls a wait makes; the denominator of "attempt n/N" in the log. */
    int maxAttempts();

    /** The delay before the next poll, after poll number {@code attempt} at {@code elapsed} since the wait began. */
    Duration delayAfter(int attempt, Duration elapsed);

    /** Short name as users configure it: {@code fixed}, {@code adaptive} or {@code history}. */
    String name();

    /** The spec's script: a poll every {@code interval}, {@code attempts} times. */
    static WaitPolicy fixed(int attempts, Duration interval) {
        return new FixedWaitPolicy(attempts, interval);
    }

    /** Polls at once, starts fast and backs off to {@code interval}, within attempts x interval. */
    static WaitPolicy adaptive(int attempts, Duration interval) {
        return AdaptiveWaitPolicy.withinBudgetOf(attempts, interval);
    }

    /**
     * The policy named {@code name} ({@code fixed}, {@code adaptive} or {@code history}, the last with no history) with
     * the spec's parameters.
     */
    static WaitPolicy named(String name, int attempts, Duration interval) {
        return switch (name) {
            case FixedWaitPolicy.NAME -> fixed(attempts, interval);
            case AdaptiveWaitPolicy.NAME -> adaptive(attempts, interval);
            case HistoryWaitPolicy.NAME -> HistoryWaitPolicy.withinBudgetOf(attempts, interval, List.of());
            default -> throw new IllegalArgumentException("unknown wait policy " + name);
        };
    }
}
