package dev.lambdadeploy.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdadeploy.engine.AwaitReadyRequest;
import dev.lambdadeploy.engine.AwsCallException;
import dev.lambdadeploy.engine.CodeChangedException;
import dev.lambdadeploy.engine.CodeSource;
import dev.lambdadeploy.engine.FunctionNotObservedException;
import dev.lambdadeploy.engine.LambdaDeployer;
import dev.lambdadeploy.engine.LambdaResult;
import dev.lambdadeploy.engine.PublishVersionRequest;
import dev.lambdadeploy.engine.UpdateCodeRequest;
import dev.lambdadeploy.engine.WaitSettings;
import dev.lambdadeploy.engine.wait.WaitPolicyName;
import dev.lambdadeploy.simulator.Fault;
import dev.lambdadeploy.simulator.SimulatorCredentials;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/** What adversarial testing found (issue 9), each through the real SDK against the simulator on a manual clock. */
class FaultsTest {

    private static final String FN = "lambda-deploy-python";
    private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");

    private final SimulatedLambda aws = new SimulatedLambda();
    private final byte[] code = SimulatedLambda.zip("def handler(e, c): return 9");

    @AfterEach
    void close() {
        aws.close();
    }

    private UpdateCodeRequest update(WaitSettings wait) {
        return UpdateCodeRequest.builder()
                .functionName(FN)
                .code(new CodeSource.ZipFile(code, "app.zip"))
                .waitSettings(wait)
                .build();
    }

    private PublishVersionRequest publish(WaitSettings wait) {
        return PublishVersionRequest.builder()
                .functionName(FN)
                .description("d")
                .waitSettings(wait)
                .build();
    }

    private Duration elapsed(SimulatedLambda lambda) {
        return Duration.between(T0, lambda.clock.instant());
    }

    /** Item 2: a function stuck InProgress ends a default deploy by the one deadline, 60 s + 2 + 4 + 8 s. */
    @Test
    void aStuckFunctionEndsADefaultDeployWithinTheWaitBudgetAndTheSpecsRetryTail() {
        aws.simulator.control().createFunction(FN, Duration.ZERO);
        aws.simulator.control().updateDuration(FN, Duration.ofHours(1));

        assertThatThrownBy(() -> aws.deployer().deploy(update(WaitSettings.DEFAULTS), publish(WaitSettings.DEFAULTS)))
                .isInstanceOfSatisfying(
                        AwsCallException.class,
                        e -> assertThat(e.error().errorCode()).isEqualTo("ResourceConflictException"));

        assertThat(elapsed(aws)).isLessThanOrEqualTo(Duration.ofSeconds(74));
        // the first wait spent its budget; the 409s after "publish anyway" started no new one
        assertThat(aws.log.lines())
                .filteredOn(l -> l.startsWith("⚠️ Timeout waiting"))
                .hasSizeLessThanOrEqualTo(2);
        // no more status calls than the spec's script makes in the same 74 s (two get-function per 2 s poll);
        // before the deadline was shared, 177
        assertThat(aws.calls("GetFunction")).isLessThanOrEqualTo(74);
        assertThat(aws.simulator.control().inspect(FN).versions()).isEmpty();
    }

    /** Item 2: the same under the spec's fixed policy, and a 409 on the update side shares the deadline too. */
    @Test
    void anUpdateThatMeetsAStuckFunctionSharesTheSameDeadline() {
        aws.simulator.control().createFunction(FN, Duration.ofHours(1));
        WaitSettings spec = new WaitSettings(30, Duration.ofSeconds(2), WaitPolicyName.FIXED, false);

        assertThatThrownBy(() -> aws.deployer().deploy(update(spec), publish(spec)))
                .isInstanceOf(AwsCallException.class);

        assertThat(elapsed(aws)).isLessThanOrEqualTo(Duration.ofSeconds(74));
        assertThat(aws.calls("UpdateFunctionCode")).isEqualTo(1);
    }

