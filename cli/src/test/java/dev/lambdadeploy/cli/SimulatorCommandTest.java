package dev.lambdadeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulator} serves until interrupted; the CLI deploys to it like to AWS. */
class SimulatorCommandTest {

    @TempDir
    Path dir;

    /** Captures output and signals once the simulator says it is ready. */
    static final class ReadySignal extends StringWriter {
        final CountDownLatch ready = new CountDownLatch(1);

        @Override
        public void flush() {
            super.flush();
            if (toString().contains("Press Ctrl-C to stop.")) {
                ready.countDown();
            }
        }
    }

    @Test
    void servesFunctionsUntilInterruptedThenExits130() throws Exception {
        try (CliHarness cli = new CliHarness(dir)) {
            ReadySignal out = new ReadySignal();
            StringWriter err = new StringWriter();
            AtomicInteger exitCode = new AtomicInteger(-1);
            Thread server = new Thread(() -> exitCode.set(LambdaDeployCli.commandLine(cli.context(out, err))
                    .execute(
                            "simulator",
                            "--port",
                            "0",
                            "--function",
                            "orders",
                            "--function",
                            "billing",
                            "--update-duration",
                            "1.5",
                            "--create-duration",
                            "0",
                            "--no-quotas")));
            server.start();
            assertThat(out.ready.await(10, TimeUnit.SECONDS))
                    .as("simulator ready")
                    .isTrue();
            Matcher endpoint = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)")
                    .matcher(out.toString());
            assertThat(endpoint.find()).isTrue();
            assertThat(out.toString())
                    .contains(
                            "Functions: orders, billing",
                            "export AWS_ACCESS_KEY_ID=" + dev.lambdadeploy.simulator.SimulatorCredentials.ACCESS_KEY_ID,
                            "export AWS_REGION=us-east-1");

            var deploy = cli.runExactly(
                    "deploy",
                    "--function-name",
                    "billing",
                    "--s3-bucket",
                    "my-bucket",
                    "--s3-key",
                    "app.zip",
                    "--description",
                    "from the simulator command",
                    "--endpoint-url",
                    endpoint.group(1),
                    "--output",
                    "json");

            server.interrupt();
            server.join(Duration.ofSeconds(10).toMillis());
            assertThat(deploy.exitCode()).as(deploy.err()).isZero();
            var result = CommandsTest.json(deploy);
            assertThat(result.get("version").asText()).isEqualTo("1");
            // the update took 1.5 s on the shared manual clock, which the CLI's sleeper advanced
            assertThat(result.get("secondsWaited").asDouble()).isBetween(1.5, 2.0);
            assertThat(server.isAlive()).isFalse();
            assertThat(exitCode.get()).isEqualTo(130);
            assertThat(err.toString()).contains("Lambda simulator stopped.");
        }
    }

    /** A simulator command running in a thread; {@code close} interrupts it as Ctrl-C does. */
    record Serving(Thread thread, String endpoint, String out) implements AutoCloseable {
        static Serving start(CliHarness cli, String... args) throws InterruptedException {
            ReadySignal out = new ReadySignal();
            Thread server = new Thread(() -> LambdaDeployCli.commandLine(cli.context(out, new StringWriter()))
                    .execute(args));
            server.start();
            assertThat(out.ready.await(10, TimeUnit.SECONDS))
                    .as("simulator ready")
                    .isTrue();
            Matcher endpoint = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)")
                    .matcher(out.toString());
            assertThat(endpoint.find()).isTrue();
            return new Serving(server, endpoint.group(1), out.toString());
        }

        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            thread.join(Duration.ofSeconds(10).toMillis());
        }
    }

    @Test
    void faultsAndScriptedStatesFromTheCommandLineRehearseAPipeline() throws Exception {
        try (CliHarness cli = new CliHarness(dir);
                Serving sim = Serving.start(
                        cli,
                        "simulator",
                        "--port",
                        "0",
                        "--function",
                        "billing",
                        "--update-duration",
                        "0",
                        "--create-duration",
                        "0",
                        "--no-quotas",
                        "--states",
                        "billing=Active/InProgress,Active/InProgress,Active/Successful",
                        "--fault",
                        "PublishVersion:status:500")) {
            assertThat(sim.out()).contains("Scripted: --fault PublishVersion:status:500, --states billing=");

            var deploy = cli.runExactly(
                    "deploy",
                    "--function-name",
                    "billing",
                    "--s3-bucket",
                    "my-bucket",
                    "--s3-key",
                    "app.zip",
                    "--endpoint-url",
                    sim.endpoint(),
                    "--plain");

            assertThat(deploy.exitCode()).as(deploy.err()).isZero();
            assertThat(deploy.err()).contains("Function State: Active, Last Update Status: InProgress");
            assertThat(deploy.textResult()).containsEntry("version", "1");
        }
    }

    @Test
    void aFailedUpdateFromTheCommandLineFailsTheDeploy() throws Exception {
        try (CliHarness cli = new CliHarness(dir);
                Serving sim = Serving.start(
                        cli,
                        "simulator",
                        "--port",
                        "0",
                        "--function",
                        "billing",
                        "--update-duration",
                        "1",
                        "--create-duration",
                        "0",
                        "--no-quotas",
                        "--fail-update",
                        "billing=InvalidZipFileException:Could not unzip uploaded file")) {
            var deploy = cli.runExactly(
                    "deploy",
                    "--function-name",
                    "billing",
                    "--s3-bucket",
                    "my-bucket",
                    "--s3-key",
                    "app.zip",
                    "--endpoint-url",
                    sim.endpoint(),
                    "--plain");

            assertThat(deploy.exitCode()).isEqualTo(1);
            assertThat(deploy.err()).contains("Could not unzip uploaded file");
            assertThat(deploy.out()).isEmpty();
        }
    }

    @Test
    void aBadFaultIsBadUsage(@TempDir Path home) {
        try (CliHarness cli = new CliHarness(home)) {
            var run = cli.runExactly("simulator", "--port", "0", "--fault", "Publish:throttle");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err())
                    .contains(
                            "Invalid value for option '--fault': 'Publish' is not an operation of the " + "simulator");
        }
    }

    @Test
    void aPortOutOfRangeIsBadUsage(@TempDir Path home) {
        try (CliHarness cli = new CliHarness(home)) {
            var run = cli.runExactly("simulator", "--port", "70000");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("70000 is not a port");
        }
    }
}
