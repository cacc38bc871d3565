package io.jenkins.plugins.lambdadeploy;

import static io.jenkins.plugins.lambdadeploy.LambdaTestSupport.AWS_CREDENTIALS_ID;
import static io.jenkins.plugins.lambdadeploy.LambdaTestSupport.connection;
import static io.jenkins.plugins.lambdadeploy.LambdaTestSupport.grep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.auth.AWSCredentials;
import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsDescriptor;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import dev.lambdadeploy.engine.wait.HistoryWaitPolicy;
import dev.lambdadeploy.simulator.Fault;
import dev.lambdadeploy.simulator.LambdaSimulator;
import dev.lambdadeploy.simulator.SimulatorCredentials;
import dev.lambdadeploy.simulator.StateSnapshot;
import hudson.model.Result;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.core.exception.SdkClientException;

/** A wait goes on after a controller restart with its deadline and count of polls, as {@code sleep} does. */
class RestartSurvivingWaitTest {

    @SuppressWarnings("unused")
    @RegisterExtension
    private static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private static final LambdaSimulator sim = LambdaTestSupport.simulator();

    @Test
    void waitSurvivesARestart() throws Throwable {
        String fn = LambdaTestSupport.newFunction(sim, "restart");
        // the function looks busy until the second session says otherwise
        sim.control().scriptStates(fn, Collections.nCopies(10_000, StateSnapshot.of("Active", "InProgress")));
        sessions.then(j -> {
            LambdaTestSupport.storeAwsCredentials(j.jenkins);
            WorkflowJob p = j.createProject(WorkflowJob.class, "p");
            p.setDefinition(new CpsFlowDefinition(
                    ""
                            + "def r = lambdaAwaitReady(functionName: '" + fn
                            + "', waitPolicy: 'fixed', pollInterval: 1, "
                            + "maxWaitAttempts: 300, " + connection(sim, AWS_CREDENTIALS_ID) + ")\n"
                            + "echo \"attempts=${r.attempts} state=${r.state}/${r.lastUpdateStatus}\"\n",
                    true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            j.waitForMessage("  Waiting... (attempt 2/300)", b);
        });
        sessions.then(j -> {
            WorkflowJob p = j.jenkins.getItemByFullName("p", WorkflowJob.class);
            assertNotNull(p);
            WorkflowRun b = p.getLastBuild();
            assertNotNull(b);
            assertEquals(
                    Collections.emptySet(),
                    grep(b.getRootDir(), SimulatorCredentials.SECRET_ACCESS_KEY),
                    "the persisted wait holds no secret");
            sim.control().scriptStates(fn, List.of());
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            j.assertLogContains("✅ Lambda function is ready", b);
            j.assertLogContains("state=Active/Successful", b);
            Matcher attempts = Pattern.compile("attempts=(\\d+)").matcher(JenkinsRule.getLog(b));
            assertTrue(attempts.find());
            assertTrue(Integer.parseInt(attempts.group(1)) >= 3, "polls before the restart count: " + attempts.group());
            assertEquals(Collections.emptySet(), grep(b.getRootDir(), SimulatorCredentials.SECRET_ACCESS_KEY));
        });
    }

    @Test
    void updateCodeWaitSurvivesARestart() throws Throwable {
        String fn = LambdaTestSupport.newFunction(sim, "restart-update");
        sim.control().scriptStates(fn, Collections.nCopies(10_000, StateSnapshot.of("Active", "InProgress")));
        sessions.then(j -> {
            LambdaTestSupport.storeAwsCredentials(j.jenkins);
            WorkflowRun b = start(
                    j,
                    "def r = lambdaUpdateCode(functionName: '" + fn + "', s3Bucket: 'builds', "
                            + "s3Key: 'app-7.zip', " + WAIT + connection(sim, AWS_CREDENTIALS_ID) + ")\n"
                            + "echo \"sha=${r.codeSha256} state=${r.state}/${r.lastUpdateStatus}\"\n");
            j.waitForMessage("  Waiting... (attempt 2/300)", b);
        });
        sessions.then(j -> {
            WorkflowRun b = lastBuild(j);
            sim.control().scriptStates(fn, List.of());
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            j.assertLogContains("Resuming the wait for Lambda function " + fn + " after a restart", b);
            j.assertLogContains("sha=" + sim.control().inspect(fn).codeSha256() + " state=Active/Successful", b);
        });
    }

    @Test
    void publishWaitSurvivesARestartAndPublishesTheCodeItWasGiven() throws Throwable {
        String fn = LambdaTestSupport.newFunction(sim, "restart-publish");
        sessions.then(j -> {
            LambdaTestSupport.storeAwsCredentials(j.jenkins);
            WorkflowJob p = j.createProject(WorkflowJob.class, "p");
            p.setDefinition(new CpsFlowDefinition(
                    ""
                            + "def up = lambdaUpdateCode(functionName: '" + fn
                            + "', s3Bucket: 'builds', s3Key: 'app-8.zip', "
                            + "waitForReady: false, " + connection(sim, AWS_CREDENTIALS_ID) + ")\n"
                            + "echo 'updated'\n"
                            + "def v = lambdaPublishVersion(functionName: '" + fn + "', codeSha256: up.codeSha256, "
                            + "description: 'after restart', " + WAIT + connection(sim, AWS_CREDENTIALS_ID) + ")\n"
                            + "echo \"published=${v.published} version=${v.version} sha=${v.codeSha256}\"\n",
                    true));
            // scripted answers are GetFunction's only: the update goes through, the publish's wait sees InProgress
            sim.control().scriptStates(fn, Collections.nCopies(10_000, StateSnapshot.of("Active", "InProgress")));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            j.waitForMessage("updated", b);
            j.waitForMessage("  Waiting... (attempt 2/300)", b);
        });
        sessions.then(j -> {
            WorkflowRun b = lastBuild(j);
            assertEquals(List.of(), sim.control().inspect(fn).versions(), "nothing published before the restart");
            sim.control().scriptStates(fn, List.of());
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            String uploaded = sim.control().inspect(fn).codeSha256();
            j.assertLogContains("published=true version=1 sha=" + uploaded, b);
            assertEquals(uploaded, sim.control().inspect(fn).versions().get(0).codeSha256());
            assertEquals(
                    "after restart", sim.control().inspect(fn).versions().get(0).description());
        });
    }

    @Test
    void restartDuringUpdateFunctionCodeFailsSayingTheCallMayHaveReachedLambda() throws Throwable {
        String fn = LambdaTestSupport.newFunction(sim, "restart-call");
        sim.control().inject("UpdateFunctionCode", Fault.delay(Duration.ofSeconds(20), 1));
        sessions.then(j -> {
            LambdaTestSupport.storeAwsCredentials(j.jenkins);
            WorkflowRun b = start(
                    j,
                    "lambdaUpdateCode(functionName: '" + fn + "', s3Bucket: 'builds', " + "s3Key: 'app-9.zip', "
                            + connection(sim, AWS_CREDENTIALS_ID) + ")\n");
            j.waitForMessage("Updating Lambda function...", b);
        });
        sessions.then(j -> {
            WorkflowRun b = j.assertBuildStatus(Result.FAILURE, j.waitForCompletion(lastBuild(j)));
            j.assertLogContains(
                    "Jenkins restarted while UpdateFunctionCode for " + fn + " was on its way to AWS Lambda", b);
            j.assertLogContains("aws lambda get-function", b);
            j.assertLogNotContains("\tat ", b);
        });
    }

    @Test
    void awaitReadyRestartedWhileStartingStartsAgain() throws Throwable {
        String fn = LambdaTestSupport.newFunction(sim, "restart-starting");
        BlockingAwsCredentials.blocking = true;
        try {
            sessions.then(j -> {
                CredentialsProvider.lookupStores(j.jenkins)
                        .iterator()
                        .next()
                        .addCredentials(Domain.global(), new BlockingAwsCredentials("slow-sts"));
                WorkflowRun b = start(
                        j,
                        "def r = lambdaAwaitReady(functionName: '" + fn + "', "
                                + connection(sim, "slow-sts") + ")\n"
                                + "echo \"state=${r.state}/${r.lastUpdateStatus}\"\n");
                // the step is resolving its credentials (as a role assumption through STS would): still starting
                assertTrue(BlockingAwsCredentials.entered.await(60, TimeUnit.SECONDS));
                j.assertLogNotContains("Waiting for Lambda function", b);
                // before the restart: the resumed step may resolve its credentials before the next session's code runs
                BlockingAwsCredentials.blocking = false;
            });
            sessions.then(j -> {
                WorkflowRun b = j.assertBuildStatusSuccess(j.waitForCompletion(lastBuild(j)));
                j.assertLogContains("state=Active/Successful", b);
            });
        } finally {
            // the first session's resolution is still blocked: released only now, it fails quietly (stale work)
            BlockingAwsCredentials.blocking = false;
            BlockingAwsCredentials.release.countDown();
        }
    }

    @Test
    void aShiftSurvivesARestartAndCompletesFromWhereItWas() throws Throwable {
        String fn = LambdaTestSupport.newFunction(sim, "restart-shift");
        String alarm = fn + "-errors";
        sim.control().alarmStateAt(alarm, Duration.ZERO, "OK", "Threshold not crossed");
        sessions.then(j -> {
            LambdaTestSupport.storeAwsCredentials(j.jenkins);
            WorkflowRun b = start(
                    j,
                    "lambdaDeploy(functionName: '" + fn + "', s3Bucket: 'builds', s3Key: 'app-1.zip', "
                            + "alias: 'live', createIfMissing: true, " + connection(sim, AWS_CREDENTIALS_ID) + ")\n"
                            + "def r = lambdaDeploy(functionName: '" + fn + "', s3Bucket: 'builds', "
                            + "s3Key: 'app-2.zip', alias: 'live', shift: '50%:8s', alarms: '" + alarm + "', "
                            + "alarmPollInterval: 1, " + connection(sim, AWS_CREDENTIALS_ID) + ")\n"
                            + "echo \"aliasVersion=${r.aliasVersion} previous=${r.previousVersion} version=${r.version}\"\n");
            j.waitForMessage("Alias live: 50% of traffic to version 2", b);
        });
        assertEquals(
                Map.of("2", 0.5),
                sim.control().aliases(fn).get(0).additionalVersionWeights(),
                "the shift is half way when Jenkins stops");
        sessions.then(j -> {
            WorkflowRun b = lastBuild(j);
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            j.assertLogContains("Resuming the shift of alias live of " + fn + " after a restart", b);
            j.assertLogContains("aliasVersion=2 previous=1 version=2", b);
            assertEquals("2", sim.control().aliases(fn).get(0).functionVersion());
            assertEquals(Map.of(), sim.control().aliases(fn).get(0).additionalVersionWeights());
            assertEquals(
                    List.of("1", "2"),
                    sim.control().inspect(fn).versions().stream()
                            .map(v -> v.version())
                            .toList(),
                    "published once, not again after the restart");
        });
    }

    /**
     * A function's second deploy waits around its first one's duration; across a restart the wait keeps that schedule
     * (its "attempt n/N" total) from the durations it persisted when it began, though the controller's history is gone
     * by then: a wait under way is not rebuilt from a history that changed.
     */
    @Test
    void aLaterDeploysWaitKeepsItsHistoryScheduleAcrossARestart() throws Throwable {
        String fn = LambdaTestSupport.newFunction(sim, "restart-history");
        sim.control().updateDuration(fn, Duration.ofMillis(1500));
        int adaptiveTotal = HistoryWaitPolicy.withinBudgetOf(60, Duration.ofSeconds(1), List.of())
                .maxAttempts();
        String[] total = new String[1];
        sessions.then(j -> {
            LambdaTestSupport.storeAwsCredentials(j.jenkins);
            WorkflowRun first = start(
                    j,
                    "lambdaUpdateCode(functionName: '" + fn + "', s3Bucket: 'builds', s3Key: 'app-h.zip', "
                            + "pollInterval: 1, maxWaitAttempts: 60, " + connection(sim, AWS_CREDENTIALS_ID) + ")\n");
            j.assertBuildStatusSuccess(j.waitForCompletion(first));
            j.assertLogContains("/" + adaptiveTotal + ")", first);

            sim.control().scriptStates(fn, Collections.nCopies(10_000, StateSnapshot.of("Active", "InProgress")));
            WorkflowRun second = lastBuild(j).getParent().scheduleBuild2(0).waitForStart();
            j.waitForMessage("  Waiting... (attempt 3/", second);
            Matcher n =
                    Pattern.compile("Waiting\\.\\.\\. \\(attempt 3/(\\d+)\\)").matcher(JenkinsRule.getLog(second));
            assertTrue(n.find());
            total[0] = n.group(1);
            assertTrue(
                    !total[0].equals(String.valueOf(adaptiveTotal)),
                    "the second deploy waits on the history's schedule, not adaptive's " + adaptiveTotal);
        });
        sessions.then(j -> {
            WorkflowRun b = lastBuild(j);
            java.nio.file.Files.deleteIfExists(
                    j.jenkins.getRootDir().toPath().resolve("lambda-deploy-wait-history.tsv"));
            j.waitForMessage("Resuming the wait for Lambda function " + fn + " after a restart", b);
            // a poll made after the history was deleted
            Matcher seen = Pattern.compile("\\(attempt (\\d+)/").matcher(JenkinsRule.getLog(b));
            int last = 0;
            while (seen.find()) {
                last = Integer.parseInt(seen.group(1));
            }
            j.waitForMessage("  Waiting... (attempt " + (last + 1) + "/" + total[0] + ")", b);
            sim.control().scriptStates(fn, List.of());
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
        });
    }

    private static final String WAIT = "waitPolicy: 'fixed', pollInterval: 1, maxWaitAttempts: 300, ";

    private static WorkflowRun start(JenkinsRule j, String script) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(script, true));
        return p.scheduleBuild2(0).waitForStart();
    }