    /** Item 3: what {@code cut -d= -f2} makes of {@code codeSha256=...=} is the same code. */
    @Test
    void anUnpaddedCodeSha256IsTheSameCodeAndIsPublished() throws InterruptedException {
        aws.simulator.control().createFunction(FN, Duration.ZERO);
        aws.simulator.control().updateDuration(FN, Duration.ofSeconds(3));
        LambdaResult updated = aws.deployer()
                .updateCode(update(WaitSettings.DEFAULTS).toBuilder()
                        .waitForReady(false)
                        .build());
        String unpadded = updated.codeSha256().replace("=", "");
        assertThat(unpadded).hasSize(43);

        LambdaResult published = aws.deployer()
                .publishVersion(publish(WaitSettings.DEFAULTS).toBuilder()
                        .codeSha256(unpadded)
                        .build());

        assertThat(published.version()).isEqualTo("1");
        assertThat(published.codeSha256()).isEqualTo(SimulatedLambda.sha256(code));
        assertThat(aws.log.text()).doesNotContain("Someone else", "someone else");
    }

    /** Item 5: five 429s in a row on UpdateFunctionCode are waited out, after Lambda's Retry-After, on the engine's sleeper. */
    @Test
    void aThrottledUpdateIsRetriedAfterRetryAfter() throws InterruptedException {
        try (SimulatedLambda noSdkRetries = new SimulatedLambda(
                SimulatorCredentials.ACCESS_KEY_ID, SimulatorCredentials.SECRET_ACCESS_KEY, false)) {
            noSdkRetries.simulator.control().createFunction(FN, Duration.ZERO);
            noSdkRetries.simulator.control().updateDuration(FN, Duration.ZERO);
            noSdkRetries.simulator.control().inject("UpdateFunctionCode", Fault.throttle(5));

            LambdaResult result = noSdkRetries.deployer().updateCode(update(WaitSettings.DEFAULTS));

            assertThat(result.codeSha256()).isEqualTo(SimulatedLambda.sha256(code));
            assertThat(noSdkRetries.simulator.journal().entries())
                    .filteredOn(e -> e.operation().equals("UpdateFunctionCode"))
                    .extracting(e -> e.status())
                    .containsExactly(429, 429, 429, 429, 429, 200);
            assertThat(noSdkRetries.log.warnings())
                    .filteredOn(w -> w.startsWith(
                            "  Throttled by Lambda on UpdateFunctionCode (TooManyRequestsException, request id "))
                    .hasSize(5);
            // at least the second Lambda asked for each time, and no real sleep: the manual clock moved
            assertThat(elapsed(noSdkRetries)).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
        }
    }

    /** Item 5: throttling never outlasts the operation's deadline. */
    @Test
    void endlessThrottlingGivesUpAtTheDeadline() {
        try (SimulatedLambda noSdkRetries = new SimulatedLambda(
                SimulatorCredentials.ACCESS_KEY_ID, SimulatorCredentials.SECRET_ACCESS_KEY, false)) {
            noSdkRetries.simulator.control().createFunction(FN, Duration.ZERO);
            noSdkRetries.simulator.control().inject("UpdateFunctionCode", Fault.throttle(10_000));

            assertThatThrownBy(() -> noSdkRetries.deployer().updateCode(update(WaitSettings.DEFAULTS)))
                    .isInstanceOfSatisfying(
                            AwsCallException.class,
                            e -> assertThat(e.error().errorCode()).isEqualTo("TooManyRequestsException"));
            assertThat(elapsed(noSdkRetries)).isLessThanOrEqualTo(Duration.ofSeconds(74));
            assertThat(noSdkRetries.log.warnings()).last().asString().startsWith("  Not retrying UpdateFunctionCode");
        }
    }

    /** Item 7: in rollback mode a concurrent change stays an error: nobody asked for that code. */
    @Test
    void aRollbackNeverPublishesSomeoneElsesCode() {
        aws.simulator.control().createFunction(FN, Duration.ZERO);
        aws.simulator.control().updateDuration(FN, Duration.ofSeconds(3));
        int[] sleeps = {0};
        aws.sleeper = d -> {
            if (++sleeps[0] == 1) {
                aws.simulator.control().updateCodeByAnotherActor(FN, SimulatedLambda.zip("someone else's code"));
            }
            aws.clock.advance(d);
        };

        assertThatThrownBy(() -> aws.deployer()
                        .deploy(
                                update(WaitSettings.DEFAULTS),
                                publish(WaitSettings.DEFAULTS).toBuilder()
                                        .rollback(true)
                                        .build()))
                .isInstanceOf(CodeChangedException.class)
                .hasMessageContaining("nothing was published");
        assertThat(aws.log.warnings()).noneMatch(w -> w.contains("Rollback function code was updated"));
        assertThat(aws.simulator.control().inspect(FN).versions()).isEmpty();
    }

