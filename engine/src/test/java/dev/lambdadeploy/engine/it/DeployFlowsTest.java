package dev.lambdadeploy.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdadeploy.engine.AfterWait;
import dev.lambdadeploy.engine.AwsCallException;
import dev.lambdadeploy.engine.CodeChangedException;
import dev.lambdadeploy.engine.CodeSource;
import dev.lambdadeploy.engine.FunctionFailedException;
import dev.lambdadeploy.engine.LambdaResult;
import dev.lambdadeploy.engine.PublishVersionRequest;
import dev.lambdadeploy.engine.ReadinessTimeoutException;
import dev.lambdadeploy.engine.UpdateCodeRequest;
import dev.lambdadeploy.engine.WaitSettings;
import dev.lambdadeploy.engine.wait.PollStep;
import dev.lambdadeploy.engine.wait.ResumableWait;
import dev.lambdadeploy.engine.wait.WaitOutcome;
import dev.lambdadeploy.engine.wait.WaitPolicyName;
import dev.lambdadeploy.engine.wait.WaitProgress;
import dev.lambdadeploy.simulator.Fault;
import dev.lambdadeploy.simulator.SimulatorCredentials;
import dev.lambdadeploy.simulator.StateSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every flow of the spec, through the real AWS SDK against the simulator, on a manual clock. */
class DeployFlowsTest {

    private static final String FN = "lambda-deploy-python";
    private static final WaitSettings SPEC = new WaitSettings(30, Duration.ofSeconds(2), WaitPolicyName.FIXED, false);

    private final SimulatedLambda aws = new SimulatedLambda();
    private final byte[] code = SimulatedLambda.zip("def handler(e, c): return 2");

    @AfterEach
    void close() {
        aws.close();
    }

    private UpdateCodeRequest update() {
        return UpdateCodeRequest.builder()
                .functionName(FN)
                .code(new CodeSource.ZipFile(code, "app.zip"))
                .waitSettings(SPEC)
                .build();
    }

    private PublishVersionRequest publish(String description) {
        return PublishVersionRequest.builder()
                .functionName(FN)
                .description(description)
                .waitSettings(SPEC)
                .build();
    }

