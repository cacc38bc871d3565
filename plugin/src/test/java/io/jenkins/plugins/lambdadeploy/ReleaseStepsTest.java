package io.jenkins.plugins.lambdadeploy;

import static io.jenkins.plugins.lambdadeploy.LambdaTestSupport.AWS_CREDENTIALS_ID;
import static io.jenkins.plugins.lambdadeploy.LambdaTestSupport.connection;
import static io.jenkins.plugins.lambdadeploy.LambdaTestSupport.newFunction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdadeploy.simulator.AliasChange;
import dev.lambdadeploy.simulator.AliasView;
import dev.lambdadeploy.simulator.FunctionView;
import dev.lambdadeploy.simulator.LambdaSimulator;
import dev.lambdadeploy.simulator.SimulatorCredentials;
import hudson.EnvVars;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.model.TaskListener;
import io.jenkins.plugins.lambdadeploy.freestyle.LambdaCleanupVersionsBuilder;
import io.jenkins.plugins.lambdadeploy.steps.LambdaCleanupVersionsStep;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The release steps (configuration, aliases with gradual shifts and alarms, cleanup, the one-step deploy) in Pipeline
 * and freestyle, against the simulator's Lambda and CloudWatch.
 */
@WithJenkins
class ReleaseStepsTest {

    @SuppressWarnings("unused")
    @RegisterExtension
    private static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private static final LambdaSimulator sim = LambdaTestSupport.simulator();

    @Test
    void declarativeCanaryDeployWithAlarmsShiftsTrafficThenCompletes(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        String fn = newFunction(sim, "canary");
        String alarm = fn + "-errors";
        sim.control().alarmStateAt(alarm, Duration.ZERO, "OK", "Threshold not crossed");
        String connection = connection(sim, AWS_CREDENTIALS_ID);
        WorkflowRun b = run(
                j,
                ""
                        + "pipeline {\n"
                        + "  agent none\n"
                        + "  stages {\n"
                        + "    stage('First release') {\n"
                        + "      steps {\n"
                        + "        lambdaDeploy(functionName: '" + fn + "', s3Bucket: 'builds', s3Key: 'app-1.zip', "
                        + "alias: 'live', createIfMissing: true, " + connection + ")\n"
                        + "      }\n"
                        + "    }\n"
                        + "    stage('Canary') {\n"
                        + "      steps {\n"
                        + "        script {\n"
                        + "          def r = lambdaDeploy(functionName: '" + fn + "', s3Bucket: 'builds', "
                        + "s3Key: 'app-2.zip', description: 'canary', alias: 'live', shift: '50%:2s', alarms: '"
                        + alarm + "', alarmPollInterval: 1, " + connection + ")\n"
                        + "          echo \"version=${r.version} alias=${r.alias} aliasVersion=${r.aliasVersion} "
                        + "previous=${r.previousVersion} rolledBack=${r.rolledBack}\"\n"
                        + "        }\n"
                        + "      }\n"
                        + "    }\n"
                        + "  }\n"
                        + "}\n",
                Result.SUCCESS);
        j.assertLogContains("version=2 alias=live aliasVersion=2 previous=1 rolledBack=false", b);
        j.assertLogContains("Shifting alias live of " + fn + " from version 1 to version 2", b);
        j.assertLogContains("Alias live: 50% of traffic to version 2, the rest to version 1", b);
        j.assertLogContains("all traffic to version 2; the shift is complete", b);
        assertEquals("2", aliasOf(fn).functionVersion());
        assertEquals(Map.of(), aliasOf(fn).additionalVersionWeights());
        assertTrue(
                routes(fn).contains("1+2@0.5"),
                "the alias sent half of its traffic to version 2 during the shift: " + routes(fn));
    }

