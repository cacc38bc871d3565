package dev.lambdadeploy.cli;

import static dev.lambdadeploy.cli.CliHarness.FN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdadeploy.simulator.Fault;
import dev.lambdadeploy.simulator.FunctionView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every AWS subcommand through the real SDK against the simulator: exit codes, stdout, stderr. */
class CommandsTest {

    @TempDir
    Path dir;

    CliHarness cli;
    Path zip;
    byte[] zipBytes;

    @BeforeEach
    void start() {
        cli = new CliHarness(dir);
        cli.simulator.control().createFunction(FN, Duration.ZERO);
        zip = CliHarness.writeZip(dir, "app.zip", "def handler(e, c): return 2");
        zipBytes = CliHarness.zip("def handler(e, c): return 2");
    }

    @AfterEach
    void stop() {
        cli.close();
    }

    @Test
    void updateCodeUploadsTheZipWaitsAndPrintsTheResultAsKeyValueLines() {
        var run = cli.run("update-code", "--function-name", FN, "--zip-file", zip.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.textResult())
                .containsEntry("functionName", FN)
                .containsEntry("codeSha256", CliHarness.sha256(zipBytes))
                .containsEntry("state", "Active")
                .containsEntry("lastUpdateStatus", "Successful")
                .containsEntry("version", "")
                .containsEntry("published", "false")
                .containsEntry("timedOut", "false");
        assertThat(run.errLines())
                .startsWith(
                        "🔄 Updating Lambda function...",
                        "  Function: " + FN + ", code: zip app.zip (" + zipBytes.length + " bytes)");
        // no publish follows: the spec's "for version publishing" would promise one
        assertThat(run.errLines())
                .contains("⏳ Waiting for Lambda function to be ready...", "✅ Lambda function is ready")
                .noneMatch(l -> l.contains("version publishing"));
        assertThat(cli.simulator.control().inspect(FN).codeSha256()).isEqualTo(CliHarness.sha256(zipBytes));
    }

    @Test
    void updateCodeWithoutWaitingReturnsAsSoonAsLambdaAcceptsTheCode() {
        var run = cli.run(
                "update-code",
                "--function-name",
                FN,
                "--s3-bucket",
                "my-bucket",
                "--s3-key",
                "app.zip",
                "--no-wait-for-ready",
                "--output",
                "json");

        assertThat(run.exitCode()).isZero();
        assertThat(json(run).get("lastUpdateStatus").asText()).isEqualTo("InProgress");
        assertThat(cli.calls("GetFunction")).isZero();
        assertThat(run.err()).doesNotContain("Waiting");
    }

    @Test
    void updateCodeCanPublishAndWaitExplicitly() {
        var run = cli.run(
                "update-code",
                "--function-name",
                FN,
                "--zip-file",
                zip.toString(),
                "--publish",
                "--wait-for-ready",
                "--output",
                "JSON");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = json(run);
        assertThat(result.get("version").asText()).isEqualTo("1");
        assertThat(result.get("published").asBoolean()).isTrue();
        assertThat(result.get("lastUpdateStatus").asText()).isEqualTo("Successful");
        assertThat(cli.calls("GetFunction")).isPositive();
    }

    @Test
    void updateCodeDryRunChangesNothing() {
        String before = cli.simulator.control().inspect(FN).codeSha256();

        var run = cli.run("update-code", "--function-name", FN, "--zip-file", zip.toString(), "--dry-run");

        assertThat(run.exitCode()).isZero();
        assertThat(run.errLines())
                .contains("✅ Dry run: Lambda accepted the code for " + FN + " (CodeSha256 "
                        + CliHarness.sha256(zipBytes) + "); nothing was changed");
        assertThat(cli.simulator.control().inspect(FN).codeSha256()).isEqualTo(before);
    }

