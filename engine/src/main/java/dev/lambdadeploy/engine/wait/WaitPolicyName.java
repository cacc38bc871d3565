package dev.lambdadeploy.engine.wait;

import dev.lambdadeploy.engine.InvalidParameterException;
import dev.lambdadeploy.engine.Parameter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The wait policies users choose from, spelt in every front end as {@link #spelling()}: history (the default), adaptive
 * or fixed, the default first.
 */
public enum WaitPolicyName {

    /**
     * The default: adaptive, but after an update this engine sent to a function with a recorded update, takes the
     * response as the first poll and polls densely only around when the function's earlier updates ended
     * ({@link HistoryWaitPolicy}, with the deployer's {@link WaitHistory}); adaptive, poll for poll, where there is none.
     */
    HISTORY,

    /** Polls at once, starts fast and backs off to the poll interval ({@link AdaptiveWaitPolicy}). */
    ADAPTIVE,

    /** The original script's schedule: a poll every poll interval ({@link FixedWaitPolicy}). */
    FIXED;

    private static final List<String> SPELLINGS =
            Arrays.stream(values()).map(WaitPolicyName::spelling).toList();

    /** As users write it: {@code adaptive}, {@code fixed}. */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every spelling, the default first: the choices of a form's list or a command's option. */
    public static List<String> spellings() {
        return SPELLINGS;
    }

    /** The policy spelt {@code spelling}; throws {@link InvalidParameterException} naming waitPolicy otherwise. */
    public static WaitPolicyName parse(@Nullable String spelling) {
        for (WaitPolicyName name : values()) {
            if (name.spelling().equals(spelling)) {
                return name;
            }
        }
        throw new InvalidParameterException(
                Parameter.WAIT_POLICY,
                "must be '" + HISTORY.spelling()
                        + "' (the default: adaptive, then polling around the function's earlier update durations), '"
                        + ADAPTIVE.spelling() + "' or '" + FIXED.spelling()
                        + "' (the original script's: one poll every "
                        + Parameter.POLL_INTERVAL.ref() + "), was '" + spelling + "'");
    }

    /**
     * This policy with {@code attempts} x {@code interval} as its budget; {@link #HISTORY} without a history polls
     * as adaptive does (the deployer builds the {@link HistoryWaitPolicy} when it knows the function's history).
     */
    public WaitPolicy toPolicy(int attempts, Duration interval) {
        return switch (this) {
            case ADAPTIVE -> WaitPolicy.adaptive(attempts, interval);
            case HISTORY -> HistoryWaitPolicy.withinBudgetOf(attempts, interval, List.of());
            case FIXED -> WaitPolicy.fixed(attempts, interval);
        };
    }
}