    @Test
    void anAlarmMidShiftPutsAllTrafficBackAndFailsTheStep(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        String fn = withAliasAtVersion1(j, "rollback");
        String alarm = fn + "-errors";
        sim.control().alarmStateAt(alarm, Duration.ZERO, "OK", "Threshold not crossed");
        sim.control().alarmStateAt(alarm, Duration.ofSeconds(2), "ALARM", "Threshold crossed: 5 errors");
        WorkflowRun b = run(
                j,
                "lambdaDeploy(functionName: '" + fn + "', s3Bucket: 'builds', s3Key: 'app-2.zip', alias: 'live', "
                        + "shift: '10%:20s,50%:20s', alarms: '" + alarm + "', alarmPollInterval: 1, "
                        + connection(sim, AWS_CREDENTIALS_ID) + ")\n"
                        + "echo 'not reached'\n",
                Result.FAILURE);
        j.assertLogContains("Rolling back alias live of " + fn, b);
        j.assertLogContains("alarm " + alarm + " fired at", b);
        j.assertLogNotContains("not reached", b);
        assertEquals("1", aliasOf(fn).functionVersion());
        assertEquals(Map.of(), aliasOf(fn).additionalVersionWeights());
        assertEquals(2, sim.control().inspect(fn).versions().size(), "version 2 stays published");
    }

    @Test
    void onAlarmUnstableRollsBackAndMarksTheBuildUnstable(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        String fn = withAliasAtVersion1(j, "rollback-unstable");
        String alarm = fn + "-errors";
        sim.control().alarmStateAt(alarm, Duration.ZERO, "ALARM", "Threshold crossed");
        WorkflowRun b = run(
                j,
                "def v = lambdaUpdateCode(functionName: '" + fn + "', s3Bucket: 'builds', s3Key: 'app-2.zip', "
                        + "publish: true, " + connection(sim, AWS_CREDENTIALS_ID) + ")\n"
                        + "def r = lambdaUpdateAlias(functionName: '" + fn + "', alias: 'live', version: v.version, "
                        + "shift: 'Canary10Percent5Minutes', alarms: '" + alarm + "', onAlarm: 'unstable', "
                        + "alarmPollInterval: 1, " + connection(sim, AWS_CREDENTIALS_ID) + ")\n"
                        + "echo \"rolledBack=${r.rolledBack} alarm=${r.rollbackAlarm} aliasVersion=${r.aliasVersion}\"\n",
                Result.UNSTABLE);
        j.assertLogContains("rolledBack=true alarm=" + alarm + " aliasVersion=1", b);
        assertEquals("1", aliasOf(fn).functionVersion());
    }

