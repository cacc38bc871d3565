package dev.lambdadeploy.engine.log;

import dev.lambdadeploy.engine.AfterWait;
import dev.lambdadeploy.engine.Durations;
import dev.lambdadeploy.engine.FunctionStatus;
import dev.lambdadeploy.engine.InFlightCall;
import dev.lambdadeploy.engine.LambdaOperationNames;
import dev.lambdadeploy.engine.LambdaResult;
import dev.lambdadeploy.engine.aws.AwsErrorInfo;
import dev.lambdadeploy.engine.aws.SlowCallListener;
import dev.lambdadeploy.engine.release.FunctionSettings;
import dev.lambdadeploy.engine.wait.Decision;
import dev.lambdadeploy.engine.wait.Observation;
import dev.lambdadeploy.engine.wait.WaitListener;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The product's vocabulary: every line the engine writes, in one place. The wording follows the "Expected Logs" of
 * the spec (see {@link dev.lambdadeploy.engine}); detail lines are indented by two spaces as the spec's state lines are.
 */
public final class DeployLog implements WaitListener, SlowCallListener {

    private static final String WARNING_EMOJI = "⚠️ ";
    private static final String WARNING_PLAIN = "WARNING: ";
    private static final String ERROR_EMOJI = "❌ ";
    private static final String ERROR_PLAIN = "ERROR: ";

    private final LogSink sink;
    private final LogStyle style;

