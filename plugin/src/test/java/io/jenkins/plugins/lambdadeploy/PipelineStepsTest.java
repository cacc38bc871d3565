package io.jenkins.plugins.lambdadeploy;

import static io.jenkins.plugins.lambdadeploy.LambdaTestSupport.AWS_CREDENTIALS_ID;
import static io.jenkins.plugins.lambdadeploy.LambdaTestSupport.KEY_PAIR_ID;
import static io.jenkins.plugins.lambdadeploy.LambdaTestSupport.connection;
import static io.jenkins.plugins.lambdadeploy.LambdaTestSupport.grep;
import static io.jenkins.plugins.lambdadeploy.LambdaTestSupport.newFunction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsParameterDefinition;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import dev.lambdadeploy.engine.wait.WaitKey;
import dev.lambdadeploy.simulator.Fault;
import dev.lambdadeploy.simulator.LambdaSimulator;
import dev.lambdadeploy.simulator.SimulatorCredentials;
import dev.lambdadeploy.simulator.StateSnapshot;
import hudson.model.Fingerprint;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Result;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.graphanalysis.NodeStepTypePredicate;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The three steps in scripted and declarative Pipelines, against the Lambda simulator. */
@WithJenkins
class PipelineStepsTest {

    @SuppressWarnings("unused")
    @RegisterExtension
    private static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private static final LambdaSimulator sim = LambdaTestSupport.simulator();

    @Test
    void normalDeploymentFollowsTheSpecsLog(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        String fn = newFunction(sim, "normal");
        WorkflowRun b = run(
                j,
                ""
                        + "def up = lambdaUpdateCode(functionName: '" + fn
                        + "', s3Bucket: 'builds', s3Key: 'app-1.zip', "
                        + connection(sim, AWS_CREDENTIALS_ID) + ")\n"
                        + "echo \"updated arn=${up.functionArn} state=${up.state}/${up.lastUpdateStatus} sha=${up.codeSha256}\"\n"
                        + "def v = lambdaPublishVersion(functionName: '" + fn + "', codeSha256: up.codeSha256, "
                        + "description: 'ENV: prod | 1 | abc', " + connection(sim, AWS_CREDENTIALS_ID) + ")\n"
                        + "echo \"published=${v.published} version=${v.version} timedOut=${v.timedOut}\"\n",
                Result.SUCCESS);
        j.assertLogContains("🔄 Updating Lambda function...", b);
        j.assertLogContains("⏳ Waiting for Lambda function to be ready for version publishing...", b);
        j.assertLogContains("  Function State: Active, Last Update Status: Successful", b);
        j.assertLogContains("✅ Lambda function is ready for version publishing", b);
        j.assertLogContains("📝 Publishing version with description...", b);
        j.assertLogContains("✅ Lambda function updated successfully!", b);
        j.assertLogContains(
                "updated arn=arn:aws:lambda:us-east-1:" + sim.accountId() + ":function:" + fn
                        + " state=Active/Successful",
                b);
        j.assertLogContains("published=true version=1 timedOut=false", b);
        assertEquals(
                "ENV: prod | 1 | abc",
                sim.control().inspect(fn).versions().get(0).description());
    }

    @Test
    void deploymentWithWaitLogsEachPoll(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        String fn = newFunction(sim, "wait");
        sim.control().updateDuration(fn, Duration.ofMillis(2500));
        WorkflowRun b = run(
                j,
                ""
                        + "def up = lambdaUpdateCode(functionName: '" + fn
                        + "', s3Bucket: 'builds', s3Key: 'app-2.zip', "
                        + "waitPolicy: 'fixed', pollInterval: 1, " + connection(sim, AWS_CREDENTIALS_ID) + ")\n"
                        + "echo \"attempts=${up.attempts} timedOut=${up.timedOut}\"\n",
                Result.SUCCESS);
        j.assertLogContains("  Function State: Active, Last Update Status: InProgress", b);
        j.assertLogContains("  Waiting... (attempt 1/30)", b);
        j.assertLogContains("✅ Lambda function is ready", b);
        j.assertLogNotContains("for version publishing", b);
        j.assertLogContains("timedOut=false", b);
    }