    @Test
    void abortMidShiftRestoresThePreviousVersion(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        String fn = withAliasAtVersion1(j, "abort-shift");
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(
                "lambdaDeploy(functionName: '" + fn + "', s3Bucket: 'builds', s3Key: 'app-2.zip', alias: 'live', "
                        + "shift: '50%:10m', " + connection(sim, AWS_CREDENTIALS_ID) + ")\n",
                true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Alias live: 50% of traffic to version 2", b);
        assertEquals(Map.of("2", 0.5), aliasOf(fn).additionalVersionWeights());
        b.doStop();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        j.assertLogContains("Aborted during the shift of alias live: putting all traffic back on version 1", b);
        assertEquals("1", aliasOf(fn).functionVersion());
        assertEquals(Map.of(), aliasOf(fn).additionalVersionWeights());
    }

    @Test
    void configurationThenCodeBackToBackWithNoConflictAndNoValueInTheLog(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        String fn = newFunction(sim, "config");
        sim.control().configurationUpdateDuration(fn, Duration.ofSeconds(1));
        WorkflowRun b = run(
                j,
                "lambdaUpdateConfiguration(functionName: '" + fn + "', memorySize: 512, timeout: 30, "
                        + "environment: \"LOG_LEVEL=debug\\nDB_PASSWORD=hunter2-never-logged\", "
                        + connection(sim, AWS_CREDENTIALS_ID) + ")\n"
                        + "def up = lambdaUpdateCode(functionName: '" + fn + "', s3Bucket: 'builds', "
                        + "s3Key: 'app-1.zip', " + connection(sim, AWS_CREDENTIALS_ID) + ")\n"
                        + "echo \"state=${up.state}/${up.lastUpdateStatus}\"\n",
                Result.SUCCESS);
        j.assertLogContains("memorySize: ", b);
        j.assertLogContains("environment.DB_PASSWORD: (not set) -> (set, value hidden)", b);
        j.assertLogNotContains("hunter2-never-logged", b);
        j.assertLogNotContains("ResourceConflictException", b);
        j.assertLogContains("state=Active/Successful", b);
    }

    @Test
    void environmentValuesExpandTheBuildsVariablesSoSecretsNeedNoGroovyInterpolation(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        LambdaTestSupport.storeSessionToken(j.jenkins);
        String fn = newFunction(sim, "config-secret");
        WorkflowRun b = run(
                j,
                "withCredentials([string(credentialsId: '" + LambdaTestSupport.SESSION_TOKEN_ID + "', "
                        + "variable: 'TOKEN')]) {\n"
                        + "  lambdaUpdateConfiguration(functionName: '" + fn + "', environment: 'TOKEN=$TOKEN', "
                        + connection(sim, AWS_CREDENTIALS_ID) + ")\n"
                        + "}\n",
                Result.SUCCESS);
        j.assertLogNotContains(LambdaTestSupport.SESSION_TOKEN, b);
        try (LambdaClient lambda = LambdaClient.builder()
                .endpointOverride(sim.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        SimulatorCredentials.ACCESS_KEY_ID, SimulatorCredentials.SECRET_ACCESS_KEY)))
                .httpClient(ApacheHttpClient.create())
                .build()) {
            assertEquals(
                    LambdaTestSupport.SESSION_TOKEN,
                    lambda.getFunctionConfiguration(r -> r.functionName(fn))
                            .environment()
                            .variables()
                            .get("TOKEN"));
        }
        assertEquals(Collections.emptySet(), LambdaTestSupport.grep(b.getRootDir(), LambdaTestSupport.SESSION_TOKEN));
    }

    @Test
    void aDeployChangesTheConfigurationFirstAndMeetsNoUpdateInProgress(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        String fn = newFunction(sim, "deploy-config");
        sim.control().configurationUpdateDuration(fn, Duration.ofSeconds(1));
        WorkflowRun b = run(
                j,
                "def r = lambdaDeploy(functionName: '" + fn + "', s3Bucket: 'builds', s3Key: 'app-1.zip', "
                        + "memorySize: 256, environment: 'STAGE=prod', " + connection(sim, AWS_CREDENTIALS_ID)
                        + ")\n"
                        + "echo \"version=${r.version}\"\n",
                Result.SUCCESS);
        j.assertLogContains("Change memorySize: 128 -> 256", b);
        j.assertLogContains("Change environment.STAGE: (not set) -> (set, value hidden)", b);
        j.assertLogContains("version=1", b);
        j.assertLogNotContains("ResourceConflictException", b);
    }

    @Test
    void aConfigurationWaitThatTimedOutIsAWarningOfTheDeploysResult(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        String fn = newFunction(sim, "deploy-config-timeout");
        sim.control().configurationUpdateDuration(fn, Duration.ofMillis(1500));
        sim.control().updateDuration(fn, Duration.ofMillis(100));
        WorkflowRun b = run(
                j,
                "def r = lambdaDeploy(functionName: '" + fn + "', s3Bucket: 'builds', s3Key: 'app-1.zip', "
                        + "memorySize: 256, maxWaitAttempts: 1, pollInterval: 1, unstableOnWarning: true, "
                        + connection(sim, AWS_CREDENTIALS_ID) + ")\n"
                        + "echo \"version=${r.version} warning=${r.warning}\"\n",
                Result.UNSTABLE);
        j.assertLogContains("version=1 warning=Timeout waiting for Lambda function to be ready", b);
        // the code's own wait was ready: the one warning is the configuration's
        j.assertLogContains("✅ Lambda function is ready for version publishing", b);
        j.assertLogNotContains("to be ready; ", b);
    }

    @Test
    void invalidReleaseParametersAreNamedBeforeAnyCall(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        String fn = newFunction(sim, "invalid-release");
        WorkflowRun b = run(
                j,
                "lambdaUpdateAlias(functionName: '" + fn + "', alias: 'live', version: '$LATEST', "
                        + "shift: 'Canary10Percent5Minutes', " + connection(sim, AWS_CREDENTIALS_ID) + ")\n",
                Result.FAILURE);
        j.assertLogContains("Invalid version: is $LATEST, which an alias cannot send a weighted share of traffic", b);
        j.assertLogNotContains("\tat ", b);
        assertEquals(List.of(), sim.control().aliases(fn));
    }

    @Test
    void cleanupInAFreestyleJobKeepsAliasedAndNewestVersions(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        String fn = newFunction(sim, "cleanup");
        // versions 1 to 4; live routes to 2, and a shift holds 10 % of it on 3 while the cleanup runs
        run(
                j,
                "for (int i = 1; i <= 4; i++) {\n"
                        + "  lambdaUpdateCode(functionName: '" + fn + "', s3Bucket: 'builds', s3Key: \"app-${i}.zip\", "
                        + "publish: true, " + connection(sim, AWS_CREDENTIALS_ID) + ")\n"
                        + "}\n"
                        + "lambdaUpdateAlias(functionName: '" + fn + "', alias: 'live', version: '2', "
                        + "createIfMissing: true, " + connection(sim, AWS_CREDENTIALS_ID) + ")\n",
                Result.SUCCESS);
        WorkflowJob shifting = j.createProject(WorkflowJob.class);
        shifting.setDefinition(new CpsFlowDefinition(
                "lambdaUpdateAlias(functionName: '" + fn + "', alias: 'live', version: '3', shift: '10%:10m', "
                        + connection(sim, AWS_CREDENTIALS_ID) + ")\n",
                true));
        WorkflowRun shift = shifting.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Alias live: 10% of traffic to version 3", shift);
        LambdaCleanupVersionsStep cleanup = LambdaTestSupport.connect(sim, new LambdaCleanupVersionsStep(fn));
        cleanup.setKeepVersions(1);
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(new LambdaCleanupVersionsBuilder(cleanup));

        FreeStyleBuild b = j.buildAndAssertSuccess(p);
        EnvVars env = b.getEnvironment(TaskListener.NULL);
        assertEquals("1", env.get("LAMBDA_DELETED_VERSIONS"));
        assertEquals(
                List.of("2", "3", "4"),
                sim.control().inspect(fn).versions().stream()
                        .map(FunctionView.VersionView::version)
                        .toList());
        j.assertLogNotContains(SimulatorCredentials.SECRET_ACCESS_KEY, b);
        shift.doStop();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(shift));
    }

    /** A function with version 1 and alias live pointing at it. */
    private static String withAliasAtVersion1(JenkinsRule j, String prefix) throws Exception {
        String fn = newFunction(sim, prefix);
        run(
                j,
                "lambdaDeploy(functionName: '" + fn + "', s3Bucket: 'builds', s3Key: 'app-1.zip', alias: 'live', "
                        + "createIfMissing: true, " + connection(sim, AWS_CREDENTIALS_ID) + ")\n",
                Result.SUCCESS);
        assertEquals("1", aliasOf(fn).functionVersion());
        return fn;
    }

    private static AliasView aliasOf(String fn) {
        return sim.control().aliases(fn).stream()
                .filter(a -> a.name().equals("live"))
                .findFirst()
                .orElseThrow();
    }

    /** Where alias live routed after each change: {@code 1}, or {@code 1+2@0.5} for a weighted share. */
    private static List<String> routes(String fn) {
        return sim.control().aliasHistory(fn).stream()
                .map(AliasChange::alias)
                .filter(Objects::nonNull)
                .map(a -> a.functionVersion()
                        + a.additionalVersionWeights().entrySet().stream()
                                .map(w -> "+" + w.getKey() + "@" + w.getValue())
                                .findFirst()
                                .orElse(""))
                .toList();
    }

    private static WorkflowRun run(JenkinsRule j, String script, Result expected) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(script, true));
        return j.assertBuildStatus(expected, p.scheduleBuild2(0));
    }
}
