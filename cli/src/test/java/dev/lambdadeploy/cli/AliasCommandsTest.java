package dev.lambdadeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdadeploy.simulator.AliasView;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** update-alias, deploy --alias and the canary demos through the real SDK against the simulator. */
class AliasCommandsTest {

    private static final String FN = "alias-cli-fn";

    @TempDir
    Path dir;

    CliHarness cli;
    Path zip;

    @BeforeEach
    void start() {
        cli = new CliHarness(dir);
        cli.simulator.control().createFunction(FN, Duration.ZERO);
        cli.simulator.control().createAlarm("errors");
        cli.simulator.control().alarmStateAt("errors", Duration.ZERO, "OK", "quiet");
        zip = CliHarness.writeZip(dir, "app.zip", "def handler(e, c): return 2");
    }

    @AfterEach
    void stop() {
        cli.close();
    }

    /** Version 1 published and alias live pointing at it, through update-alias --create. */
    private void versionOneLive() {
        assertThat(cli.run("publish-version", "--function-name", FN).exitCode()).isZero();
        var missing = cli.run("update-alias", "--function-name", FN, "--alias", "live", "--version", "1");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--create");
        var created = cli.run("update-alias", "--function-name", FN, "--alias", "live", "--version", "1", "--create");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.textResult()).containsEntry("aliasVersion", "1").containsEntry("aliasCreated", "true");
    }

    private AliasView live() {
        return cli.simulator.control().aliases(FN).get(0);
    }

    @Test
    void deployWithAShiftMovesTheAliasToTheNewVersion() {
        versionOneLive();

        var run = cli.run(
                "deploy",
                "--function-name",
                FN,
                "--zip-file",
                zip.toString(),
                "--alias",
                "live",
                "--shift",
                "10%:1m,50%:1m",
                "--alarms",
                "errors");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.textResult())
                .containsEntry("version", "2")
                .containsEntry("published", "true")
                .containsEntry("alias", "live")
                .containsEntry("aliasVersion", "2")
                .containsEntry("previousVersion", "1")
                .containsEntry("rolledBack", "false");
        assertThat(run.err()).contains("10% of traffic to version 2").contains("the shift is complete");
        assertThat(live().functionVersion()).isEqualTo("2");
    }

    @Test
    void anAlarmRollsTheShiftBackAndExitsOne() {
        versionOneLive();
        cli.run("deploy", "--function-name", FN, "--zip-file", zip.toString());
        cli.simulator.control().alarmStateAt("errors", Duration.ofSeconds(30), "ALARM", "5xx");

        var run = cli.run(
                "update-alias",
                "--function-name",
                FN,
                "--alias",
                "live",
                "--version",
                "2",
                "--shift",
                "Canary10Percent5Minutes",
                "--alarms",
                "errors");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("alarm errors fired at");
        assertThat(live().functionVersion()).isEqualTo("1");
        assertThat(live().additionalVersionWeights()).isEmpty();
    }

    @Test
    void underOnAlarmUnstableARollbackExitsZeroWithAWarning() {
        versionOneLive();
        cli.run("deploy", "--function-name", FN, "--zip-file", zip.toString());
        cli.simulator.control().alarmStateAt("errors", Duration.ofSeconds(30), "ALARM", "5xx");

        var run = cli.run(
                "update-alias",
                "--function-name",
                FN,
                "--alias",
                "live",
                "--version",
                "2",
                "--shift",
                "Canary10Percent5Minutes",
                "--alarms",
                "errors",
                "--on-alarm",
                "unstable");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.textResult()).containsEntry("rolledBack", "true").containsEntry("aliasVersion", "1");
        assertThat(run.textResult().get("warning")).contains("alarm errors fired at");
    }

    @Test
    void latestWithAShiftIsBadUsageBeforeAnyCall() {
        var run = cli.run(
                "update-alias",
                "--function-name",
                FN,
                "--alias",
                "live",
                "--version",
                "$LATEST",
                "--shift",
                "Canary10Percent5Minutes");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--version").contains("$LATEST");
        assertThat(cli.calls("GetAlias")).isZero();
    }

    @Test
    void demoCanaryCompletes() {
        var run = cli.runExactly("demo", "--scenario", "canary");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.textResult()).containsEntry("aliasVersion", "2").containsEntry("previousVersion", "1");
        assertThat(run.err()).contains("the shift is complete");
    }

    @Test
    void demoCanaryRollbackShowsTheRollback() {
        var run = cli.runExactly("demo", "--scenario", "canary-rollback");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err())
                .contains("50% of traffic to version 2")
                .contains("Rolling back alias live")
                .contains("alarm demo-errors fired at");
    }
}