    @Test
    void declarativePipeline(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        String fn = newFunction(sim, "declarative");
        WorkflowRun b = run(
                j,
                ""
                        + "pipeline {\n"
                        + "  agent none\n"
                        + "  stages {\n"
                        + "    stage('Deploy') {\n"
                        + "      steps {\n"
                        + "        lambdaUpdateCode(functionName: '" + fn
                        + "', s3Bucket: 'builds', s3Key: 'app-3.zip', "
                        + connection(sim, AWS_CREDENTIALS_ID) + ")\n"
                        + "        lambdaAwaitReady(functionName: '" + fn + "', " + connection(sim, AWS_CREDENTIALS_ID)
                        + ")\n"
                        + "        script {\n"
                        + "          def v = lambdaPublishVersion(functionName: '" + fn
                        + "', description: 'declarative', "
                        + connection(sim, AWS_CREDENTIALS_ID) + ")\n"
                        + "          echo \"version=${v.version}\"\n"
                        + "        }\n"
                        + "      }\n"
                        + "    }\n"
                        + "  }\n"
                        + "}\n",
                Result.SUCCESS);
        j.assertLogContains("version=1", b);
        j.assertLogContains("✅ Lambda function updated successfully!", b);
    }

    @Test
    void timeoutWarnsPublishesAnywayAndLeavesTheBuildSuccessful(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        String fn = newFunction(sim, "timeout");
        sim.control().updateDuration(fn, Duration.ofSeconds(4));
        WorkflowRun b = run(
                j,
                ""
                        + "def up = lambdaUpdateCode(functionName: '" + fn
                        + "', s3Bucket: 'builds', s3Key: 'app-4.zip', "
                        + "waitForReady: false, " + connection(sim, AWS_CREDENTIALS_ID) + ")\n"
                        + "def v = lambdaPublishVersion(functionName: '" + fn
                        + "', codeSha256: up.codeSha256, description: 'd', "
                        + "maxWaitAttempts: 2, pollInterval: 1, waitPolicy: 'fixed', maxRetries: 5, "
                        + connection(sim, AWS_CREDENTIALS_ID) + ")\n"
                        + "echo \"published=${v.published} timedOut=${v.timedOut}\"\n",
                Result.SUCCESS);
        j.assertLogContains("  Waiting... (attempt 1/2)", b);
        j.assertLogContains("⚠️ Timeout waiting for Lambda function to be ready, attempting to publish anyway...", b);
        j.assertLogContains("published=true timedOut=true", b);
        assertNull(
                stepNode(b, "lambdaPublishVersion").getAction(WarningAction.class),
                "a green build shows no yellow step: the warning is in the log only");
    }

    @Test
    void unstableOnWarningMakesTheBuildAndTheStepUnstable(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        String fn = newFunction(sim, "unstable");
        sim.control().updateDuration(fn, Duration.ofSeconds(3));
        WorkflowRun b = run(
                j,
                ""
                        + "lambdaUpdateCode(functionName: '" + fn + "', s3Bucket: 'builds', s3Key: 'app-5.zip', "
                        + "maxWaitAttempts: 1, pollInterval: 1, unstableOnWarning: true, "
                        + connection(sim, AWS_CREDENTIALS_ID)
                        + ")\n",
                Result.UNSTABLE);
        WarningAction warning = stepNode(b, "lambdaUpdateCode").getAction(WarningAction.class);
        assertNotNull(warning, "the stage view and Blue Ocean show the warning on the step");
        assertEquals(Result.UNSTABLE, warning.getResult());
        assertTrue(warning.getMessage().contains("Timeout"), warning.getMessage());
    }

