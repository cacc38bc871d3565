package dev.lambdadeploy.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdadeploy.engine.AcceptedUpdate;
import dev.lambdadeploy.engine.CodeSource;
import dev.lambdadeploy.engine.LambdaDeployer;
import dev.lambdadeploy.engine.LambdaResult;
import dev.lambdadeploy.engine.PublishVersionRequest;
import dev.lambdadeploy.engine.UpdateCodeRequest;
import dev.lambdadeploy.engine.WaitSettings;
import dev.lambdadeploy.engine.aws.AwsCalls;
import dev.lambdadeploy.engine.wait.InMemoryWaitHistory;
import dev.lambdadeploy.engine.wait.WaitKey;
import dev.lambdadeploy.engine.wait.WaitPolicyName;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/** The history policy through the real AWS SDK against the simulator, on a manual clock (no real waiting). */
class HistoryWaitFlowsTest {

    private static final String FN = "orders-api";
    private static final WaitSettings HISTORY =
            new WaitSettings(30, Duration.ofSeconds(2), WaitPolicyName.HISTORY, false);

    private final SimulatedLambda aws = new SimulatedLambda();
    private final InMemoryWaitHistory history = new InMemoryWaitHistory();
    private final LambdaDeployer deployer = new LambdaDeployer(
            aws.lambda(),
            aws.clock,
            d -> aws.sleeper.sleep(d),
            aws.log.deployLog(),
            BackoffStrategy.exponentialDelayWithoutJitter(Duration.ofSeconds(1), Duration.ofSeconds(10)),
            AwsCalls.SLOW_CALL_AFTER,
            history);

    @AfterEach
    void close() {
        aws.close();
    }

    private LambdaResult deploy(String label) throws InterruptedException {
        return deployer.deploy(
                UpdateCodeRequest.builder()
                        .functionName(FN)
                        .code(new CodeSource.ZipFile(SimulatedLambda.zip(label), "app.zip"))
                        .waitSettings(HISTORY)
                        .build(),
                PublishVersionRequest.builder()
                        .functionName(FN)
                        .description(label)
                        .waitSettings(HISTORY)
                        .build());
    }

    @Test
    void aFirstDeployWaitsAsTheDefaultDoesAndASecondOnePollsJustBeforeAndOnTheRecordedEnd()
            throws InterruptedException {
        aws.simulator.control().createFunction(FN, Duration.ZERO);
        aws.simulator.control().updateDuration(FN, Duration.ofMillis(950));

        assertThat(deploy("first").published()).isTrue();
        // no history: the adaptive wait, poll for poll, at 0, 0.25, 0.5, 0.75 s (running) and 1 s (ready)
        assertThat(aws.calls("GetFunction")).isEqualTo(5);
        assertThat(history.recent(new WaitKey("us-east-1", FN), aws.clock.instant()))
                .containsExactly(Duration.ofMillis(950));

        aws.simulator.journal().clear();
        assertThat(deploy("second").published()).isTrue();
        // recorded 0.95 s (the poll at 1 s less 50 ms): the dense polls are 0.95 / 8 s apart from one gap before it,
        // at 0.83 s (running) and 0.95 s (ready): update, two GetFunction, publish, where the adaptive wait made five
        assertThat(aws.calls("GetFunction")).isEqualTo(2);
        assertThat(aws.simulator.journal().entries()).hasSize(4);
    }

    @Test
    void anUpdateForTheCallersOwnWaitReturnsWhatTheResponseSaid() throws InterruptedException {
        aws.simulator.control().createFunction(FN, Duration.ZERO);
        aws.simulator.control().updateDuration(FN, Duration.ofSeconds(1));

        AcceptedUpdate accepted = deployer.updateCodeForOwnWait(UpdateCodeRequest.builder()
                .functionName(FN)
                .code(new CodeSource.ZipFile(SimulatedLambda.zip("own"), "app.zip"))
                .waitSettings(HISTORY)
                .build());

        assertThat(accepted.status().lastUpdateStatus()).isEqualTo("InProgress");
        assertThat(accepted.result().codeSha256()).isEqualTo(accepted.status().codeSha256());
        assertThat(aws.calls("GetFunction")).isZero();
    }
}
