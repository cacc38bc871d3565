package dev.lambdadeploy.cli;

import static dev.lambdadeploy.cli.CliHarness.FN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --wait-policy history, the default: the wait history under the user's cache directory, and how to turn it off. */
class WaitHistoryCliTest {

    private static final String TWIN = FN + "-twin";

    @TempDir
    Path dir;

    CliHarness cli;
    Path zip;
    Path historyFile;

    @BeforeEach
    void start() {
        cli = new CliHarness(dir);
        cli.simulator.control().createFunction(FN, Duration.ZERO);
        cli.simulator.control().updateDuration(FN, Duration.ofSeconds(20));
        cli.simulator.control().createFunction(TWIN, Duration.ZERO);
        cli.simulator.control().updateDuration(TWIN, Duration.ofSeconds(20));
        zip = CliHarness.writeZip(dir, "app.zip", "def handler(e, c): return 2");
        cli.env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        historyFile = dir.resolve("cache/lambda-deploy/wait-history.tsv");
    }

    @AfterEach
    void stop() {
        cli.close();
    }

    private CliHarness.Run deploy(String... more) {
        String[] args = new String[6 + more.length];
        System.arraycopy(
                new String[] {"deploy", "--function-name", FN, "--zip-file", zip.toString(), "--plain"}, 0, args, 0, 6);
        System.arraycopy(more, 0, args, 6, more.length);
        return cli.run(args);
    }

    @Test
    void theDefaultPolicyRecordsEachUpdatePollsAsAdaptiveTheFirstTimeAndLessTheSecond() throws Exception {
        var adaptive = cli.run(
                "deploy",
                "--function-name",
                TWIN,
                "--zip-file",
                zip.toString(),
                "--plain",
                "--wait-policy",
                "adaptive");
        assertThat(adaptive.exitCode()).as(adaptive.err()).isZero();
        long adaptivePolls = cli.calls("GetFunction");
        assertThat(historyFile).doesNotExist();

        var first = deploy();
        assertThat(first.exitCode()).as(first.err()).isZero();
        long firstPolls = cli.calls("GetFunction") - adaptivePolls;
        assertThat(firstPolls).isEqualTo(adaptivePolls);
        assertThat(Files.readAllLines(historyFile))
                .singleElement()
                .satisfies(line -> assertThat(line).startsWith("us-east-1\t" + FN + "\t"));

        var second = deploy();
        assertThat(second.exitCode()).as(second.err()).isZero();
        long secondPolls = cli.calls("GetFunction") - firstPolls - adaptivePolls;
        assertThat(Files.readAllLines(historyFile)).hasSize(2);
        assertThat(secondPolls).isLessThan(firstPolls);
    }

    @Test
    void noWaitHistoryNeitherReadsNorWrites() {
        var run = deploy("--wait-policy", "history", "--no-wait-history");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(historyFile).doesNotExist();
    }

    @Test
    void theEnvironmentVariableTurnsItOffToo() {
        cli.env.put(WaitOptions.NO_WAIT_HISTORY_ENV, "1");
        var run = deploy("--wait-policy", "history");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(historyFile).doesNotExist();
    }

    @Test
    void aCorruptHistoryIsIgnored() throws Exception {
        Files.createDirectories(historyFile.getParent());
        Files.writeString(historyFile, "not\ta\thistory\n\u0000");
        var run = deploy("--wait-policy", "history");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllLines(historyFile)).hasSize(1);
    }
}