    @Test
    void failedUpdateFailsTheBuildWithLambdasReason(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        String fn = newFunction(sim, "failed");
        sim.control().failNextUpdate(fn, "InvalidZipFileException", "Could not unzip uploaded file.");
        WorkflowRun b = run(
                j,
                ""
                        + "lambdaUpdateCode(functionName: '" + fn + "', s3Bucket: 'builds', s3Key: 'broken.zip', "
                        + connection(sim, AWS_CREDENTIALS_ID) + ")\n"
                        + "echo 'not reached'\n",
                Result.FAILURE);
        j.assertLogContains("Could not unzip uploaded file.", b);
        j.assertLogContains("InvalidZipFileException", b);
        j.assertLogNotContains("not reached", b);
        j.assertLogNotContains("\tat ", b);
    }

    @Test
    void abortEndsTheWaitPromptly(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        String fn = newFunction(sim, "abort");
        sim.control().scriptStates(fn, Collections.nCopies(10_000, StateSnapshot.of("Pending", "InProgress")));
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(
                "lambdaAwaitReady(functionName: '" + fn + "', waitPolicy: 'fixed', "
                        + "pollInterval: 1, maxWaitAttempts: 600, " + connection(sim, AWS_CREDENTIALS_ID) + ")\n",
                true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("  Waiting... (attempt 1/600)", b);
        long stopped = System.nanoTime();
        b.doStop();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - stopped);
        assertTrue(seconds < 5, "the wait ended " + seconds + " s after the abort");
        sim.control().scriptStates(fn, List.of());
    }

