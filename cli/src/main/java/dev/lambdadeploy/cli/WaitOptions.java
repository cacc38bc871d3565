package dev.lambdadeploy.cli;

import dev.lambdadeploy.engine.WaitSettings;
import dev.lambdadeploy.engine.wait.AdaptiveWaitPolicy;
import dev.lambdadeploy.engine.wait.WaitPolicy;
import dev.lambdadeploy.engine.wait.WaitPolicyName;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** How to wait for the function to be ready: the original script's MAX_WAIT_ATTEMPTS and SLEEP_INTERVAL, and what a timeout does. */
final class WaitOptions {

    @Option(
            order = 50,
            names = "--max-wait-attempts",
            paramLabel = "N",
            defaultValue = "" + WaitPolicy.DEFAULT_MAX_WAIT_ATTEMPTS,
            description = WaitSettings.MAX_WAIT_ATTEMPTS_MEANING + " Default: ${DEFAULT-VALUE}.")
    int maxWaitAttempts = WaitPolicy.DEFAULT_MAX_WAIT_ATTEMPTS;

    @Option(
            order = 51,
            names = "--poll-interval",
            paramLabel = "SECONDS",
            converter = DurationConverter.class,
            description = "Seconds between polls, decimals allowed (0.5), or with a unit (500ms). Default: 2.")
    @Nullable
    Duration pollInterval;

    @Option(
            order = 52,
            names = "--wait-policy",
            paramLabel = "POLICY",
            defaultValue = AdaptiveWaitPolicy.NAME,
            description = "adaptive (polls at once, starts fast, backs off to --poll-interval) or fixed "
                    + "(the original script: a poll every --poll-interval). Default: ${DEFAULT-VALUE}.")
    String waitPolicy = AdaptiveWaitPolicy.NAME;

    @Option(
            order = 53,
            names = "--fail-on-timeout",
            description =
                    "Fail (exit 1) when the wait times out, instead of warning and going on as the original script does.")
    boolean failOnTimeout;

    /** Unvalidated but for the policy's name: the engine's request builders validate the rest. */
    WaitSettings settings() {
        return new WaitSettings(
                maxWaitAttempts,
                pollInterval != null ? pollInterval : WaitSettings.DEFAULTS.pollInterval(),
                WaitPolicyName.parse(waitPolicy),
                failOnTimeout);
    }
}