    @Test
    void successfulDeploymentLogsExactlyTheSpecsLines() throws InterruptedException {
        aws.simulator.control().createFunction(FN, Duration.ZERO);
        aws.simulator.control().updateDuration(FN, Duration.ZERO);

        LambdaResult result = aws.deployer().deploy(update(), publish("prod: 1.2.3 | abc123 | 2026-11-27"));

        assertThat(aws.log.specLines())
                .containsExactly(
                        "🔄 Updating Lambda function...",
                        "⏳ Waiting for Lambda function to be ready for version publishing...",
                        "  Function State: Active, Last Update Status: Successful",
                        "✅ Lambda function is ready for version publishing",
                        "📝 Publishing version with description...",
                        "✅ Lambda function updated successfully!");
        assertThat(result.version()).isEqualTo("1");
        assertThat(result.published()).isTrue();
        assertThat(result.codeSha256()).isEqualTo(SimulatedLambda.sha256(code));
        assertThat(result.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:" + FN);
        assertThat(aws.calls("GetFunction")).isEqualTo(1);
        assertThat(aws.lambda()
                        .getFunction(b -> b.functionName(FN).qualifier("1"))
                        .configuration()
                        .description())
                .isEqualTo("prod: 1.2.3 | abc123 | 2026-11-27");
    }

    @Test
    void deploymentWithWaitLogsTheSpecsLinesAndWaitsOnlyAsLongAsNeeded() throws InterruptedException {
        aws.simulator.control().createFunction(FN, Duration.ZERO);
        aws.simulator.control().updateDuration(FN, Duration.ofSeconds(3));
        aws.simulator.control().scriptStates(FN, List.of(new StateSnapshot("Pending", "InProgress", null, null)));

        LambdaResult result = aws.deployer().deploy(update(), publish("with wait"));

        assertThat(aws.log.specLines())
                .containsExactly(
                        "🔄 Updating Lambda function...",
                        "⏳ Waiting for Lambda function to be ready for version publishing...",
                        "  Function State: Pending, Last Update Status: InProgress",
                        "  Waiting... (attempt 1/30)",
                        "  Function State: Active, Last Update Status: InProgress",
                        "  Waiting... (attempt 2/30)",
                        "  Function State: Active, Last Update Status: Successful",
                        "✅ Lambda function is ready for version publishing",
                        "📝 Publishing version with description...",
                        "✅ Lambda function updated successfully!");
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(result.waited()).isEqualTo(Duration.ofSeconds(4));
        assertThat(aws.calls("PublishVersion")).isEqualTo(1);
    }

    @Test
    void adaptiveDefaultSeesReadinessSoonerWithFewerCallsThanTheSpecsTwoPerPoll() throws InterruptedException {
        aws.simulator.control().createFunction(FN, Duration.ZERO);
        aws.simulator.control().updateDuration(FN, Duration.ofSeconds(3));

        LambdaResult result = aws.deployer()
                .deploy(
                        update().toBuilder().waitSettings(WaitSettings.DEFAULTS).build(),
                        publish("adaptive").toBuilder()
                                .waitSettings(WaitSettings.DEFAULTS)
                                .build());

        // ready at 3 s; the spec's 2 s polls see it at 4 s with 3 polls x 2 calls
        assertThat(result.waited()).isBetween(Duration.ofSeconds(3), Duration.ofMillis(3500));
        assertThat(aws.calls("GetFunction")).isLessThanOrEqualTo(12);
        assertThat(aws.simulator.control().inspect(FN).versions()).hasSize(1);
    }

    @Test
    void timeoutWarnsAndPublishesAnywayAsTheSpecDoes() throws InterruptedException {
        aws.simulator.control().createFunction(FN, Duration.ZERO);
        aws.simulator.control().updateDuration(FN, Duration.ZERO);
        // Lambda keeps reporting InProgress for 30 polls, though it already accepts a publish
        aws.simulator
                .control()
                .scriptStates(FN, Collections.nCopies(30, new StateSnapshot("Active", "InProgress", null, null)));

        LambdaResult result = aws.deployer().deploy(update(), publish("timeout"));

        List<String> lines = aws.log.specLines();
        assertThat(lines.subList(lines.size() - 6, lines.size()))
                .containsExactly(
                        "  Function State: Active, Last Update Status: InProgress",
                        "  Waiting... (attempt 29/30)",
                        "  Function State: Active, Last Update Status: InProgress",
                        "⚠️ Timeout waiting for Lambda function to be ready, attempting to publish anyway...",
                        "📝 Publishing version with description...",
                        "✅ Lambda function updated successfully!");
        assertThat(result.timedOut()).isTrue();
        assertThat(result.published()).isTrue();
        assertThat(result.waited()).isEqualTo(Duration.ofSeconds(58));
    }

    @Test
    void timeoutThenA409IsWaitedOutAndRetried() throws InterruptedException {
        aws.simulator.control().createFunction(FN, Duration.ZERO);
        aws.simulator.control().updateDuration(FN, Duration.ofSeconds(70));

        LambdaResult result = aws.deployer().deploy(update(), publish("slow image"));

        assertThat(result.published()).isTrue();
        assertThat(result.codeSha256()).isEqualTo(SimulatedLambda.sha256(code));
        assertThat(aws.log.warnings())
                .anyMatch(w -> w.startsWith("⚠️ Failed to publish version with description, retrying... (retry 1/3"));
        assertThat(aws.simulator.journal().entries())
                .filteredOn(e -> e.operation().equals("PublishVersion"))
                .extracting(e -> e.status())
                .containsExactly(409, 201);
    }

    @Test
    void failOnTimeoutStopsWithoutPublishing() {
        aws.simulator.control().createFunction(FN, Duration.ZERO);
        aws.simulator.control().updateDuration(FN, Duration.ofSeconds(600));

        assertThatThrownBy(() -> aws.deployer()
                        .deploy(
                                update(),
                                publish("x").toBuilder()
                                        .waitSettings(SPEC.withFailOnTimeout(true))
                                        .build()))
                .isInstanceOf(ReadinessTimeoutException.class)
                .hasMessageContaining("after 30 attempts")
                .hasMessageContaining("LastUpdateStatus InProgress");
        assertThat(aws.calls("PublishVersion")).isZero();
    }

    @Test
    void aFailedUpdateFailsAtOnceWithReasonAndPublishesNothing() {
        aws.simulator.control().createFunction(FN, Duration.ZERO);
        aws.simulator.control().updateDuration(FN, Duration.ofSeconds(3));
        aws.simulator.control().failNextUpdate(FN, "InvalidZipFileException", "Could not unzip uploaded file.");

        assertThatThrownBy(() -> aws.deployer().deploy(update(), publish("x")))
                .isInstanceOfSatisfying(FunctionFailedException.class, e -> {
                    String updateRequestId = aws.simulator.journal().entries().stream()
                            .filter(j -> j.operation().equals("UpdateFunctionCode"))
                            .findFirst()
                            .orElseThrow()
                            .requestId();
                    assertThat(e.getMessage())
                            .contains(
                                    FN,
                                    "InvalidZipFileException: Could not unzip uploaded file.",
                                    "UpdateFunctionCode request id " + updateRequestId,
                                    "previous code stays live");
                    assertThat(e.status().lastUpdateStatusReasonCode()).isEqualTo("InvalidZipFileException");
                });
        // reported once, by the exception every front end shows; the log does not say it a second time
        assertThat(aws.log.lines()).noneMatch(line -> line.contains("update failed"));
        assertThat(aws.calls("PublishVersion")).isZero();
        assertThat(aws.clock.instant()).isBefore(java.time.Instant.parse("2026-11-27T00:00:10Z"));
    }

    @Test
    void a409OnPublishIsRetriedThenSucceeds() throws InterruptedException {
        aws.simulator.control().createFunction(FN, Duration.ZERO);
        aws.simulator.control().updateDuration(FN, Duration.ZERO);
        aws.simulator.control().inject("PublishVersion", Fault.status(409, "ResourceConflictException", 1));

        LambdaResult result = aws.deployer().deploy(update(), publish("retry"));

        assertThat(result.version()).isEqualTo("1");
        assertThat(aws.log.warnings())
                .singleElement()
                .asString()
                .startsWith(
                        "⚠️ Failed to publish version with description, retrying... (retry 1/3 in 1.0s after ResourceConflictException, request id ");
    }

    @Test
    void anUpdateAlreadyInProgressIsWaitedOutBeforeUpdating() throws InterruptedException {
        aws.simulator.control().createFunction(FN, Duration.ofSeconds(5));

        LambdaResult result = aws.deployer().updateCode(update());

        assertThat(result.codeSha256()).isEqualTo(SimulatedLambda.sha256(code));
        assertThat(result.lastUpdateStatus()).isEqualTo("Successful");
        assertThat(aws.simulator.journal().entries())
                .filteredOn(e -> e.operation().equals("UpdateFunctionCode"))
                .extracting(e -> e.status())
                .containsExactly(409, 200);
    }

    @Test
    void rollbackWhosePublishFailsWarnsAndSucceeds() throws InterruptedException {
        aws.simulator.control().createFunction(FN, Duration.ZERO);
        aws.simulator.control().updateDuration(FN, Duration.ZERO);
        aws.simulator.control().inject("PublishVersion", Fault.status(500, "ServiceException", 100));

        LambdaResult result = aws.deployer()
                .deploy(update(), publish("rollback").toBuilder().rollback(true).build());

        assertThat(result.published()).isFalse();
        assertThat(result.version()).isNull();
        assertThat(result.codeSha256()).isEqualTo(SimulatedLambda.sha256(code));
        assertThat(aws.log.warnings())
                .contains(
                        "⚠️ Rollback function code was updated but version publishing failed",
                        "⚠️ Function should still be rolled back, but without version description");
        assertThat(aws.simulator.control().inspect(FN).codeSha256()).isEqualTo(SimulatedLambda.sha256(code));
    }

    @Test
    void withoutRollbackAPublishFailureNamesOperationFunctionCodeAndRequestId() {
        aws.simulator.control().createFunction(FN, Duration.ZERO);
        aws.simulator.control().updateDuration(FN, Duration.ZERO);
        aws.simulator.control().inject("PublishVersion", Fault.status(500, "ServiceException", 100));

        assertThatThrownBy(() -> aws.deployer().deploy(update(), publish("x")))
                .isInstanceOfSatisfying(AwsCallException.class, e -> {
                    assertThat(e.getMessage())
                            .startsWith("PublishVersion on " + FN + " failed: ServiceException (HTTP 500, request id ");
                    assertThat(e.error().requestId()).isNotBlank();
                });
        // 1 + 3 retries, each with the SDK's own 3 attempts
        assertThat(aws.calls("PublishVersion")).isEqualTo(12);
    }

    @Test
    void throttledPollsBackOffAndKeepWaiting() throws InterruptedException {
        try (SimulatedLambda noSdkRetries = new SimulatedLambda(
                SimulatorCredentials.ACCESS_KEY_ID, SimulatorCredentials.SECRET_ACCESS_KEY, false)) {
            noSdkRetries.simulator.control().createFunction(FN, Duration.ZERO);
            noSdkRetries.simulator.control().updateDuration(FN, Duration.ofSeconds(2));
            noSdkRetries
                    .deployer()
                    .updateCode(update().toBuilder().waitForReady(false).build());
            noSdkRetries.simulator.control().inject("GetFunction", Fault.throttle(3));

            LambdaResult result = noSdkRetries
                    .deployer()
                    .awaitReady(dev.lambdadeploy.engine.AwaitReadyRequest.of(FN, null, WaitSettings.DEFAULTS));

            assertThat(result.lastUpdateStatus()).isEqualTo("Successful");
            assertThat(noSdkRetries.log.warnings())
                    .hasSize(3)
                    .allMatch(w -> w.startsWith("  Throttled by Lambda (TooManyRequestsException, request id ")
                            && w.endsWith("polling again in 1.0s"));
            // three throttled polls at least 1 s apart (Retry-After), then the update is long done
            assertThat(result.attempts()).isEqualTo(4);
            assertThat(result.waited()).isEqualTo(Duration.ofSeconds(3));
        }
    }

    @Test
    void aThrottleCarriesLambdasRetryAfter() {
        try (SimulatedLambda noSdkRetries = new SimulatedLambda(
                SimulatorCredentials.ACCESS_KEY_ID, SimulatorCredentials.SECRET_ACCESS_KEY, false)) {
            noSdkRetries.simulator.control().createFunction(FN, Duration.ZERO);
            noSdkRetries.simulator.control().inject("GetFunction", Fault.throttle(1));
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                    () -> noSdkRetries.lambda().getFunction(b -> b.functionName(FN)));
            assertThat(dev.lambdadeploy.engine.aws.AwsCalls.retryAfter(thrown)).isEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void theClientSideLimiterKeepsABurstOfCallsInsideLambdasQuota() {
        try (SimulatedLambda limited = new SimulatedLambda(
                        SimulatorCredentials.ACCESS_KEY_ID, SimulatorCredentials.SECRET_ACCESS_KEY, false, true);
                SimulatedLambda unlimited = new SimulatedLambda(
                        SimulatorCredentials.ACCESS_KEY_ID, SimulatorCredentials.SECRET_ACCESS_KEY, false, false)) {
            for (SimulatedLambda aws : List.of(limited, unlimited)) {
                aws.simulator.control().quotas(true);
                aws.simulator.control().createFunction(FN, Duration.ZERO);
                for (int i = 0; i < 40; i++) {
                    try {
                        aws.lambda().getFunctionConfiguration(b -> b.functionName(FN));
                    } catch (software.amazon.awssdk.services.lambda.model.TooManyRequestsException expected) {
                        // counted from the journal below
                    }
                }
            }
            assertThat(unlimited.simulator.journal().countStatus(429)).isEqualTo(25);
            assertThat(limited.simulator.journal().countStatus(429)).isZero();
            assertThat(Duration.between(Instant.parse("2026-11-27T00:00:00Z"), limited.clock.instant()))
                    .isBetween(Duration.ofMillis(2100), Duration.ofMillis(2200));
        }
    }

    @Test
    void serverErrorsAndResetConnectionsDuringTheWaitArePolledThrough() throws InterruptedException {
        aws.simulator.control().createFunction(FN, Duration.ZERO);
        aws.simulator.control().updateDuration(FN, Duration.ofSeconds(2));
        aws.deployer().updateCode(update().toBuilder().waitForReady(false).build());
        aws.simulator.control().inject("GetFunction", Fault.status(500, "ServiceException", 4));
        aws.simulator.control().inject("GetFunction", Fault.connectionReset(1));

        LambdaResult result = aws.deployer().awaitReady(dev.lambdadeploy.engine.AwaitReadyRequest.of(FN, null, SPEC));

        assertThat(result.state()).isEqualTo("Active");
        assertThat(result.lastUpdateStatus()).isEqualTo("Successful");
        assertThat(aws.log.warnings())
                .anyMatch(w -> w.startsWith("  Lambda did not answer GetFunction (ServiceException, HTTP 500"));
    }

    @Test
    void anUnknownFunctionFailsAtOnceWithAHint() {
        assertThatThrownBy(() ->
                        aws.deployer().awaitReady(dev.lambdadeploy.engine.AwaitReadyRequest.of("nope", null, SPEC)))
                .isInstanceOfSatisfying(AwsCallException.class, e -> {
                    assertThat(e.error().errorCode()).isEqualTo("ResourceNotFoundException");
                    assertThat(e.getMessage())
                            .startsWith("GetFunction on nope failed: ResourceNotFoundException (HTTP 404, request id ")
                            .endsWith("Check functionName and region.");
                });
        assertThat(aws.calls("GetFunction")).isEqualTo(1);
    }

    @Test
    void badCredentialsAreReportedWithoutTheSecret() {
        try (SimulatedLambda stranger = new SimulatedLambda("AKIAUNKNOWN000000000", "not-the-secret-xyz")) {
            stranger.simulator.control().createFunction(FN, Duration.ZERO);
            assertThatThrownBy(() -> stranger.deployer().updateCode(update()))
                    .isInstanceOfSatisfying(AwsCallException.class, e -> {
                        assertThat(e.error().errorCode()).isEqualTo("UnrecognizedClientException");
                        assertThat(e.error().statusCode()).isEqualTo(403);
                        assertThat(e.getMessage())
                                .contains("Check the credentials")
                                .doesNotContain("not-the-secret-xyz");
                    });
            assertThat(stranger.log.text()).doesNotContain("not-the-secret-xyz");
        }
    }

    @Test
    void aConcurrentModificationIsNeverPublished() {
        aws.simulator.control().createFunction(FN, Duration.ZERO);
        aws.simulator.control().updateDuration(FN, Duration.ofSeconds(3));
        int[] sleeps = {0};
        aws.sleeper = d -> {
            if (++sleeps[0] == 1) {
                aws.simulator.control().updateCodeByAnotherActor(FN, SimulatedLambda.zip("someone else's code"));
            }
            aws.clock.advance(d);
        };

        assertThatThrownBy(() -> aws.deployer().deploy(update(), publish("x")))
                .isInstanceOf(CodeChangedException.class)
                .hasMessageContaining("nothing was published");
        assertThat(aws.simulator.control().inspect(FN).versions()).isEmpty();
    }

    @Test
    void anAbortEndsTheWaitPromptlyAndPublishesNothing() throws InterruptedException {
        aws.simulator.control().createFunction(FN, Duration.ZERO);
        aws.simulator.control().updateDuration(FN, Duration.ofSeconds(600));
        var waiting = new java.util.concurrent.CountDownLatch(1);
        aws.sleeper = d -> {
            waiting.countDown();
            new java.util.concurrent.CountDownLatch(1).await(); // blocks like a long sleep, until interrupted
        };
        List<Throwable> thrown = new ArrayList<>();
        Thread deploy = new Thread(() -> {
            try {
                aws.deployer().deploy(update(), publish("x"));
            } catch (Throwable t) {
                thrown.add(t);
            }
        });
        deploy.start();
        waiting.await();
        deploy.interrupt();
        deploy.join(Duration.ofSeconds(5).toMillis());

        assertThat(deploy.isAlive()).isFalse();
        assertThat(thrown).singleElement().isInstanceOf(InterruptedException.class);
        assertThat(aws.calls("PublishVersion")).isZero();
    }

    @Test
    void aWaitDrivenStepByStepFromPersistedStatePublishesLikeTheBlockingOne() throws InterruptedException {
        aws.simulator.control().createFunction(FN, Duration.ZERO);
        aws.simulator.control().updateDuration(FN, Duration.ofSeconds(5));
        var deployer = aws.deployer();
        LambdaResult updated =
                deployer.updateCode(update().toBuilder().waitForReady(false).build());

        // what the Jenkins plugin does on each timer tick, persisting only deadline and attempt count
        var step = new PollStep(WaitSettings.DEFAULTS.toPolicy(), aws.log.deployLog());
        var state = step.start(aws.clock.instant());
        WaitProgress progress;
        while ((progress = step.after(
                        state,
                        deployer.probe(FN, null).probe(state.pollTimeout(aws.clock.instant())),
                        aws.clock.instant()))
                instanceof WaitProgress.Continue again) {
            state = new ResumableWait(again.next().deadline(), again.next().attempts());
            aws.clock.advance(again.delay());
        }
        WaitOutcome outcome = ((WaitProgress.Finished) progress).outcome();
        LambdaResult published = deployer.publishAfterWait(
                PublishVersionRequest.builder()
                        .functionName(FN)
                        .description("resumed")
                        .codeSha256(updated.codeSha256())
                        .build(),
                outcome);

        assertThat(published.version()).isEqualTo("1");
        assertThat(published.codeSha256()).isEqualTo(SimulatedLambda.sha256(code));
        assertThat(published.waited()).isBetween(Duration.ofSeconds(5), Duration.ofMillis(5900));
        assertThat(aws.log.specLines())
                .contains(
                        "✅ Lambda function is ready for version publishing", "✅ Lambda function updated successfully!");
    }

    @Test
    void aWaitDrivenStepByStepIsConcludedAsTheBlockingUpdateConcludesIt() throws InterruptedException {
        aws.simulator.control().createFunction(FN, Duration.ZERO);
        aws.simulator.control().updateDuration(FN, Duration.ofSeconds(3));
        var deployer = aws.deployer();
        LambdaResult updated =
                deployer.updateCode(update().toBuilder().waitForReady(false).build());

        var step = new PollStep(WaitSettings.DEFAULTS.toPolicy(), aws.log.deployLog());
        var state = step.start(aws.clock.instant());
        WaitProgress progress;
        while ((progress = step.after(
                        state,
                        deployer.probe(FN, null).probe(state.pollTimeout(aws.clock.instant())),
                        aws.clock.instant()))
                instanceof WaitProgress.Continue again) {
            state = again.next();
            aws.clock.advance(again.delay());
        }
        LambdaResult concluded = deployer.concludeWait(
                FN,
                updated,
                ((WaitProgress.Finished) progress).outcome(),
                WaitSettings.DEFAULTS,
                AfterWait.CONTINUE,
                null);

        assertThat(concluded.toBuilder().attempts(0).waited(Duration.ZERO).build())
                .isEqualTo(updated.toBuilder()
                        .state("Active")
                        .lastUpdateStatus("Successful")
                        .revisionId(concluded.revisionId())
                        .build());
        assertThat(concluded.attempts()).isEqualTo(state.attempts() + 1);
        assertThat(concluded.waited()).isBetween(Duration.ofSeconds(3), Duration.ofMillis(3900));
        assertThat(aws.log.specLines())
                .endsWith("  Function State: Active, Last Update Status: Successful", "✅ Lambda function is ready");
    }
}