    @Test
    void abortDuringUpdateFunctionCodeSaysTheCallMayHaveReachedLambda(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        String fn = newFunction(sim, "abort-call");
        sim.control().inject("UpdateFunctionCode", Fault.delay(Duration.ofSeconds(20), 1));
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(
                "lambdaUpdateCode(functionName: '" + fn + "', s3Bucket: 'builds', " + "s3Key: 'app-9.zip', "
                        + connection(sim, AWS_CREDENTIALS_ID) + ")\n",
                true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Updating Lambda function...", b);
        b.doStop();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        j.assertLogContains(
                "Aborted during UpdateFunctionCode on " + fn + ": the request was cut off, but it may "
                        + "already have reached Lambda",
                b);
        j.assertLogContains("aws lambda get-function-configuration --function-name " + fn, b);
    }

    @Test
    void credentialsFromTheStoreNeverReachTheLogOrTheBuildDirectory(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        LambdaTestSupport.storeKeyPair(j.jenkins);
        String fn = newFunction(sim, "secret");
        WorkflowRun b = run(
                j,
                ""
                        + "def up = lambdaUpdateCode(functionName: '" + fn
                        + "', s3Bucket: 'builds', s3Key: 'app-6.zip', "
                        + connection(sim, AWS_CREDENTIALS_ID) + ")\n"
                        + "lambdaPublishVersion(functionName: '" + fn + "', codeSha256: up.codeSha256, "
                        + connection(sim, KEY_PAIR_ID) + ")\n",
                Result.SUCCESS);
        j.assertLogNotContains(SimulatorCredentials.SECRET_ACCESS_KEY, b);
        assertEquals(Collections.emptySet(), grep(b.getRootDir(), SimulatorCredentials.SECRET_ACCESS_KEY));
    }

    @Test
    void credentialsFromWithCredentials(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeKeyPair(j.jenkins);
        String fn = newFunction(sim, "binding");
        WorkflowRun b = run(
                j,
                ""
                        + "withCredentials([usernamePassword(credentialsId: '" + KEY_PAIR_ID + "', "
                        + "usernameVariable: 'AWS_ACCESS_KEY_ID', passwordVariable: 'AWS_SECRET_ACCESS_KEY')]) {\n"
                        + "  def r = lambdaAwaitReady(functionName: '" + fn + "', region: 'us-east-1', endpointUrl: '"
                        + sim.endpoint() + "')\n"
                        + "  echo \"state=${r.state}\"\n"
                        + "}\n",
                Result.SUCCESS);
        j.assertLogContains("state=Active", b);
        j.assertLogNotContains(SimulatorCredentials.SECRET_ACCESS_KEY, b);
    }

    @Test
    void withoutCredentialsTheControllersIdentityIsNotUsed(JenkinsRule j) throws Exception {
        String fn = newFunction(sim, "nocreds");
        WorkflowRun b = run(
                j,
                "lambdaAwaitReady(functionName: '" + fn + "', region: 'us-east-1', endpointUrl: '" + sim.endpoint()
                        + "')\n",
                Result.FAILURE);
        j.assertLogContains("Invalid credentials: none found", b);
        j.assertLogContains("set credentialsId", b);
        j.assertLogNotContains("\tat ", b);
    }

    @Test
    void unknownCredentialsIdIsAClearError(JenkinsRule j) throws Exception {
        String fn = newFunction(sim, "unknown");
        WorkflowRun b = run(
                j,
                "lambdaAwaitReady(functionName: '" + fn + "', " + connection(sim, "no-such-id") + ")\n",
                Result.FAILURE);
        j.assertLogContains("No credentials with id \"no-such-id\"", b);
        j.assertLogContains("Expected AWS Credentials or Username with password", b);
        j.assertLogNotContains("\tat ", b);
    }

    @Test
    void invalidParameterIsNamedBeforeAnyCall(JenkinsRule j) throws Exception {
        WorkflowRun b = run(
                j,
                "lambdaAwaitReady(functionName: 'my-function', maxWaitAttempts: 0, "
                        + connection(sim, AWS_CREDENTIALS_ID) + ")\n",
                Result.FAILURE);
        j.assertLogContains("Invalid maxWaitAttempts", b);
        j.assertLogNotContains("\tat ", b);
    }

    @Test
    void zipFileIsReadFromTheWorkspace(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        String fn = newFunction(sim, "zip");
        WorkflowJob p = j.createProject(WorkflowJob.class);
        j.jenkins.getWorkspaceFor(p).child("app.zip").copyFrom(new ByteArrayInputStream(LambdaTestSupport.EMPTY_ZIP));
        p.setDefinition(new CpsFlowDefinition(
                "node {\n"
                        + "  def up = lambdaUpdateCode(functionName: '" + fn + "', zipFile: 'app.zip', "
                        + connection(sim, AWS_CREDENTIALS_ID) + ")\n"
                        + "  echo \"sha=${up.codeSha256}\"\n"
                        + "}\n",
                true));
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("code: zip app.zip (" + LambdaTestSupport.EMPTY_ZIP.length + " bytes)", b);
        j.assertLogContains("sha=" + sim.control().inspect(fn).codeSha256(), b);
    }

    @Test
    void zipFileWithoutAWorkspaceSaysWhatIsMissing(JenkinsRule j) throws Exception {
        String fn = newFunction(sim, "nows");
        WorkflowRun b = run(
                j,
                "lambdaUpdateCode(functionName: '" + fn + "', zipFile: 'app.zip', "
                        + connection(sim, AWS_CREDENTIALS_ID) + ")\n",
                Result.FAILURE);
        j.assertLogContains("run the step inside a node block", b);
    }

    @Test
    void theHistoryPolicyLearnsEachUpdatesDurationOnTheController(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        String fn = newFunction(sim, "history");
        sim.control().updateDuration(fn, Duration.ofMillis(1500));
        String update = "lambdaUpdateCode(functionName: '" + fn + "', s3Bucket: 'builds', s3Key: 'app-h.zip', "
                + "waitPolicy: 'history', " + connection(sim, AWS_CREDENTIALS_ID) + ")\n";

        run(j, update, Result.SUCCESS);
        List<Duration> learnt = ControllerWaitHistory.get().recent(new WaitKey("us-east-1", fn), Instant.now());
        assertEquals(1, learnt.size(), learnt.toString());
        assertTrue(
                learnt.get(0).compareTo(Duration.ofMillis(500)) > 0
                        && learnt.get(0).compareTo(Duration.ofSeconds(5)) < 0,
                "about the simulated 1.5 s: " + learnt);
        assertTrue(
                new File(j.jenkins.getRootDir(), "lambda-deploy-wait-history.tsv").isFile(), "kept on the controller");

        run(j, update, Result.SUCCESS);
        assertEquals(
                2,
                ControllerWaitHistory.get()
                        .recent(new WaitKey("us-east-1", fn), Instant.now())
                        .size());
    }

    @Test
    void underTheDefaultHistoryPolicyAFunctionsSecondUpdateTakesTheResponseAsItsFirstPoll(JenkinsRule j)
            throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        String fn = newFunction(sim, "first-poll");
        sim.control().updateDuration(fn, Duration.ofMillis(1500));
        String update = "def r = lambdaUpdateCode(functionName: '" + fn + "', s3Bucket: 'builds', s3Key: 'app-f.zip', "
                + connection(sim, AWS_CREDENTIALS_ID) + ")\n"
                + "echo \"attempts=${r.attempts}\"\n";

        int before = sim.journal().entries().size();
        WorkflowRun first = run(j, update, Result.SUCCESS);
        assertEquals(
                attempts(first),
                getFunctionCalls(fn, before),
                "no history yet: the adaptive wait, which polls at once");

        before = sim.journal().entries().size();
        WorkflowRun second = run(j, update, Result.SUCCESS);
        assertEquals(
                attempts(second) - 1,
                getFunctionCalls(fn, before),
                "the first of the wait's polls is what UpdateFunctionCode answered: no GetFunction for it");
    }