    @Test
    void awaitReadyWaitsUntilActiveAndSuccessful() {
        cli.simulator
                .control()
                .scriptStates(FN, List.of(dev.lambdadeploy.simulator.StateSnapshot.of("Active", "InProgress")));

        var run = cli.run("await-ready", "--function-name", FN, "--wait-policy", "fixed", "--output", "json");

        assertThat(run.exitCode()).isZero();
        JsonNode result = json(run);
        assertThat(result.get("state").asText()).isEqualTo("Active");
        assertThat(result.get("lastUpdateStatus").asText()).isEqualTo("Successful");
        assertThat(result.get("attempts").asInt()).isEqualTo(2);
        assertThat(result.get("secondsWaited").asDouble()).isEqualTo(2.0);
        assertThat(run.specLines())
                .containsExactly(
                        "⏳ Waiting for Lambda function to be ready...",
                        "  Function State: Active, Last Update Status: InProgress",
                        "  Waiting... (attempt 1/30)",
                        "  Function State: Active, Last Update Status: Successful",
                        "✅ Lambda function is ready");
    }

    @Test
    void awaitReadyTimeoutWarnsAndSucceedsUnlessAskedToFail() {
        cli.simulator
                .control()
                .scriptStates(
                        FN,
                        Collections.nCopies(60, dev.lambdadeploy.simulator.StateSnapshot.of("Active", "InProgress")));

        var warned = cli.run(
                "await-ready",
                "--function-name",
                FN,
                "--max-wait-attempts",
                "3",
                "--poll-interval",
                "0.5",
                "--wait-policy",
                "fixed");
        var failed = cli.run(
                "await-ready",
                "--function-name",
                FN,
                "--max-wait-attempts",
                "3",
                "--poll-interval",
                "0.5",
                "--wait-policy",
                "fixed",
                "--fail-on-timeout");

        assertThat(warned.exitCode()).isZero();
        assertThat(warned.textResult())
                .containsEntry("timedOut", "true")
                .containsEntry("attempts", "3")
                .containsEntry("secondsWaited", "1.0");
        assertThat(warned.errLines())
                .last()
                .asString()
                .startsWith("⚠️ Timeout waiting for Lambda function to be ready after 3 attempts (1.0s)");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.out()).isEmpty();
        assertThat(failed.errLines())
                .last()
                .asString()
                .startsWith("❌ Timeout waiting for Lambda function " + FN + " to be ready after 3 attempts");
    }

    @Test
    void awaitReadyOfAnUnknownFunctionFailsWithTheEnginesHint() {
        var run = cli.run("await-ready", "--function-name", "no-such-function");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines())
                .last()
                .asString()
                .startsWith(
                        "❌ GetFunction on no-such-function failed: ResourceNotFoundException (HTTP 404, request id ")
                .endsWith("function:no-such-function. Check --function-name and --region.");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void publishVersionPublishesWithTheDescription() {
        var run = cli.run(
                "publish-version",
                "--function-name",
                FN,
                "--description",
                "prod: 1.2.3 | abc123 | 2026-11-27",
                "--output",
                "json");

        assertThat(run.exitCode()).isZero();
        JsonNode result = json(run);
        assertThat(result.get("version").asText()).isEqualTo("1");
        assertThat(result.get("published").asBoolean()).isTrue();
        assertThat(cli.simulator.control().inspect(FN).versions())
                .extracting(FunctionView.VersionView::description)
                .containsExactly("prod: 1.2.3 | abc123 | 2026-11-27");
    }

    @Test
    void publishVersionRefusesToPublishOtherCodeThanExpected() {
        String other = CliHarness.sha256(CliHarness.zip("somebody else's code"));

        var run = cli.run("publish-version", "--function-name", FN, "--code-sha256", other);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("nothing was published");
        assertThat(cli.simulator.control().inspect(FN).versions()).isEmpty();
    }

    @Test
    void deployUpdatesWaitsAndPublishesTheUploadedCode() throws Exception {
        var run = cli.run(
                "deploy",
                "--function-name",
                FN,
                "--zip-file",
                zip.toString(),
                "--description",
                "prod: 1.2.3",
                "--output",
                "json");

        assertThat(run.exitCode()).isZero();
        JsonNode result = json(run);
        assertThat(result.get("functionName").asText()).isEqualTo(FN);
        assertThat(result.get("functionArn").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:" + FN);
        assertThat(result.get("version").asText()).isEqualTo("1");
        assertThat(result.get("codeSha256").asText()).isEqualTo(CliHarness.sha256(zipBytes));
        assertThat(result.get("published").asBoolean()).isTrue();
        assertThat(result.get("timedOut").asBoolean()).isFalse();
        assertThat(result.get("secondsWaited").isNumber()).isTrue();
        assertThat(run.specLines())
                .startsWith(
                        "🔄 Updating Lambda function...",
                        "⏳ Waiting for Lambda function to be ready for version publishing...")
                .endsWith(
                        "✅ Lambda function is ready for version publishing",
                        "📝 Publishing version with description...",
                        "✅ Lambda function updated successfully!");
        assertThat(cli.simulator.control().inspect(FN).versions())
                .singleElement()
                .satisfies(v -> assertThat(v.codeSha256()).isEqualTo(CliHarness.sha256(zipBytes)));
    }

    @Test
    void deployWaitsOutA409OnPublishAndRetries() {
        cli.simulator.control().updateDuration(FN, Duration.ZERO);
        cli.simulator.control().inject("PublishVersion", Fault.status(409, "ResourceConflictException", 1));

        var run = cli.run("deploy", "--function-name", FN, "--s3-bucket", "my-bucket", "--s3-key", "app.zip");

        assertThat(run.exitCode()).isZero();
        assertThat(run.textResult()).containsEntry("version", "1");
        assertThat(run.errLines())
                .anyMatch(
                        l -> l.startsWith(
                                "⚠️ Failed to publish version with description, retrying... (retry 1/3 in 1.0s after ResourceConflictException"));
    }

    @Test
    void aFailedUpdateExitsOneWithTheReasonAndPublishesNothing() {
        cli.simulator.control().failNextUpdate(FN, "InvalidZipFileException", "Could not unzip uploaded file.");

        var run = cli.run("deploy", "--function-name", FN, "--zip-file", zip.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        String updateRequestId = cli.simulator.journal().entries().stream()
                .filter(e -> e.operation().equals("UpdateFunctionCode"))
                .findFirst()
                .orElseThrow()
                .requestId();
        // reported once, with the request id of the update that failed
        assertThat(run.errLines())
                .filteredOn(l -> l.contains("update failed"))
                .singleElement()
                .asString()
                .startsWith("❌ Lambda function update failed: " + FN + " is State Active")
                .contains(
                        "InvalidZipFileException: Could not unzip uploaded file.",
                        "UpdateFunctionCode request id " + updateRequestId,
                        "previous code stays live");
        assertThat(cli.calls("PublishVersion")).isZero();
    }

    @Test
    void rollbackWhosePublishFailsWarnsAndExitsZero() {
        cli.simulator.control().updateDuration(FN, Duration.ZERO);
        cli.simulator.control().inject("PublishVersion", Fault.status(500, "ServiceException", 100));

        var run = cli.run(
                "deploy", "--function-name", FN, "--zip-file", zip.toString(), "--rollback", "--max-retries", "0");

        assertThat(run.exitCode()).isZero();
        assertThat(run.textResult())
                .containsEntry("published", "false")
                .containsEntry("version", "")
                .containsEntry("codeSha256", CliHarness.sha256(zipBytes));
        assertThat(run.errLines())
                .contains(
                        "⚠️ Rollback function code was updated but version publishing failed",
                        "⚠️ Function should still be rolled back, but without version description");
    }

    @Test
    void withoutRollbackAPublishFailureExitsOneNamingTheRequest() {
        cli.simulator.control().updateDuration(FN, Duration.ZERO);
        cli.simulator.control().inject("PublishVersion", Fault.status(500, "ServiceException", 100));

        var run = cli.run("deploy", "--function-name", FN, "--zip-file", zip.toString(), "--max-retries", "0");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines())
                .last()
                .asString()
                .startsWith("❌ PublishVersion on " + FN + " failed: ServiceException (HTTP 500, request id ");
    }

    @Test
    void inGitHubActionsWarningsAndErrorsAreAlsoWorkflowCommands() {
        cli.env.put("GITHUB_ACTIONS", "true");
        cli.simulator.control().updateDuration(FN, Duration.ZERO);
        cli.simulator
                .control()
                .scriptStates(
                        FN,
                        Collections.nCopies(30, dev.lambdadeploy.simulator.StateSnapshot.of("Active", "InProgress")));

        var timeout = cli.run("deploy", "--function-name", FN, "--zip-file", zip.toString(), "--wait-policy", "fixed");
        cli.simulator.control().failNextUpdate(FN, "InvalidZipFileException", "Could not unzip uploaded file.");
        var failure = cli.run("deploy", "--function-name", FN, "--zip-file", zip.toString());

        assertThat(timeout.exitCode()).isZero();
        assertThat(timeout.errLines())
                .containsSubsequence(
                        "⚠️ Timeout waiting for Lambda function to be ready, attempting to publish anyway...",
                        "::warning::Timeout waiting for Lambda function to be ready, attempting to publish anyway...",
                        "📝 Publishing version with description...");
        assertThat(timeout.errLines()).filteredOn(l -> l.startsWith("::")).hasSize(1);
        assertThat(failure.exitCode()).isEqualTo(1);
        assertThat(failure.errLines())
                .filteredOn(l -> l.startsWith("::error::"))
                .singleElement()
                .asString()
                .startsWith("::error::Lambda function update failed: " + FN)
                .contains("InvalidZipFileException: Could not unzip uploaded file.");
    }

    @Test
    void plainLogsHaveNoEmoji() {
        cli.simulator.control().updateDuration(FN, Duration.ZERO);
        cli.simulator.control().inject("PublishVersion", Fault.status(409, "ResourceConflictException", 1));

        var run = cli.run("deploy", "--function-name", FN, "--zip-file", zip.toString(), "--plain");

        assertThat(run.exitCode()).isZero();
        assertThat(run.errLines())
                .startsWith("Updating Lambda function...")
                .contains("Lambda function updated successfully!")
                .anyMatch(l -> l.startsWith("WARNING: Failed to publish version with description, retrying..."));
        assertThat(run.err()).doesNotContain("🔄", "✅", "⚠️", "📝", "⏳");
    }

    @Test
    void credentialsFromANamedProfileAndItsRegion() throws Exception {
        Path credentials = java.nio.file.Files.writeString(
                dir.resolve("credentials"),
                "[deployer]\n"
                        + "aws_access_key_id = " + dev.lambdadeploy.simulator.SimulatorCredentials.ACCESS_KEY_ID + "\n"
                        + "aws_secret_access_key = " + dev.lambdadeploy.simulator.SimulatorCredentials.SECRET_ACCESS_KEY
                        + "\n");
        Path config =
                java.nio.file.Files.writeString(dir.resolve("config"), "[profile deployer]\nregion = us-east-1\n");
        cli.env.remove("AWS_ACCESS_KEY_ID");
        cli.env.remove("AWS_SECRET_ACCESS_KEY");
        cli.env.remove("AWS_REGION");
        cli.env.put("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
        cli.env.put("AWS_CONFIG_FILE", config.toString());

        var run = cli.run("await-ready", "--function-name", FN, "--profile", "deployer");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.textResult()).containsEntry("state", "Active");
    }

    @Test
    void anInterruptStopsTheWaitAndExits130WithoutPublishing() throws Exception {
        cli.simulator.control().updateDuration(FN, Duration.ofSeconds(600));
        CountDownLatch waiting = new CountDownLatch(1);
        cli.sleeper = d -> {
            waiting.countDown();
            new CountDownLatch(1).await(); // a long sleep, until interrupted
        };
        AtomicInteger exitCode = new AtomicInteger(-1);
        java.io.StringWriter err = new java.io.StringWriter();
        Thread deploy =
                new Thread(() -> exitCode.set(LambdaDeployCli.commandLine(cli.context(new java.io.StringWriter(), err))
                        .execute(
                                "deploy",
                                "--function-name",
                                FN,
                                "--zip-file",
                                zip.toString(),
                                "--endpoint-url",
                                cli.simulator.endpoint().toString())));
        deploy.start();
        waiting.await();
        deploy.interrupt();
        deploy.join(Duration.ofSeconds(10).toMillis());

        assertThat(deploy.isAlive()).isFalse();
        assertThat(exitCode.get()).isEqualTo(130);
        assertThat(err.toString()).contains("❌ Interrupted");
        assertThat(cli.calls("PublishVersion")).isZero();
    }

    static JsonNode json(CliHarness.Run run) {
        try {
            return new ObjectMapper().readTree(run.out());
        } catch (Exception e) {
            throw new AssertionError("stdout is not JSON: " + run.out() + "\nstderr: " + run.err(), e);
        }
    }
    /** Issue 9 item 8: "could not observe the function" is no timeout while InProgress. */
    @Test
    void awaitReadyExitsOneWithTheLastErrorWhenNoStatusCallWasAnswered() {
        cli.simulator.control().inject("GetFunction", Fault.status(500, "ServiceException", 100_000));

        var run = cli.run("await-ready", "--function-name", FN);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines())
                .last()
                .asString()
                .startsWith("❌ Could not observe Lambda function " + FN)
                .contains("Last error: GetFunction on " + FN + " failed: ServiceException (HTTP 500, request id ");
        assertThat(run.err()).doesNotContain("Timeout waiting");
    }

    /** Issue 9 item 3: the hash as {@code cut -d= -f2} leaves it, without its trailing '='. */
    @Test
    void publishVersionTakesTheCodeSha256WithoutItsPadding() {
        var update = cli.run("update-code", "--function-name", FN, "--zip-file", zip.toString(), "--no-wait-for-ready");
        String unpadded = update.out()
                .lines()
                .filter(l -> l.startsWith("codeSha256="))
                .findFirst()
                .orElseThrow()
                .split("=")[1];
        assertThat(unpadded).hasSize(43);

        var run = cli.run("publish-version", "--function-name", FN, "--code-sha256", unpadded, "--description", "x");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.textResult())
                .containsEntry("version", "1")
                .containsEntry("codeSha256", CliHarness.sha256(zipBytes));
        assertThat(run.err()).doesNotContainIgnoringCase("someone else");
    }

    /** Issue 9 item 7: in rollback mode a changed function still exits 1; the help says so. */
    @Test
    void rollbackOfAFunctionSomeoneElseChangedExitsOneAndPublishesNothing() {
        cli.simulator.control().updateDuration(FN, Duration.ofSeconds(3));
        AtomicInteger sleeps = new AtomicInteger();
        cli.sleeper = d -> {
            if (sleeps.incrementAndGet() == 1) {
                cli.simulator.control().updateCodeByAnotherActor(FN, CliHarness.zip("someone else's code"));
            }
            cli.clock.advance(d);
        };

        var run = cli.run("deploy", "--function-name", FN, "--zip-file", zip.toString(), "--rollback");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("Someone else updated the function; nothing was published")
                .doesNotContain("Rollback function code was updated");
        assertThat(cli.simulator.control().inspect(FN).versions()).isEmpty();
        var help = cli.runExactly("deploy", "--help");
        assertThat(help.out().replaceAll("\\s+", " "))
                .contains(
                        "warn and succeed without a version",
                        "someone else changed the function (412 or another CodeSha256");
    }

    /** Issue 9 item 2: the help says what --max-wait-attempts bounds under each policy, and the one deadline. */
    @Test
    void maxWaitAttemptsHelpSaysWhatItBoundsUnderEachPolicy() {
        for (String command : List.of("deploy", "update-code", "await-ready", "publish-version")) {
            String help = cli.runExactly(command, "--help").out().replaceAll("\\s+", " ");
            assertThat(help)
                    .as(command)
                    .contains(
                            "N x the poll interval",
                            "With the fixed policy N is also the number of polls",
                            "With the history policy (the default) and the adaptive one N bounds time, not polls",
                            "ends within that budget plus the retries' backoff");
        }
    }
}
