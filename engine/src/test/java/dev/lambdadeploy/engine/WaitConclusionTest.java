package dev.lambdadeploy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdadeploy.engine.aws.AwsErrorInfo;
import dev.lambdadeploy.engine.wait.WaitOutcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WaitConclusionTest {

    private final RecordingLog log = new RecordingLog();
    private final FunctionStatus ready = Statuses.of("Active", "Successful");
    private final WaitOutcome readyOutcome = new WaitOutcome(WaitOutcome.Kind.READY, ready, 3, Duration.ofSeconds(4));
    private final WaitOutcome unobserved = new WaitOutcome(
            WaitOutcome.Kind.UNOBSERVED,
            null,
            30,
            Duration.ofSeconds(60),
            new AwsErrorInfo("GetFunction", "my-fn", "ServiceException", 503, "req-5", "try later"));

    @Test
    void theReadyLinePromisesAVersionOnlyWhenAPublishFollows() {
        for (AfterWait next : AfterWait.values()) {
            WaitConclusion.conclude("my-fn", readyOutcome, WaitSettings.DEFAULTS, next, log.deployLog(), null);
        }
        assertThat(log.lines())
                .containsExactly("✅ Lambda function is ready for version publishing", "✅ Lambda function is ready");
    }

    @Test
    void aWaitThatNeverSawTheFunctionStopsUnlessAPublishFollows() {
        assertThatThrownBy(() -> WaitConclusion.conclude(
                        "my-fn", unobserved, WaitSettings.DEFAULTS, AfterWait.CONTINUE, log.deployLog(), null))
                .isInstanceOf(FunctionNotObservedException.class);
        assertThat(WaitConclusion.conclude(
                        "my-fn", unobserved, WaitSettings.DEFAULTS, AfterWait.PUBLISH, log.deployLog(), null))
                .isNull();
    }

    @Test
    void aFailedUpdateNamesTheUpdatesRequestId() {
        WaitOutcome failed = new WaitOutcome(
                WaitOutcome.Kind.FAILED,
                Statuses.failedUpdate("InvalidZipFileException", "bad zip"),
                2,
                Duration.ofSeconds(2));
        assertThatThrownBy(() -> WaitConclusion.conclude(
                        "my-fn", failed, WaitSettings.DEFAULTS, AfterWait.CONTINUE, log.deployLog(), "req-update"))
                .isInstanceOf(FunctionFailedException.class)
                .hasMessageContaining("req-update");
    }
}