    private static int attempts(WorkflowRun b) throws java.io.IOException {
        java.util.regex.Matcher attempts =
                java.util.regex.Pattern.compile("attempts=(\\d+)").matcher(JenkinsRule.getLog(b));
        assertTrue(attempts.find());
        return Integer.parseInt(attempts.group(1));
    }

    private static long getFunctionCalls(String fn, int since) {
        return sim.journal().entries().subList(since, sim.journal().entries().size()).stream()
                .filter(e -> fn.equals(e.functionName()) && e.operation().equals("GetFunction"))
                .count();
    }

    @Test
    void credentialsUseIsTrackedAgainstTheBuild(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        String fn = newFunction(sim, "tracked");
        WorkflowRun b = run(
                j,
                "lambdaAwaitReady(functionName: '" + fn + "', " + connection(sim, AWS_CREDENTIALS_ID) + ")\n",
                Result.SUCCESS);
        Fingerprint usage =
                CredentialsProvider.getFingerprintOf(LambdaTestSupport.storedCredentials(AWS_CREDENTIALS_ID));
        assertNotNull(usage, "the credential's Usage page lists the build");
        assertTrue(
                usage.getRangeSet(b.getParent()).includes(b.getNumber()),
                usage.getRangeSet(b.getParent()).toString());
    }

    @Test
    void aCredentialsParameterIsResolvedByTheCredentialsPlugin(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        String fn = newFunction(sim, "param");
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.addProperty(new ParametersDefinitionProperty(new CredentialsParameterDefinition(
                "AWS_CREDENTIALS", "", AWS_CREDENTIALS_ID, AmazonWebServicesCredentials.class.getName(), true)));
        // quoted so that Groovy leaves ${AWS_CREDENTIALS} alone, as the credentials plugin documents it
        p.setDefinition(new CpsFlowDefinition(
                "def r = lambdaAwaitReady(functionName: '" + fn + "', region: "
                        + "'us-east-1', endpointUrl: '" + sim.endpoint() + "', credentialsId: '${AWS_CREDENTIALS}')\n"
                        + "echo \"state=${r.state}\"\n",
                true));
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("state=Active", b);
    }

