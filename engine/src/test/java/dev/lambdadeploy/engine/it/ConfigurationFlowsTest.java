package dev.lambdadeploy.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdadeploy.engine.CodeChangedException;
import dev.lambdadeploy.engine.CodeSource;
import dev.lambdadeploy.engine.FunctionFailedException;
import dev.lambdadeploy.engine.LambdaResult;
import dev.lambdadeploy.engine.UpdateCodeRequest;
import dev.lambdadeploy.engine.UpdateConfigurationRequest;
import dev.lambdadeploy.engine.WaitSettings;
import dev.lambdadeploy.engine.release.FunctionSettings;
import dev.lambdadeploy.engine.release.FunctionSettings.EnvironmentMode;
import dev.lambdadeploy.engine.wait.WaitPolicyName;
import dev.lambdadeploy.simulator.Fault;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;

/** Configuration updates through the real SDK against the simulator, on a manual clock. */
class ConfigurationFlowsTest {

    private static final String FN = "orders-api";
    private static final String SECRET = "s3cr3t-value-never-logged";
    private static final WaitSettings SPEC = new WaitSettings(30, Duration.ofSeconds(2), WaitPolicyName.FIXED, false);

    private final SimulatedLambda aws = new SimulatedLambda();

    @BeforeEach
    void function() {
        aws.simulator.control().createFunction(FN, Duration.ZERO);
        aws.simulator.control().updateDuration(FN, Duration.ofSeconds(3));
        aws.simulator.control().configurationUpdateDuration(FN, Duration.ofSeconds(2));
    }

    @AfterEach
    void close() {
        aws.close();
    }

    private static FunctionSettings settings(Map<String, String> env, Integer memory) {
        return new FunctionSettings(env, memory, null, null, null, null, null, null);
    }

    private UpdateConfigurationRequest.Builder config(FunctionSettings settings) {
        return UpdateConfigurationRequest.builder()
                .functionName(FN)
                .settings(settings)
                .waitSettings(SPEC);
    }

    private UpdateCodeRequest code(String content, boolean wait) {
        return UpdateCodeRequest.builder()
                .functionName(FN)
                .code(new CodeSource.ZipFile(SimulatedLambda.zip(content), "app.zip"))
                .waitForReady(wait)
                .waitSettings(SPEC)
                .build();
    }

    private GetFunctionConfigurationResponse current() {
        return aws.lambda().getFunctionConfiguration(b -> b.functionName(FN));
    }

    @Test
    void configurationThenCodeBackToBackWithoutA409ReachingTheUser() throws InterruptedException {
        LambdaResult configured = aws.deployer()
                .updateConfiguration(config(settings(Map.of("STAGE", "prod"), 512))
                        .waitForReady(false)
                        .build());
        assertThat(configured.lastUpdateStatus()).isEqualTo("InProgress");

        LambdaResult updated = aws.deployer().updateCode(code("v2", true));

        assertThat(updated.lastUpdateStatus()).isEqualTo("Successful");
        assertThat(current().memorySize()).isEqualTo(512);
        assertThat(current().environment().variables()).containsEntry("STAGE", "prod");
        assertThat(aws.log.text()).doesNotContain("ERROR");
    }

    @Test
    void codeThenConfigurationBackToBackWaitsForTheCodeUpdateFirst() throws InterruptedException {
        aws.deployer().updateCode(code("v2", false));

        LambdaResult configured =
                aws.deployer().updateConfiguration(config(settings(null, 256)).build());

        assertThat(configured.state()).isEqualTo("Active");
        assertThat(configured.lastUpdateStatus()).isEqualTo("Successful");
        assertThat(current().memorySize()).isEqualTo(256);
        assertThat(aws.calls("UpdateFunctionConfiguration")).isEqualTo(1);
        assertThat(aws.log.lines())
                .contains(
                        "🔧 Updating Lambda function configuration...",
                        "  Change memorySize: 128 -> 256",
                        "✅ Lambda function configuration updated successfully!");
    }

    @Test
    void a409FromAnotherUpdateIsWaitedOutWhenTheConfigurationStayedTheSame() throws InterruptedException {
        aws.simulator
                .control()
                .inject("UpdateFunctionConfiguration", Fault.status(409, "ResourceConflictException", 1));

        aws.deployer().updateConfiguration(config(settings(null, 1024)).build());

        assertThat(current().memorySize()).isEqualTo(1024);
        assertThat(aws.calls("UpdateFunctionConfiguration")).isEqualTo(2);
    }

    @Test
    void environmentIsMergedByDefaultAndReplacedOnRequest() throws InterruptedException {
        aws.deployer()
                .updateConfiguration(
                        config(settings(Map.of("A", "1", "B", "2"), null)).build());
        aws.deployer()
                .updateConfiguration(config(settings(Map.of("C", "3"), null)).build());
        assertThat(current().environment().variables()).containsOnlyKeys("A", "B", "C");

        aws.deployer()
                .updateConfiguration(config(settings(Map.of("D", "4"), null))
                        .environmentMode(EnvironmentMode.REPLACE)
                        .build());
        assertThat(current().environment().variables()).containsExactly(Map.entry("D", "4"));
    }

    @Test
    void aStaleRevisionIdIsRefusedAndNothingChanges() {
        String stale = current().revisionId();
        aws.simulator.control().updateCodeByAnotherActor(FN, SimulatedLambda.zip("someone else"));
        aws.clock.advance(Duration.ofSeconds(5));

        assertThatThrownBy(() -> aws.deployer()
                        .updateConfiguration(
                                config(settings(null, 2048)).revisionId(stale).build()))
                .isInstanceOf(CodeChangedException.class)
                .hasMessageContaining("PreconditionFailedException")
                .hasMessageContaining("nothing was updated");
        assertThat(current().memorySize()).isEqualTo(128);
    }

    @Test
    void aFailedConfigurationUpdateIsReported() {
        aws.simulator.control().failNextUpdate(FN, "InvalidRuntime", "The runtime is not supported");

        assertThatThrownBy(() -> aws.deployer()
                        .updateConfiguration(config(settings(null, 512)).build()))
                .isInstanceOf(FunctionFailedException.class)
                .hasMessageContaining("LastUpdateStatus Failed")
                .hasMessageContaining("InvalidRuntime: The runtime is not supported")
                .hasMessageContaining("UpdateFunctionConfiguration request id")
                .hasMessageContaining("previous configuration stays live");
    }

    @Test
    void aDryRunChangesNothingAndNeverShowsAnEnvironmentValue() throws InterruptedException {
        aws.deployer()
                .updateConfiguration(
                        config(settings(Map.of("TOKEN", "old-" + SECRET), null)).build());
        String revision = current().revisionId();
        aws.log.lines(); // the first update's lines may hold nothing secret either

        LambdaResult result = aws.deployer()
                .updateConfiguration(config(settings(Map.of("TOKEN", SECRET, "NEW", SECRET), 640))
                        .dryRun(true)
                        .build());

        assertThat(current().revisionId()).isEqualTo(revision);
        assertThat(current().memorySize()).isEqualTo(128);
        assertThat(aws.calls("UpdateFunctionConfiguration")).isEqualTo(1);
        assertThat(result.revisionId()).isEqualTo(revision);
        assertThat(aws.log.text()).doesNotContain(SECRET);
        assertThat(aws.log.lines())
                .contains(
                        "  Change memorySize: 128 -> 640",
                        "  Change environment.NEW: (not set) -> (set, value hidden)",
                        "  Change environment.TOKEN: (value hidden) -> (new value hidden)",
                        "✅ Dry run: 3 configuration changes for orders-api listed; nothing was changed");
    }
}