    private static WorkflowRun lastBuild(JenkinsRule j) {
        WorkflowJob p = j.jenkins.getItemByFullName("p", WorkflowJob.class);
        assertNotNull(p);
        WorkflowRun b = p.getLastBuild();
        assertNotNull(b);
        return b;
    }

    /**
     * AWS Credentials whose resolution blocks while {@link #blocking}, as an AssumeRole call to a slow STS would: the
     * step is then still starting, before any Lambda call. Once released, a blocked resolution fails; a new one works.
     */
    public static final class BlockingAwsCredentials extends BaseStandardCredentials
            implements AmazonWebServicesCredentials {

        private static final long serialVersionUID = 1L;
        static volatile boolean blocking;
        static final CountDownLatch entered = new CountDownLatch(1);
        static final CountDownLatch release = new CountDownLatch(1);

        BlockingAwsCredentials(String id) {
            super(CredentialsScope.GLOBAL, id, "resolves slowly");
        }

        @Override
        public AwsCredentials resolveCredentials() {
            if (blocking) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw SdkClientException.create("released after the restart");
            }
            return AwsBasicCredentials.create(
                    SimulatorCredentials.ACCESS_KEY_ID, SimulatorCredentials.SECRET_ACCESS_KEY);
        }

        @Override
        public AwsCredentials resolveCredentials(String mfaToken) {
            return resolveCredentials();
        }

        @Override
        public AWSCredentials getCredentials() {
            throw new UnsupportedOperationException("the step uses the AWS SDK v2");
        }

        @Override
        public AWSCredentials getCredentials(String mfaToken) {
            return getCredentials();
        }

        @Override
        public void refresh() {}

        @Override
        public String getDisplayName() {
            return getId();
        }

        @TestExtension
        public static final class DescriptorImpl extends CredentialsDescriptor {}
    }
}
