package dev.lambdadeploy.cli;

import dev.lambdadeploy.engine.WaitSettings;
import dev.lambdadeploy.engine.wait.FileWaitHistory;
import dev.lambdadeploy.engine.wait.HistoryWaitPolicy;
import dev.lambdadeploy.engine.wait.WaitHistory;
import dev.lambdadeploy.engine.wait.WaitPolicy;
import dev.lambdadeploy.engine.wait.WaitPolicyName;
import java.nio.file.Path;
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
            defaultValue = HistoryWaitPolicy.NAME,
            description = "history (after this command's own update of a function with a recorded update: takes the "
                    + "update's response as the first poll and polls densely only around when the function's earlier "
                    + "updates ended, as recorded in the wait history; otherwise adaptive, poll for poll), adaptive "
                    + "(polls at once, starts fast, backs off to --poll-interval) or fixed (the original script: a poll "
                    + "every --poll-interval). Default: ${DEFAULT-VALUE}.")
    String waitPolicy = HistoryWaitPolicy.NAME;

    @Option(
            order = 53,
            names = "--fail-on-timeout",
            description =
                    "Fail (exit 1) when the wait times out, instead of warning and going on as the original script does.")
    boolean failOnTimeout;

    /** Turns the wait history off, as {@code --no-wait-history} does, when set to anything but empty or false. */
    static final String NO_WAIT_HISTORY_ENV = "LAMBDA_DEPLOY_NO_WAIT_HISTORY";

    @Option(
            order = 54,
            names = "--no-wait-history",
            description =
                    "With --wait-policy history (the default): neither read nor record earlier update durations (kept in "
                            + "$XDG_CACHE_HOME/lambda-deploy/wait-history.tsv, else ~/.cache/lambda-deploy/; durations only, "
                            + "the last 10 of at most 200 functions, 30 days). Also "
                            + NO_WAIT_HISTORY_ENV + "=1.")
    boolean noWaitHistory;

    /**
     * Where the history policy reads and records update durations: the file under the user's cache directory, or none
     * when turned off (flag or environment) or when no cache directory can be named.
     */
    WaitHistory history(CliContext context) {
        String off = context.env().get(NO_WAIT_HISTORY_ENV);
        if (noWaitHistory || (off != null && !off.isBlank() && !"false".equalsIgnoreCase(off.trim()))) {
            return WaitHistory.NONE;
        }
        Path file = FileWaitHistory.defaultFile(context.env(), System.getProperty("user.home"));
        return file == null ? WaitHistory.NONE : new FileWaitHistory(file);
    }

    /** Unvalidated but for the policy's name: the engine's request builders validate the rest. */
    WaitSettings settings() {
        return new WaitSettings(
                maxWaitAttempts,
                pollInterval != null ? pollInterval : WaitSettings.DEFAULTS.pollInterval(),
                WaitPolicyName.parse(waitPolicy),
                failOnTimeout);
    }
}