    public DeployLog(LogSink sink, LogStyle style) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.style = Objects.requireNonNull(style, "style");
    }

    public static DeployLog silent() {
        return new DeployLog(LogSink.NONE, LogStyle.PLAIN);
    }

    public void updating(String functionName, String codeSource) {
        info("🔄", "Updating Lambda function...");
        detail("Function: " + functionName + ", code: " + codeSource);
    }

    public void updateAccepted(@Nullable String codeSha256, @Nullable String revisionId) {
        detail("Code accepted: CodeSha256 " + shown(codeSha256)
                + (revisionId != null ? ", RevisionId " + revisionId : ""));
    }

    public void dryRunPassed(String functionName, @Nullable String codeSha256) {
        info(
                "✅",
                "Dry run: Lambda accepted the code for " + functionName + " (CodeSha256 " + codeSha256
                        + "); nothing was changed");
    }

    /** The spec's line before a wait that a publish follows; {@link #waitingForReady(AfterWait)} otherwise. */
    public void waitingForReady() {
        waitingForReady(AfterWait.PUBLISH);
    }

    /** "for version publishing" only where a publish follows the wait. */
    public void waitingForReady(AfterWait next) {
        info(
                "⏳",
                next == AfterWait.PUBLISH
                        ? "Waiting for Lambda function to be ready for version publishing..."
                        : "Waiting for Lambda function to be ready...");
    }

    public void updateInProgressBeforeUpdate(AwsErrorInfo conflict) {
        warning("An update is in progress for " + conflict.functionName() + " (" + codeAndId(conflict)
                + "); waiting for it to finish before updating...");
    }

    /** A call that changes the function was throttled (429) and is sent again after {@code retryIn}. */
    public void callThrottled(AwsErrorInfo error, Duration retryIn) {
        warningDetail("Throttled by Lambda on " + error.operation() + " (" + codeAndId(error) + "); retrying in "
                + Durations.seconds(retryIn));
    }

    /** A retry was due but would end after the operation's deadline: the operation gives up on {@code error}. */
    public void outOfTime(AwsErrorInfo error, Duration retryIn, Duration left) {
        warningDetail("Not retrying " + error.operation() + " after " + error.errorCode() + ": the retry in "
                + Durations.seconds(retryIn) + " would end after the operation's deadline (" + Durations.seconds(left)
                + " left)");
    }

    /** A call still unanswered after {@code waited}: said while it blocks, so the log is not silent. */
    @Override
    public void slowCall(String operation, String functionName, Duration waited, @Nullable Duration limit) {
        warningDetail(operation + " on " + functionName + " has not answered for " + Durations.seconds(waited)
                + (limit != null ? "; giving up on it after " + Durations.seconds(limit) : "; still waiting"));
    }

    public void status(FunctionStatus status) {
        detail("Function State: " + shown(status.state()) + ", Last Update Status: "
                + shown(status.lastUpdateStatus()));
    }

    public void waitingAttempt(int attempt, int maxAttempts) {
        detail("Waiting... (attempt " + attempt + "/" + maxAttempts + ")");
    }

    public void throttled(AwsErrorInfo error, Duration retryIn) {
        warningDetail("Throttled by Lambda (" + codeAndId(error) + "); polling again in " + Durations.seconds(retryIn));
    }

    public void unavailable(AwsErrorInfo error, Duration retryIn) {
        if (dev.lambdadeploy.engine.aws.CallSite.AGENT_NOT_CONNECTED.equals(error.errorCode())) {
            warningDetail(
                    "GetFunction not sent: " + error.message() + "; trying again in " + Durations.seconds(retryIn));
            return;
        }
        warningDetail("Lambda did not answer GetFunction (" + error.errorCode()
                + (error.statusCode() > 0 ? ", HTTP " + error.statusCode() : "")
                + (error.requestId() != null ? ", request id " + error.requestId() : "")
                + "); polling again in " + Durations.seconds(retryIn));
    }

    public void ready() {
        ready(AfterWait.PUBLISH);
    }

    public void ready(AfterWait next) {
        info(
                "✅",
                next == AfterWait.PUBLISH
                        ? "Lambda function is ready for version publishing"
                        : "Lambda function is ready");
    }

    /** No poll of the wait got an answer, a publish follows anyway (pinned to the expected code). */
    public void unobservedPublishingAnyway(AwsErrorInfo lastError) {
        warning("Could not observe the Lambda function (" + lastError.describe()
                + "), attempting to publish anyway...");
    }

    public void timeoutPublishingAnyway() {
        warning(LambdaResult.TIMEOUT_WARNING + ", attempting to publish anyway...");
    }

    public void timeoutContinuing(int attempts, Duration waited) {
        warning(LambdaResult.TIMEOUT_WARNING + " after " + attempts + " attempts (" + Durations.seconds(waited)
                + "), continuing anyway...");
    }

    /** A wait picked up again after the process driving it restarted (a Jenkins controller restart). */
    public void waitResumed(String functionName, int attempts, int maxAttempts) {
        info(
                "⏳",
                "Resuming the wait for Lambda function " + functionName + " after a restart (" + attempts + "/"
                        + maxAttempts + " attempts made)...");
    }

    /**
     * Putting all of an alias's traffic back on {@code version} after an abort or a failure did not work: why, and the
     * command that shows where the alias routes now.
     */
    public void aliasNotRestored(String functionName, String alias, String version, @Nullable String reason) {
        warning("Could not restore alias " + alias + " to version " + version + ": " + reason
                + ". Check it: aws lambda get-alias --function-name " + functionName + " --name " + alias);
    }

    /** A restart-surviving shift of {@code alias} goes on after a controller restart, from its saved state. */
    public void shiftResumed(String functionName, String alias) {
        info("🔀", "Resuming the shift of alias " + alias + " of " + functionName + " after a restart...");
    }

    /**
     * The user stopped the step (an aborted build, Ctrl-C, SIGTERM); {@code inFlight} is the call that changes the
     * function and was on the wire then ({@code LambdaDeployer.inFlight()}), or null. Call this before the
     * interrupt ends the call.
     */
    public void aborted(String functionName, @Nullable InFlightCall inFlight) {
        if (inFlight == null) {
            aborted(functionName);
            return;
        }
        error("Aborted during " + inFlight.operation() + " on " + inFlight.functionName() + ": the request was cut "
                + "off, but it may already have reached Lambda and may still take effect.");
        String fn = inFlight.functionName();
        if (inFlight.operation().equals(LambdaOperationNames.PUBLISH_VERSION)) {
            detail("A version may have been published. Check the function's versions: aws lambda "
                    + "list-versions-by-function --function-name " + fn
                    + " --query \"Versions[].[Version,CodeSha256,Description]\""
                    + (inFlight.codeSha256() != null
                            ? " (this publish was pinned to CodeSha256 " + inFlight.codeSha256() + ")"
                            : ""));
        } else if (inFlight.operation().equals(LambdaOperationNames.UPDATE_FUNCTION_CONFIGURATION)) {
            detail("The configuration may have been updated. Check it: aws lambda get-function-configuration "
                    + "--function-name " + fn + " --query \"[RevisionId,LastUpdateStatus]\"");
        } else if (inFlight.operation().equals(LambdaOperationNames.DELETE_FUNCTION)) {
            detail("A version may have been deleted. Check the function's versions: aws lambda "
                    + "list-versions-by-function --function-name " + fn + " --query \"Versions[].Version\"");
        } else if (inFlight.operation().endsWith("Alias")) {
            detail("An alias may have been changed. Check the function's aliases: aws lambda list-aliases "
                    + "--function-name " + fn);
        } else {
            detail("The code may have been updated. Check the function's code: aws lambda get-function-configuration "
                    + "--function-name " + fn + " --query \"[CodeSha256,LastUpdateStatus]\""
                    + (inFlight.codeSha256() != null
                            ? " (the uploaded code's CodeSha256 is " + inFlight.codeSha256() + ")"
                            : ""));
        }
    }

    /** The user stopped the step (an aborted build, Ctrl-C). */
    public void aborted(String functionName) {
        error("Aborted while deploying " + functionName + ": no further call is made. An update already sent "
                + "keeps running in AWS; no version was published by this step.");
    }

    public void updateFailed(FunctionStatus status) {
        error("Lambda function update failed: " + status.failureReason());
    }

    public void publishing() {
        info("📝", "Publishing version with description...");
    }

    public void publishRetry(int retry, int maxRetries, Duration delay, AwsErrorInfo error) {
        warning("Failed to publish version with description, retrying... (retry " + retry + "/" + maxRetries + " in "
                + Durations.seconds(delay) + " after " + codeAndId(error) + ")");
    }

    public void published(String version, @Nullable String codeSha256) {
        detail("Published version " + version + " (CodeSha256 " + codeSha256 + ")");
    }

    public void rollbackPublishFailed(String reason) {
        warning(LambdaResult.ROLLBACK_WARNING);
        warning("Function should still be rolled back, but without version description");
        warningDetail(reason);
    }

    public void updatedSuccessfully() {
        info("✅", "Lambda function updated successfully!");
    }

    /** A poll's lines; {@link dev.lambdadeploy.engine.wait.PollStep} calls it, a front end need not. */
    @Override
    public void polled(Observation seen, Decision decision, int attempt, int maxAttempts, Duration elapsed) {
        if (seen instanceof Observation.Seen s) {
            status(s.status());
        }
        if (decision instanceof Decision.PollAgain again) {
            if (seen instanceof Observation.Throttled t) {
                throttled(t.error(), again.delay());
            } else if (seen instanceof Observation.Unavailable u) {
                unavailable(u.error(), again.delay());
            } else {
                waitingAttempt(attempt, maxAttempts);
            }
        }
    }

    /** The operation failed: its message as an error line, for front ends that end on an exception. */
    public void failed(String message) {
        error(message);
    }

    /** Before an UpdateFunctionConfiguration: the configuration is read, compared, then changed. */
    public void updatingConfiguration(String functionName) {
        info("🔧", "Updating Lambda function configuration...");
        detail("Function: " + functionName);
    }

    /**
     * What the configuration update changes, one line per field; environment variables by name only, as
     * {@link dev.lambdadeploy.engine.release.FunctionSettings#diff} words them (values never shown).
     */
    public void configurationChanges(List<FunctionSettings.Change> changes) {
        if (changes.isEmpty()) {
            detail("No change: the function already has this configuration");
        }
        for (FunctionSettings.Change change : changes) {
            detail("Change " + change);
        }
    }

    public void configurationDryRun(String functionName, int changes) {
        info(
                "✅",
                "Dry run: " + changes + " configuration change" + (changes == 1 ? "" : "s") + " for " + functionName
                        + " listed; nothing was changed");
    }

    public void configurationAccepted(@Nullable String revisionId) {
        detail("Configuration accepted" + (revisionId != null ? ": RevisionId " + revisionId : ""));
    }

    public void configurationUpdated() {
        info("✅", "Lambda function configuration updated successfully!");
    }

    /** Before a version cleanup: what was found. */
    public void cleaningUpVersions(String functionName, int versions, int aliases) {
        info("🧹", "Cleaning up versions of " + functionName + "...");
        detail(versions + " published version" + (versions == 1 ? "" : "s") + ", " + aliases + " alias"
                + (aliases == 1 ? "" : "es"));
    }

    public void versionKept(String version, String because) {
        detail("Keeping version " + version + ": " + because);
    }

    public void versionWouldBeDeleted(String version) {
        detail("Would delete version " + version);
    }

    public void versionDeleted(String version) {
        detail("Deleted version " + version);
    }

    /** A delete Lambda refused with 409 (an alias moved onto the version meanwhile): skipped, never forced. */
    public void versionDeleteRefused(String version, AwsErrorInfo error) {
        warning("Version " + version + " was not deleted (" + codeAndId(error)
                + "): an alias may route to it now; skipped");
    }

    public void cleanupDone(int deleted, int kept, int skipped, boolean dryRun) {
        info(
                "✅",
                dryRun
                        ? "Dry run: " + deleted + " version" + (deleted == 1 ? "" : "s") + " would be deleted, " + kept
                                + " kept; nothing was deleted"
                        : "Version cleanup done: " + deleted + " deleted, " + kept + " kept"
                                + (skipped > 0 ? ", " + skipped + " skipped" : ""));
    }

    /** A line without its warning or error marker, e.g. for a CI system's own annotation syntax. */
    public static String unmarked(String line) {
        String text = line.strip();
        for (String marker : new String[] {WARNING_EMOJI, ERROR_EMOJI, WARNING_PLAIN, ERROR_PLAIN}) {
            if (text.startsWith(marker)) {
                return text.substring(marker.length()).strip();
            }
        }
        return text;
    }

    /** "ResourceConflictException, request id 1a2b", without a request id Lambda did not give. */
    private static String codeAndId(AwsErrorInfo error) {
        return error.errorCode() + (error.requestId() != null ? ", request id " + error.requestId() : "");
    }

    private static String shown(@Nullable String value) {
        return value == null ? "None" : value;
    }

    /** An alias operation's line: {@code warn} marks it as a warning. */
    public void alias(String text, boolean warn) {
        if (warn) {
            warning(text);
        } else {
            info("🔀", text);
        }
    }

    /** A detail line of an alias operation. */
    public void aliasDetail(String text) {
        detail(text);
    }

    private void info(String emoji, String text) {
        sink.line(LogSink.Level.INFO, style == LogStyle.EMOJI ? emoji + " " + text : text);
    }

    private void detail(String text) {
        sink.line(LogSink.Level.INFO, "  " + text);
    }

    private void warning(String text) {
        sink.line(LogSink.Level.WARNING, (style == LogStyle.EMOJI ? WARNING_EMOJI : WARNING_PLAIN) + text);
    }

    private void warningDetail(String text) {
        sink.line(LogSink.Level.WARNING, "  " + text);
    }

    private void error(String text) {
        sink.line(LogSink.Level.ERROR, (style == LogStyle.EMOJI ? ERROR_EMOJI : ERROR_PLAIN) + text);
    }
}
