package dev.lambdadeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo} reproduces the spec's three "Expected Logs" through the {@code deploy} command. On the harness's
 * manual clock the runs are exact and instant; on real time (as users run it) they finish in a few seconds.
 */
class DemoTest {

    @TempDir
    Path dir;

    CliHarness cli;

    @BeforeEach
    void start() {
        cli = new CliHarness(dir);
    }

    @AfterEach
    void stop() {
        cli.close();
    }

    @Test
    void normalScenarioIsTheSpecsSuccessfulDeployment() {
        var run = cli.runExactly("demo", "--scenario", "normal");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.specLines())
                .containsExactly(
                        "🔄 Updating Lambda function...",
                        "⏳ Waiting for Lambda function to be ready for version publishing...",
                        "  Function State: Active, Last Update Status: Successful",
                        "✅ Lambda function is ready for version publishing",
                        "📝 Publishing version with description...",
                        "✅ Lambda function updated successfully!");
        assertThat(run.textResult()).containsEntry("version", "1").containsEntry("published", "true");
    }

    @Test
    void withWaitScenarioIsTheSpecsDeploymentWithWait() {
        var run = cli.runExactly("demo", "--scenario", "with-wait");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.specLines())
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
        assertThat(run.textResult()).containsEntry("attempts", "3").containsEntry("secondsWaited", "1.0");
    }

    @Test
    void timeoutScenarioIsTheSpecsTimeoutAndStillExitsZero() {
        var run = cli.runExactly("demo", "--scenario", "timeout");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.specLines();
        assertThat(lines)
                .startsWith(
                        "🔄 Updating Lambda function...",
                        "⏳ Waiting for Lambda function to be ready for version publishing...",
                        "  Function State: Active, Last Update Status: InProgress",
                        "  Waiting... (attempt 1/30)");
        // the spec shows "Waiting... (attempt 30/30)" too; the engine does not wait after its last poll
        assertThat(lines.subList(lines.size() - 6, lines.size()))
                .containsExactly(
                        "  Function State: Active, Last Update Status: InProgress",
                        "  Waiting... (attempt 29/30)",
                        "  Function State: Active, Last Update Status: InProgress",
                        "⚠️ Timeout waiting for Lambda function to be ready, attempting to publish anyway...",
                        "📝 Publishing version with description...",
                        "✅ Lambda function updated successfully!");
        assertThat(lines).filteredOn(l -> l.startsWith("  Function State:")).hasSize(30);
        assertThat(run.textResult())
                .containsEntry("timedOut", "true")
                .containsEntry("published", "true")
                .containsEntry("attempts", "30");
    }

    @Test
    void realisticScenarioWaitsOutPendingAndA409() {
        var run = cli.runExactly("demo", "--output", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.errLines()).first().asString().startsWith("[demo] Simulated Lambda at http://127.0.0.1:");
        assertThat(run.errLines())
                .anyMatch(l -> l.startsWith("[demo] $ lambda-deploy deploy --function-name lambda-deploy-demo "));
        assertThat(run.errLines())
                .containsSubsequence(
                        "🔄 Updating Lambda function...",
                        "⏳ Waiting for Lambda function to be ready for version publishing...",
                        "  Function State: Active, Last Update Status: InProgress",
                        "✅ Lambda function is ready for version publishing",
                        "📝 Publishing version with description...",
                        "⏳ Waiting for Lambda function to be ready for version publishing...",
                        "✅ Lambda function is ready for version publishing",
                        "✅ Lambda function updated successfully!");
        assertThat(run.errLines()).anyMatch(l -> l.startsWith("  Function State: Pending"));
        assertThat(run.errLines())
                .anyMatch(l -> l.startsWith("⚠️ An update is in progress for lambda-deploy-demo"))
                .anyMatch(l -> l.startsWith("⚠️ Failed to publish version with description, retrying... (retry 1/3"));
        JsonNode result = CommandsTest.json(run);
        assertThat(result.get("version").asText()).isEqualTo("1");
        assertThat(result.get("published").asBoolean()).isTrue();
        // the default policy learns, but a demo's simulated function stays out of the user's wait history
        assertThat(dir.resolve(".cache/lambda-deploy/wait-history.tsv")).doesNotExist();
    }

    @Test
    void onRealTimeTheDemoFinishesInAFewSeconds() {
        long start = System.nanoTime();
        var run = cli.runOnRealTime("demo", "--speed", "4", "--plain");
        var timeout = cli.runOnRealTime("demo", "--scenario", "timeout", "--speed", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.textResult()).containsEntry("published", "true");
        assertThat(run.errLines())
                .anyMatch(l -> l.startsWith("WARNING: Failed to publish version with description, retrying..."));
        assertThat(timeout.exitCode()).as(timeout.err()).isZero();
        assertThat(timeout.textResult()).containsEntry("timedOut", "true").containsEntry("published", "true");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(10));
    }
}