    /** Item 8: a wait in which every GetFunction failed is no timeout "while InProgress". */
    @Test
    void aWaitThatNeverSawTheFunctionFailsWithTheLastError() {
        aws.simulator.control().createFunction(FN, Duration.ZERO);
        aws.simulator.control().inject("GetFunction", Fault.status(500, "ServiceException", 100_000));

        assertThatThrownBy(() -> aws.deployer().awaitReady(AwaitReadyRequest.of(FN, null, WaitSettings.DEFAULTS)))
                .isInstanceOfSatisfying(FunctionNotObservedException.class, e -> {
                    assertThat(e.lastError().errorCode()).isEqualTo("ServiceException");
                    assertThat(e.getMessage())
                            .startsWith("Could not observe Lambda function " + FN)
                            .contains("GetFunction on " + FN + " failed: ServiceException (HTTP 500, request id ");
                });
        assertThat(aws.log.lines()).noneMatch(l -> l.contains("Timeout waiting"));
    }

    /** Item 11: "for version publishing" only where a publish follows; no "RevisionId null". */
    @Test
    void aWaitWithoutAPublishDoesNotSayVersionPublishing() throws InterruptedException {
        aws.simulator.control().createFunction(FN, Duration.ZERO);
        aws.simulator.control().updateDuration(FN, Duration.ofSeconds(1));

        aws.deployer().updateCode(update(WaitSettings.DEFAULTS));
        aws.deployer().awaitReady(AwaitReadyRequest.of(FN, null, WaitSettings.DEFAULTS));

        assertThat(aws.log.lines())
                .contains("⏳ Waiting for Lambda function to be ready...", "✅ Lambda function is ready")
                .noneMatch(l -> l.contains("version publishing"))
                .noneMatch(l -> l.contains("null"));
    }

    /** Item 12: a status call that hangs is cut off at the wait's end, and said to be slow while it hangs. */
    @Test
    void aHangingStatusCallIsBoundedByTheWaitAndReportedAsSlow() {
        aws.simulator.control().createFunction(FN, Duration.ZERO);
        aws.simulator.control().inject("GetFunction", Fault.delay(Duration.ofSeconds(20), 5));
        LambdaDeployer deployer = new LambdaDeployer(
                aws.lambda(),
                aws.clock,
                aws.clock::advance,
                aws.log.deployLog(),
                BackoffStrategy.retryImmediately(),
                Duration.ofMillis(300));
        WaitSettings oneSecond = new WaitSettings(1, Duration.ofSeconds(1), WaitPolicyName.FIXED, false);
        long start = System.nanoTime();

        assertThatThrownBy(() -> deployer.awaitReady(AwaitReadyRequest.of(FN, null, oneSecond)))
                .isInstanceOfSatisfying(
                        FunctionNotObservedException.class,
                        e -> assertThat(e.lastError().errorCode()).isEqualTo("ApiCallTimeoutException"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(aws.log.warnings())
                .anyMatch(w -> w.startsWith("  GetFunction on " + FN + " has not answered for 0.")
                        && w.endsWith("; giving up on it after 1.0s"));
    }

    @Test
    void noLineSaysNullWhereLambdaGaveNoValue() {
        List<String> lines = new java.util.ArrayList<>();
        var log = new dev.lambdadeploy.engine.log.DeployLog(
                (level, text) -> lines.add(text), dev.lambdadeploy.engine.log.LogStyle.PLAIN);
        log.updateAccepted("abc=", null);
        log.publishRetry(
                1,
                3,
                Duration.ofSeconds(1),
                new dev.lambdadeploy.engine.aws.AwsErrorInfo(
                        "PublishVersion", FN, "SdkClientException", 0, null, "Connection reset"));
        assertThat(lines).noneMatch(l -> l.contains("null"));
    }
}
