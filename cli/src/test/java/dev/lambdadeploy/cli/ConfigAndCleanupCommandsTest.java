package dev.lambdadeploy.cli;

import static dev.lambdadeploy.cli.CliHarness.FN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdadeploy.simulator.SimulatorCredentials;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** update-config and cleanup-versions through the real SDK against the simulator: exit codes, stdout, stderr. */
class ConfigAndCleanupCommandsTest {

    private static final String SECRET = "hunter2-never-printed";

    @TempDir
    Path dir;

    CliHarness cli;

    @BeforeEach
    void start() {
        cli = new CliHarness(dir);
        cli.simulator.control().createFunction(FN, Duration.ZERO);
    }

    @AfterEach
    void stop() {
        cli.close();
    }

    private LambdaClient lambda() {
        return LambdaClient.builder()
                .endpointOverride(cli.simulator.endpoint())
                .region(Region.of(cli.simulator.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        SimulatorCredentials.ACCESS_KEY_ID, SimulatorCredentials.SECRET_ACCESS_KEY)))
                .build();
    }

    private static JsonNode json(CliHarness.Run run) {
        try {
            return new ObjectMapper().readTree(run.out());
        } catch (Exception e) {
            throw new AssertionError(run.out(), e);
        }
    }

    @Test
    void updateConfigChangesMemoryAndEnvironmentAndPrintsTheResult() {
        var run = cli.run(
                "update-config",
                "--function-name",
                FN,
                "--memory-size",
                "512",
                "--env",
                "TOKEN=" + SECRET,
                "--env",
                "STAGE=prod");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.textResult())
                .containsEntry("functionName", FN)
                .containsEntry("state", "Active")
                .containsEntry("lastUpdateStatus", "Successful");
        assertThat(run.errLines())
                .contains(
                        "🔧 Updating Lambda function configuration...",
                        "  Change memorySize: 128 -> 512",
                        "  Change environment.TOKEN: (not set) -> (set, value hidden)",
                        "✅ Lambda function configuration updated successfully!");
        assertThat(run.err() + run.out()).doesNotContain(SECRET);
        try (LambdaClient lambda = lambda()) {
            var config = lambda.getFunctionConfiguration(b -> b.functionName(FN));
            assertThat(config.memorySize()).isEqualTo(512);
            assertThat(config.environment().variables()).containsEntry("TOKEN", SECRET);
        }
    }

    @Test
    void deployChangesTheConfigurationFirstThenPublishesWithNoConflict() throws Exception {
        cli.simulator.control().configurationUpdateDuration(FN, Duration.ofSeconds(1));
        Path zip = CliHarness.writeZip(dir, "app.zip", "def handler(e, c): return 1");
        var run = cli.run(
                "deploy",
                "--function-name",
                FN,
                "--zip-file",
                zip.toString(),
                "--memory-size",
                "1024",
                "--env",
                "TOKEN=" + SECRET,
                "--description",
                "with configuration");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.textResult()).containsEntry("version", "1").containsEntry("published", "true");
        assertThat(run.errLines())
                .contains("  Change memorySize: 128 -> 1024", "✅ Lambda function updated successfully!");
        assertThat(run.err()).doesNotContain("ResourceConflictException");
        assertThat(run.err() + run.out()).doesNotContain(SECRET);
        assertThat(cli.calls("UpdateFunctionConfiguration")).isEqualTo(1);
        try (LambdaClient lambda = lambda()) {
            var version =
                    lambda.getFunctionConfiguration(b -> b.functionName(FN).qualifier("1"));
            assertThat(version.memorySize()).isEqualTo(1024);
            assertThat(version.description()).isEqualTo("with configuration");
        }
    }

    @Test
    void deployWithARevisionIdGuardsTheConfigurationThenTheCodeAfterIt() throws Exception {
        Path zip = CliHarness.writeZip(dir, "app.zip", "def handler(e, c): return 1");
        String revision;
        try (LambdaClient lambda = lambda()) {
            revision = lambda.getFunctionConfiguration(b -> b.functionName(FN)).revisionId();
        }
        var run = cli.run(
                "deploy",
                "--function-name",
                FN,
                "--zip-file",
                zip.toString(),
                "--timeout",
                "60",
                "--revision-id",
                revision);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.textResult()).containsEntry("version", "1");
        var stale = cli.run(
                "deploy",
                "--function-name",
                FN,
                "--zip-file",
                zip.toString(),
                "--timeout",
                "90",
                "--revision-id",
                revision);
        assertThat(stale.exitCode()).as(stale.err()).isEqualTo(1);
        assertThat(cli.calls("UpdateFunctionCode")).isEqualTo(1);
    }

    @Test
    void updateConfigDryRunChangesNothingAndPrintsJson() {
        var run = cli.run(
                "update-config",
                "--function-name",
                FN,
                "--timeout",
                "30",
                "--env",
                "TOKEN=" + SECRET,
                "--dry-run",
                "--output",
                "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(json(run).get("functionName").asText()).isEqualTo(FN);
        assertThat(run.err()).contains("Change timeout: 3 -> 30").contains("nothing was changed");
        assertThat(run.err() + run.out()).doesNotContain(SECRET);
        assertThat(cli.calls("UpdateFunctionConfiguration")).isZero();
    }

    @Test
    void aStaleRevisionIdFailsWithExitOne() {
        String revision;
        try (LambdaClient lambda = lambda()) {
            revision = lambda.getFunctionConfiguration(b -> b.functionName(FN)).revisionId();
        }
        cli.simulator.control().updateCodeByAnotherActor(FN, CliHarness.zip("other"));
        cli.clock.advance(Duration.ofSeconds(10));

        var run = cli.run("update-config", "--function-name", FN, "--timeout", "30", "--revision-id", revision);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("PreconditionFailedException").contains("nothing was updated");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void cleanupVersionsKeepsAliasedAndNewestAndPrintsWhatWent() {
        cli.simulator.control().updateDuration(FN, Duration.ZERO);
        for (int i = 1; i <= 5; i++) {
            Path zip = CliHarness.writeZip(dir, "v" + i + ".zip", "v" + i);
            var run = cli.run("update-code", "--function-name", FN, "--zip-file", zip.toString(), "--publish");
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        try (LambdaClient lambda = lambda()) {
            lambda.createAlias(b -> b.functionName(FN)
                    .name("live")
                    .functionVersion("2")
                    .routingConfig(r -> r.additionalVersionWeights(java.util.Map.of("1", 0.2))));
        }

        var dry = cli.run("cleanup-versions", "--function-name", FN, "--keep", "2", "--dry-run", "--output", "json");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(json(dry).get("deleted").toString()).isEqualTo("[\"3\"]");
        assertThat(json(dry).get("dryRun").asBoolean()).isTrue();
        assertThat(cli.calls("DeleteFunction")).isZero();

        var run = cli.run("cleanup-versions", "--function-name", FN, "--keep", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.textResult())
                .containsEntry("deleted", "3")
                .containsEntry(
                        "kept", "5:among the newest,4:among the newest,2:routed to by an alias,1:routed to by an alias")
                .containsEntry("dryRun", "false");
        assertThat(cli.calls("DeleteFunction")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "update-config --function-name fn                                 | ❌ Invalid configuration: nothing to change",
                "update-config --function-name fn --memory-size 64                | ❌ Invalid --memory-size: must be between 128 and 10240 MB, was 64",
                "update-config --function-name fn --env AWS_REGION=x              | ❌ Invalid --environment: AWS_REGION is reserved by Lambda",
                "update-config --function-name fn --timeout 901                   | ❌ Invalid --timeout: must be between 1 and 900 seconds",
                "update-config --function-name fn:1 --timeout 30                  | ❌ Invalid --function-name: 'fn:1' names a version or alias",
                "update-config --function-name fn --layers nope                   | ❌ Invalid --layers: 'nope' is not a layer version ARN",
                "update-config --function-name fn --timeout 3 --env-mode sideways | ❌ Invalid value for option '--environment-mode'",
                "cleanup-versions --function-name fn                              | ❌ Invalid --keep-versions: none given",
                "cleanup-versions --function-name fn --keep 0                     | ❌ Invalid --keep-versions: must be 1 or more, was 0",
                "cleanup-versions --function-name fn --keep-younger-than soon     | ❌ Invalid value for option '--keep-younger-than'",
            })
    void badInputExitsTwoBeforeAnyCall(String args, String message) {
        var run = cli.run(args.trim().split("\\s+"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).first().asString().startsWith(message);
        assertThat(cli.simulator.journal().entries()).as("requests to Lambda").isEmpty();
    }
}