    @Test
    void noSecretIsPersistedWhileEachStepWaits(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeKeyPair(j.jenkins);
        LambdaTestSupport.storeSessionToken(j.jenkins);
        List<String> functions = List.of(
                newFunction(sim, "persist-update"),
                newFunction(sim, "persist-await"),
                newFunction(sim, "persist-publish"));
        for (String fn : functions) {
            sim.control().scriptStates(fn, Collections.nCopies(10_000, StateSnapshot.of("Active", "InProgress")));
        }
        String wait =
                "waitPolicy: 'fixed', pollInterval: 1, region: 'us-east-1', endpointUrl: '" + sim.endpoint() + "'";
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(
                ""
                        + "withCredentials([usernamePassword(credentialsId: '" + KEY_PAIR_ID + "', "
                        + "usernameVariable: 'AWS_ACCESS_KEY_ID', passwordVariable: 'AWS_SECRET_ACCESS_KEY'), "
                        + "string(credentialsId: '" + LambdaTestSupport.SESSION_TOKEN_ID
                        + "', variable: 'AWS_SESSION_TOKEN')]) {\n"
                        + "  lambdaUpdateCode(functionName: '" + functions.get(0)
                        + "', s3Bucket: 'builds', s3Key: 'a.zip', "
                        + "maxWaitAttempts: 301, " + wait + ")\n"
                        + "  lambdaAwaitReady(functionName: '" + functions.get(1) + "', maxWaitAttempts: 302, " + wait
                        + ")\n"
                        + "  lambdaPublishVersion(functionName: '" + functions.get(2) + "', maxWaitAttempts: 303, "
                        + wait + ")\n"
                        + "}\n",
                true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        for (int i = 0; i < functions.size(); i++) {
            j.waitForMessage("  Waiting... (attempt 1/" + (301 + i) + ")", b);
            File programDat = new File(b.getRootDir(), "program.dat");
            assertTrue(programDat.isFile(), "the waiting step was saved to " + programDat);
            assertTrue(new File(b.getRootDir(), "build.xml").isFile());
            assertEquals(
                    Collections.emptySet(),
                    grep(b.getRootDir(), SimulatorCredentials.SECRET_ACCESS_KEY),
                    "while step " + (i + 1) + " waits");
            assertEquals(
                    Collections.emptySet(),
                    grep(b.getRootDir(), LambdaTestSupport.SESSION_TOKEN),
                    "while step " + (i + 1) + " waits");
            sim.control().scriptStates(functions.get(i), List.of());
        }
        j.assertBuildStatusSuccess(j.waitForCompletion(b));
        assertEquals(1, sim.control().inspect(functions.get(2)).versions().size());
    }

    @Test
    void freestyleBuildStepsAreNotOfferedToPipeline(JenkinsRule j) throws Exception {
        // a well-formed build step, so only its not being a SimpleBuildStep can stop it
        WorkflowRun b = run(
                j,
                "step([$class: 'LambdaAwaitReadyBuilder', step: [$class: 'LambdaAwaitReadyStep', "
                        + "functionName: 'my-function']])\n",
                Result.FAILURE);
        j.assertLogContains(
                "no known implementation of interface jenkins.tasks.SimpleBuildStep is named LambdaAwaitReadyBuilder",
                b);
        j.assertLogNotContains("Waiting for Lambda function", b);
    }

    private static FlowNode stepNode(WorkflowRun b, String function) {
        FlowNode node = new DepthFirstScanner().findFirstMatch(b.getExecution(), new NodeStepTypePredicate(function));
        assertNotNull(node, function);
        return node;
    }

    private static WorkflowRun run(JenkinsRule j, String script, Result expected) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(script, true));
        return j.assertBuildStatus(expected, p.scheduleBuild2(0));
    }
}
