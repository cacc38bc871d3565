package dev.lambdadeploy.engine.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdadeploy.engine.AfterWait;
import dev.lambdadeploy.engine.Statuses;
import dev.lambdadeploy.engine.aws.AwsErrorInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeployLogTest {

    private final List<String> lines = new ArrayList<>();
    private final List<LogSink.Level> levels = new ArrayList<>();
    private final LogSink sink = (level, text) -> {
        levels.add(level);
        lines.add(text);
    };

    @Test
    void speaksTheSpecsLinesWithEmoji() {
        DeployLog log = new DeployLog(sink, LogStyle.EMOJI);
        log.waitingForReady();
        log.status(Statuses.of("Active", "Successful"));
        log.ready();
        log.publishing();
        log.updatedSuccessfully();
        log.timeoutPublishingAnyway();
        assertThat(lines)
                .containsExactly(
                        "⏳ Waiting for Lambda function to be ready for version publishing...",
                        "  Function State: Active, Last Update Status: Successful",
                        "✅ Lambda function is ready for version publishing",
                        "📝 Publishing version with description...",
                        "✅ Lambda function updated successfully!",
                        "⚠️ Timeout waiting for Lambda function to be ready, attempting to publish anyway...");
        assertThat(levels).last().isEqualTo(LogSink.Level.WARNING);
    }

    @Test
    void plainStyleHasNoEmoji() {
        DeployLog log = new DeployLog(sink, LogStyle.PLAIN);
        log.updating("my-fn", "s3://b/k.zip");
        log.ready();
        log.timeoutPublishingAnyway();
        log.updateFailed(Statuses.failedUpdate("InvalidZipFileException", "Could not unzip"));
        assertThat(lines)
                .containsExactly(
                        "Updating Lambda function...",
                        "  Function: my-fn, code: s3://b/k.zip",
                        "Lambda function is ready for version publishing",
                        "WARNING: Timeout waiting for Lambda function to be ready, attempting to publish anyway...",
                        "ERROR: Lambda function update failed: InvalidZipFileException: Could not unzip");
        assertThat(String.join("", lines)).doesNotContainPattern("[\\x{1F300}-\\x{1FAFF}\\x{2600}-\\x{27BF}]");
    }

    @Test
    void aMissingLastUpdateStatusShowsAsNoneLikeTheAwsCli() {
        new DeployLog(sink, LogStyle.EMOJI).status(Statuses.of("Active", null));
        assertThat(lines).containsExactly("  Function State: Active, Last Update Status: None");
    }

    @Test
    void retriesAndRollbackWarningsNameTheErrorAndRequestId() {
        DeployLog log = new DeployLog(sink, LogStyle.EMOJI);
        var conflict = new AwsErrorInfo("PublishVersion", "my-fn", "ResourceConflictException", 409, "req-42", "busy");
        log.publishRetry(1, 3, Duration.ofSeconds(1), conflict);
        log.rollbackPublishFailed("PublishVersion on my-fn failed: ServiceException");
        assertThat(lines)
                .containsExactly(
                        "⚠️ Failed to publish version with description, retrying... (retry 1/3 in 1.0s after "
                                + "ResourceConflictException, request id req-42)",
                        "⚠️ Rollback function code was updated but version publishing failed",
                        "⚠️ Function should still be rolled back, but without version description",
                        "  PublishVersion on my-fn failed: ServiceException");
        assertThat(levels).containsOnly(LogSink.Level.WARNING);
    }

    @Test
    void resumeAbortAndFailureLines() {
        DeployLog log = new DeployLog(sink, LogStyle.EMOJI);
        log.waitResumed("my-fn", 4, 30);
        log.aborted("my-fn");
        log.failed("PublishVersion on my-fn failed: ServiceException");
        assertThat(lines)
                .containsExactly(
                        "⏳ Resuming the wait for Lambda function my-fn after a restart (4/30 attempts made)...",
                        "❌ Aborted while deploying my-fn: no further call is made. An update already sent keeps running in AWS; "
                                + "no version was published by this step.",
                        "❌ PublishVersion on my-fn failed: ServiceException");
        assertThat(levels).containsExactly(LogSink.Level.INFO, LogSink.Level.ERROR, LogSink.Level.ERROR);
    }

    @Test
    void linesLoseTheirMarkersForOtherAnnotationSyntaxes() {
        assertThat(DeployLog.unmarked("⚠️ Timeout waiting")).isEqualTo("Timeout waiting");
        assertThat(DeployLog.unmarked("WARNING: Timeout waiting")).isEqualTo("Timeout waiting");
        assertThat(DeployLog.unmarked("❌ Lambda function update failed: X"))
                .isEqualTo("Lambda function update failed: X");
        assertThat(DeployLog.unmarked("  Throttled by Lambda")).isEqualTo("Throttled by Lambda");
    }

    @Test
    void anAbortDuringAnUpdateOnTheWireSaysItMayHaveReachedLambdaAndHowToCheck() {
        DeployLog log = new DeployLog(sink, LogStyle.PLAIN);
        log.aborted("fn", new dev.lambdadeploy.engine.InFlightCall("UpdateFunctionCode", "fn", "abc="));
        log.aborted("fn", null);
        assertThat(lines)
                .containsExactly(
                        "ERROR: Aborted during UpdateFunctionCode on fn: the request was cut off, but it may already have "
                                + "reached Lambda and may still take effect.",
                        "  The code may have been updated. Check the function's code: aws lambda get-function-configuration "
                                + "--function-name fn --query \"[CodeSha256,LastUpdateStatus]\" (the uploaded code's CodeSha256 is abc=)",
                        "ERROR: Aborted while deploying fn: no further call is made. An update already sent keeps running in "
                                + "AWS; no version was published by this step.");
    }

    @Test
    void aSlowCallIsSaidWhileItBlocks() {
        DeployLog log = new DeployLog(sink, LogStyle.EMOJI);
        log.slowCall("GetFunction", "fn", Duration.ofSeconds(5), Duration.ofSeconds(12));
        log.slowCall("PublishVersion", "fn", Duration.ofSeconds(10), null);
        assertThat(lines)
                .containsExactly(
                        "  GetFunction on fn has not answered for 5.0s; giving up on it after 12.0s",
                        "  PublishVersion on fn has not answered for 10.0s; still waiting");
        assertThat(levels).containsOnly(LogSink.Level.WARNING);
    }

    @Test
    void waitsThatNoPublishFollowsDoNotPromiseOne() {
        DeployLog log = new DeployLog(sink, LogStyle.EMOJI);
        log.waitingForReady(AfterWait.CONTINUE);
        log.ready(AfterWait.CONTINUE);
        assertThat(lines).containsExactly("⏳ Waiting for Lambda function to be ready...", "✅ Lambda function is ready");
    }

    @Test
    void configurationAndCleanupLinesNeverShowAnEnvironmentValue() {
        DeployLog log = new DeployLog(sink, LogStyle.PLAIN);
        log.updatingConfiguration("fn");
        log.configurationChanges(dev.lambdadeploy.engine.release.FunctionSettings.diff(
                new dev.lambdadeploy.engine.release.FunctionSettings(
                        java.util.Map.of("TOKEN", "old-secret"), 128, null, null, null, null, null, null),
                new dev.lambdadeploy.engine.release.FunctionSettings(
                        java.util.Map.of("TOKEN", "new-secret"), 256, null, null, null, null, null, null)));
        log.configurationChanges(List.of());
        log.configurationDryRun("fn", 1);
        log.cleaningUpVersions("fn", 1, 2);
        log.versionKept("3", "routed to by an alias");
        log.versionDeleted("1");
        log.versionDeleteRefused(
                "2", new AwsErrorInfo("DeleteFunction", "fn", "ResourceConflictException", 409, "req-9", "in use"));
        log.cleanupDone(1, 1, 1, false);
        log.aborted("fn", new dev.lambdadeploy.engine.InFlightCall("UpdateFunctionConfiguration", "fn", null));
        log.aborted("fn", new dev.lambdadeploy.engine.InFlightCall("DeleteFunction", "fn", null));

        assertThat(lines)
                .startsWith(
                        "Updating Lambda function configuration...",
                        "  Function: fn",
                        "  Change memorySize: 128 -> 256",
                        "  Change environment.TOKEN: (value hidden) -> (new value hidden)",
                        "  No change: the function already has this configuration",
                        "Dry run: 1 configuration change for fn listed; nothing was changed",
                        "Cleaning up versions of fn...",
                        "  1 published version, 2 aliases",
                        "  Keeping version 3: routed to by an alias",
                        "  Deleted version 1",
                        "WARNING: Version 2 was not deleted (ResourceConflictException, request id req-9): an alias"
                                + " may route to it now; skipped",
                        "Version cleanup done: 1 deleted, 1 kept, 1 skipped");
        assertThat(String.join("\n", lines)).doesNotContain("secret");
        assertThat(lines)
                .anySatisfy(l -> assertThat(l).contains("The configuration may have been updated"))
                .anySatisfy(l -> assertThat(l).contains("A version may have been deleted"));
    }
}
