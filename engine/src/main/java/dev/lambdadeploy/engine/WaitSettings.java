package dev.lambdadeploy.engine;

import dev.lambdadeploy.engine.wait.WaitPolicy;
import dev.lambdadeploy.engine.wait.WaitPolicyName;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a step waits for readiness, as users configure it. The defaults are the original script's: 30 attempts,
 * 2 seconds apart, warn and continue on timeout; the schedule within that budget is {@code history} (adaptive until
 * the function has a recorded update) unless {@code adaptive} or {@code fixed} is asked. What {@code maxWaitAttempts} bounds under each policy: {@link #MAX_WAIT_ATTEMPTS_MEANING}.
 */
public record WaitSettings(int maxWaitAttempts, Duration pollInterval, WaitPolicyName waitPolicy, boolean failOnTimeout)
        implements java.io.Serializable {

    public static final int MAX_ATTEMPTS_LIMIT = 10_000;

    /** What maxWaitAttempts bounds, in every front end's help (N is maxWaitAttempts, the interval pollInterval). */
    public static final String MAX_WAIT_ATTEMPTS_MEANING = "Sets the wait's time budget: N x the poll interval "
            + "(30 x 2 s = 60 s by default). With the fixed policy N is also the number of polls, one every poll "
            + "interval. With the history policy (the default) and the adaptive one N bounds time, not polls: "
            + "adaptive polls at once, then 0.25 s apart growing to the poll interval, so it makes more polls than N "
            + "(45 by default, shown as 'attempt n/45'); history polls as adaptive does until the function has a "
            + "recorded update, then densely only around when its earlier updates ended. Either way a whole update, publish or deploy, with its 409 waits and retries, ends "
            + "within that budget plus the retries' backoff (2 + 4 + 8 s for 3 retries: 74 s by default).";

    public static final Duration MAX_POLL_INTERVAL = Duration.ofMinutes(5);
    public static final WaitSettings DEFAULTS = new WaitSettings(
            WaitPolicy.DEFAULT_MAX_WAIT_ATTEMPTS, WaitPolicy.DEFAULT_POLL_INTERVAL, WaitPolicyName.HISTORY, false);

    public WaitSettings {
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(waitPolicy, "waitPolicy");
    }

    /** The wait policies users choose from, as they spell them, the default first: for a form's list. */
    public static List<String> waitPolicyChoices() {
        return WaitPolicyName.spellings();
    }

    /** Checks every field; throws {@link InvalidParameterException} naming the first bad one. */
    public WaitSettings validated() {
        if (maxWaitAttempts < 1 || maxWaitAttempts > MAX_ATTEMPTS_LIMIT) {
            throw new InvalidParameterException(
                    "maxWaitAttempts",
                    "must be between 1 and " + MAX_ATTEMPTS_LIMIT
                            + ", was " + maxWaitAttempts + " (the original script's default is "
                            + WaitPolicy.DEFAULT_MAX_WAIT_ATTEMPTS
                            + "; the wait's budget is maxWaitAttempts x pollInterval)");
        }
        if (pollInterval.isNegative() || pollInterval.isZero() || pollInterval.compareTo(MAX_POLL_INTERVAL) > 0) {
            throw new InvalidParameterException(
                    "pollInterval",
                    "must be more than 0 and at most "
                            + MAX_POLL_INTERVAL.toSeconds() + " seconds, was " + Durations.seconds(pollInterval)
                            + " (the original script's default is 2)");
        }
        return this;
    }

    public WaitPolicy toPolicy() {
        return validated().waitPolicy.toPolicy(maxWaitAttempts, pollInterval);
    }

    public WaitSettings withFailOnTimeout(boolean fail) {
        return new WaitSettings(maxWaitAttempts, pollInterval, waitPolicy, fail);
    }
}
