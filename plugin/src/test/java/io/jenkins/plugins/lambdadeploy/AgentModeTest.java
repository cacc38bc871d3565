package io.jenkins.plugins.lambdadeploy;

import static io.jenkins.plugins.lambdadeploy.LambdaTestSupport.AWS_CREDENTIALS_ID;
import static io.jenkins.plugins.lambdadeploy.LambdaTestSupport.grep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdadeploy.simulator.Fault;
import dev.lambdadeploy.simulator.JournalEntry;
import dev.lambdadeploy.simulator.LambdaSimulator;
import dev.lambdadeploy.simulator.SimulatorCredentials;
import dev.lambdadeploy.simulator.StateSnapshot;
import hudson.model.Computer;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.model.TaskListener;
import hudson.slaves.DumbSlave;
import hudson.slaves.OfflineCause;
import io.jenkins.plugins.lambdadeploy.freestyle.LambdaPublishVersionBuilder;
import io.jenkins.plugins.lambdadeploy.freestyle.LambdaUpdateCodeBuilder;
import io.jenkins.plugins.lambdadeploy.steps.LambdaPublishVersionStep;
import io.jenkins.plugins.lambdadeploy.steps.LambdaUpdateCodeStep;
import java.io.File;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * {@code callsFrom: 'agent'}: every AWS call of a step runs on the agent of the enclosing {@code node} block, in a JVM
 * of its own, with its own identity or with session credentials the controller made from {@code credentialsId}.
 */
@WithJenkins
class AgentModeTest {

    /** The agent's own key pair: only the agent's process environment holds it. */
    static final String AGENT_KEY_ID = "AKIAAGENT00000000001";

    static final String AGENT_SECRET = "agent/secret/key/only-in-the-agent-environment";

    /** A simulator that accepts the controller's stored key pair and the agent's own, and issues session keys. */
    private static final LambdaSimulator sim = LambdaSimulator.builder()
            .port(0)
            .quotas(false)
            .defaultUpdateDuration(Duration.ofMillis(500))
            .defaultCreateDuration(Duration.ZERO)
            .credentials(SimulatorCredentials.ACCESS_KEY_ID, SimulatorCredentials.SECRET_ACCESS_KEY)
            .credentials(AGENT_KEY_ID, AGENT_SECRET)
            .start();

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    private static final List<String> AWS_VARIABLES = List.of(
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN",
            "AWS_PROFILE",
            "AWS_ROLE_ARN",
            "AWS_WEB_IDENTITY_TOKEN_FILE",
            "AWS_CONTAINER_CREDENTIALS_FULL_URI",
            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");

    private static DumbSlave awsAgent(JenkinsRule j) throws Exception {
        return LocalAgents.createOnline(
                j,
                "aws-agent",
                "aws",
                Map.of("AWS_ACCESS_KEY_ID", AGENT_KEY_ID, "AWS_SECRET_ACCESS_KEY", AGENT_SECRET),
                AWS_VARIABLES);
    }

    private static String target() {
        return "region: 'us-east-1', endpointUrl: '" + sim.endpoint() + "'";
    }

    private static String updateThenPublish(String fn, String extra) {
        return "  def up = lambdaUpdateCode(functionName: '" + fn + "', s3Bucket: 'builds', s3Key: 'app-1.zip', "
                + "waitPolicy: 'fixed', pollInterval: 1, callsFrom: 'agent', " + target() + extra + ")\n"
                + "  def v = lambdaPublishVersion(functionName: '" + fn + "', codeSha256: up.codeSha256, "
                + "description: 'from the agent', callsFrom: 'agent', " + target() + extra + ")\n"
                + "  echo \"published version ${v.version} of ${up.codeSha256}\"\n";
    }

    private static List<JournalEntry> callsFor(String fn) {
        return sim.journal().entries().stream()
                .filter(e -> fn.equals(e.functionName()))
                .toList();
    }

    private static Set<String> keysOf(List<JournalEntry> entries) {
        return entries.stream().map(JournalEntry::accessKeyId).collect(Collectors.toSet());
    }

    @Test
    void agentIdentityMakesEveryCallWhileTheControllerHasNone(JenkinsRule j) throws Exception {
        awsAgent(j);
        String fn = LambdaTestSupport.newFunction(sim, "agent-own");
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition("node('aws') {\n" + updateThenPublish(fn, "") + "}\n", true));

        WorkflowRun b = j.buildAndAssertSuccess(p);

        j.assertLogContains("callsFrom: 'agent': the AWS calls run on agent aws-agent, with the agent's own", b);
        j.assertLogContains(
                "published version 1 of " + sim.control().inspect(fn).codeSha256(), b);
        List<JournalEntry> calls = callsFor(fn);
        Set<String> operations = calls.stream().map(JournalEntry::operation).collect(Collectors.toSet());
        assertTrue(
                operations.containsAll(Set.of("UpdateFunctionCode", "GetFunction", "PublishVersion")),
                operations::toString);
        assertEquals(Set.of(AGENT_KEY_ID), keysOf(calls), "every call signed by the agent's own key");
    }

    @Test
    void credentialsIdTravelsAsShortLivedSessionCredentialsOnly(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        DumbSlave agent = awsAgent(j);
        String fn = LambdaTestSupport.newFunction(sim, "agent-session");
        int before = sim.journal().entries().size();
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(
                "node('aws') {\n"
                        + "  withEnv(['AWS_ENDPOINT_URL_STS=" + sim.endpoint() + "']) {\n"
                        + updateThenPublish(fn, ", credentialsId: '" + AWS_CREDENTIALS_ID + "'")
                        + "  }\n"
                        + "}\n",
                true));

        WorkflowRun b = j.buildAndAssertSuccess(p);

        j.assertLogContains("with short-lived session credentials the controller made from credentialsId", b);
        List<JournalEntry> issued = sim
                .journal()
                .entries()
                .subList(before, sim.journal().entries().size())
                .stream()
                .filter(e -> e.operation().equals("GetSessionToken"))
                .toList();
        // one session per step, made by the controller with the stored key pair; that key pair never signs a call
        assertEquals(2, issued.size(), "one GetSessionToken per step");
        assertEquals(Set.of(SimulatorCredentials.ACCESS_KEY_ID), keysOf(issued));
        List<JournalEntry> calls = callsFor(fn);
        assertFalse(calls.isEmpty());
        Set<String> sessionKeys = keysOf(calls);
        assertTrue(sessionKeys.size() <= 2, sessionKeys::toString);
        assertTrue(sessionKeys.stream().allMatch(k -> k.startsWith("ASIA")), sessionKeys::toString);

        // nothing secret on disk: neither the stored secret nor a session's (its key id stands for the whole
        // SessionCredentials, which holds it next to the secret and token) in the build, Jenkins' home or the agent
        File agentRoot = new File(j.jenkins.getRootDir(), "agent-" + agent.getNodeName());
        List<String> secrets = new java.util.ArrayList<>(List.of(SimulatorCredentials.SECRET_ACCESS_KEY, AGENT_SECRET));
        secrets.addAll(sessionKeys);
        for (String secret : secrets) {
            assertEquals(Collections.emptySet(), grep(b.getRootDir(), secret), secret);
            assertEquals(Collections.emptySet(), grep(new File(agentRoot, "fs"), secret), secret);
        }
        for (String sessionKey : sessionKeys) {
            assertEquals(Collections.emptySet(), grep(j.jenkins.getRootDir(), sessionKey), sessionKey);
        }
    }

    @Test
    void freestyleBuildStepsCallFromTheBuildsNode(JenkinsRule j) throws Exception {
        DumbSlave agent = awsAgent(j);
        String fn = LambdaTestSupport.newFunction(sim, "agent-freestyle");
        LambdaUpdateCodeStep update = updateOnTheAgent(fn);
        LambdaPublishVersionStep publish = new LambdaPublishVersionStep(fn);
        publish.setRegion("us-east-1");
        publish.setEndpointUrl(sim.endpoint().toString());
        publish.setCodeSha256("${LAMBDA_CODE_SHA256}");
        publish.setCallsFrom("agent");
        FreeStyleProject p = j.createFreeStyleProject();
        p.setAssignedNode(agent);
        p.getBuildersList().add(new LambdaUpdateCodeBuilder(update));
        p.getBuildersList().add(new LambdaPublishVersionBuilder(publish));

        FreeStyleBuild b = j.buildAndAssertSuccess(p);

        j.assertLogContains("callsFrom: 'agent': the AWS calls run on agent aws-agent", b);
        assertEquals("1", b.getEnvironment(TaskListener.NULL).get("LAMBDA_VERSION"));
        assertEquals(Set.of(AGENT_KEY_ID), keysOf(callsFor(fn)));
    }

    /**
     * A freestyle build step's whole deploy runs on the agent, but the history is the controller's: the function's
     * durations go with the call and what its wait recorded comes back, so the second deploy polls around the first.
     */
    @Test
    void aFreestyleDeployOnAnAgentLearnsIntoTheControllersHistory(JenkinsRule j) throws Exception {
        DumbSlave agent = awsAgent(j);
        String fn = LambdaTestSupport.newFunction(sim, "agent-history");
        sim.control().updateDuration(fn, java.time.Duration.ofMillis(1500));
        LambdaUpdateCodeStep update = updateOnTheAgent(fn);
        FreeStyleProject p = j.createFreeStyleProject();
        p.setAssignedNode(agent);
        p.getBuildersList().add(new LambdaUpdateCodeBuilder(update));
        dev.lambdadeploy.engine.wait.WaitKey key = new dev.lambdadeploy.engine.wait.WaitKey("us-east-1", fn);

        FreeStyleBuild first = j.buildAndAssertSuccess(p);
        long firstPolls = getFunctionCalls(fn);
        assertEquals(
                1,
                ControllerWaitHistory.get().recent(key, java.time.Instant.now()).size());
        // every observation of the wait is logged, the one that saw it ready after its "Waiting..." lines
        assertEquals(
                notReadyObservations(first) + 1,
                firstPolls,
                "no history yet: the adaptive wait, each observation a GetFunction");

        FreeStyleBuild second = j.buildAndAssertSuccess(p);
        long secondPolls = getFunctionCalls(fn) - firstPolls;
        assertEquals(
                2,
                ControllerWaitHistory.get().recent(key, java.time.Instant.now()).size());
        assertEquals(
                notReadyObservations(second),
                secondPolls,
                "the first deploy's duration reached the agent: the update's response is the wait's first observation");
        assertEquals(Set.of(AGENT_KEY_ID), keysOf(callsFor(fn)));
    }

    /** lambdaUpdateCode of {@code fn} from builds/app-1.zip, its calls made on the agent. */
    private static LambdaUpdateCodeStep updateOnTheAgent(String fn) {
        LambdaUpdateCodeStep update = new LambdaUpdateCodeStep(fn);
        update.setRegion("us-east-1");
        update.setEndpointUrl(sim.endpoint().toString());
        update.setS3Bucket("builds");
        update.setS3Key("app-1.zip");
        update.setCallsFrom("agent");
        return update;
    }

    private static long notReadyObservations(FreeStyleBuild b) throws java.io.IOException {
        return JenkinsRule.getLog(b)
                .lines()
                .filter(l -> l.startsWith("  Waiting... (attempt "))
                .count();
    }

    private static long getFunctionCalls(String fn) {
        return callsFor(fn).stream()
                .filter(e -> e.operation().equals("GetFunction"))
                .count();
    }

    @Test
    void freestyleOnTheBuiltInNodeNeedsTheAdministratorsOptInWithoutCredentials(JenkinsRule j) throws Exception {
        String fn = LambdaTestSupport.newFunction(sim, "agent-builtin");
        LambdaPublishVersionStep publish = new LambdaPublishVersionStep(fn);
        publish.setRegion("us-east-1");
        publish.setEndpointUrl(sim.endpoint().toString());
        publish.setCallsFrom("agent");
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(new LambdaPublishVersionBuilder(publish));

        FreeStyleBuild b = j.buildAndAssertStatus(Result.FAILURE, p);

        j.assertLogContains("without credentialsId the calls would use the AWS identity of the controller", b);
        assertEquals(List.of(), callsFor(fn));
    }

    @Test
    void abortCutsOffTheCallOnTheAgent(JenkinsRule j) throws Exception {
        awsAgent(j);
        String fn = LambdaTestSupport.newFunction(sim, "agent-abort");
        sim.control().inject("UpdateFunctionCode", Fault.delay(Duration.ofSeconds(30), 1));
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(
                "node('aws') { lambdaUpdateCode(functionName: '" + fn + "', s3Bucket: 'builds', s3Key: 'app-9.zip', "
                        + "callsFrom: 'agent', " + target() + ") }\n",
                true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Updating Lambda function...", b);
        long stopped = System.nanoTime();
        b.doStop();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - stopped);
        assertTrue(seconds < 10, "the step ended " + seconds + " s after the abort, not after the 30 s call");
        j.assertLogContains(
                "Aborted during UpdateFunctionCode on " + fn + ": the request was cut off, but it may "
                        + "already have reached Lambda",
                b);
    }

    @Test
    void aWaitWhoseAgentDoesNotComeBackFailsAtItsDeadlineNamingTheAgent(JenkinsRule j) throws Exception {
        DumbSlave agent = awsAgent(j);
        String fn = LambdaTestSupport.newFunction(sim, "agent-gone");
        sim.control().scriptStates(fn, Collections.nCopies(10_000, StateSnapshot.of("Active", "InProgress")));
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(
                "node('aws') { lambdaAwaitReady(functionName: '" + fn + "', waitPolicy: 'fixed', pollInterval: 1, "
                        + "maxWaitAttempts: 8, callsFrom: 'agent', " + target() + ") }\n",
                true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("  Waiting... (attempt 2/8)", b);
        Computer computer = agent.toComputer();
        assertNotNull(computer);
        computer.disconnect(new OfflineCause.ByCLI("agent lost")).get();

        j.assertBuildStatus(Result.FAILURE, j.waitForCompletion(b));

        j.assertLogContains("GetFunction not sent: agent aws-agent is not connected", b);
        j.assertLogContains("agent aws-agent is not connected, and callsFrom: 'agent' makes the AWS calls there", b);
        sim.control().scriptStates(fn, List.of());
    }

    @Test
    void aShiftWithAlarmsRunsOnTheAgentAndAnAlarmRollsItBack(JenkinsRule j) throws Exception {
        awsAgent(j);
        String fn = LambdaTestSupport.newFunction(sim, "agent-shift");
        String ok = fn + "-ok";
        String firing = fn + "-errors";
        sim.control().alarmStateAt(ok, Duration.ZERO, "OK", "Threshold not crossed");
        sim.control().alarmStateAt(firing, Duration.ZERO, "OK", "Threshold not crossed");
        sim.control().alarmStateAt(firing, Duration.ofSeconds(1), "ALARM", "Threshold crossed: 5 errors");
        int before = sim.journal().entries().size();
        String deploy = "lambdaDeploy(functionName: '" + fn
                + "', s3Bucket: 'builds', callsFrom: 'agent', alias: 'live', " + target() + ", ";
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(
                "node('aws') {\n"
                        + "  " + deploy + "s3Key: 'app-1.zip', createIfMissing: true)\n"
                        + "  def r = " + deploy + "s3Key: 'app-2.zip', shift: '50%:1s', alarms: '" + ok
                        + "', alarmPollInterval: 1)\n"
                        + "  echo \"aliasVersion=${r.aliasVersion} previous=${r.previousVersion}\"\n"
                        + "  " + deploy + "s3Key: 'app-3.zip', shift: '10%:20s,50%:20s', alarms: '" + firing
                        + "', alarmPollInterval: 1)\n"
                        + "}\n",
                true));

        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);

        j.assertLogContains("aliasVersion=2 previous=1", b);
        j.assertLogContains("Rolling back alias live of " + fn, b);
        j.assertLogContains("alarm " + firing + " fired at", b);
        assertEquals(
                "2",
                sim.control().aliases(fn).stream()
                        .filter(a -> a.name().equals("live"))
                        .findFirst()
                        .orElseThrow()
                        .functionVersion());
        List<JournalEntry> calls =
                sim.journal().entries().subList(before, sim.journal().entries().size());
        assertTrue(calls.stream().anyMatch(e -> e.operation().equals("DescribeAlarms")), calls::toString);
        assertEquals(Set.of(AGENT_KEY_ID), keysOf(calls), "every call, DescribeAlarms included, from the agent");
    }

    @Test
    void agentModeOutsideANodeBlockFailsBeforeAnyCall(JenkinsRule j) throws Exception {
        String fn = LambdaTestSupport.newFunction(sim, "agent-none");
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(
                "lambdaAwaitReady(functionName: '" + fn + "', callsFrom: 'agent', " + target() + ")\n", true));

        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);

        j.assertLogContains(
                "Invalid callsFrom: 'agent' makes the AWS calls on the agent of the enclosing node block, and there is"
                        + " none: wrap the step in node { ... } or set callsFrom: 'controller'",
                b);
        assertEquals(List.of(), callsFor(fn));
    }

    @Test
    void aWordThatIsNoCallSiteIsNamed(JenkinsRule j) throws Exception {
        String fn = LambdaTestSupport.newFunction(sim, "agent-typo");
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(
                "lambdaAwaitReady(functionName: '" + fn + "', callsFrom: 'agents', " + target() + ")\n", true));

        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);

        j.assertLogContains("Invalid callsFrom: 'agents' is neither of 'controller' and 'agent'", b);
        assertEquals(List.of(), callsFor(fn));
    }

    @Test
    void theGlobalDefaultAppliesToStepsWithoutCallsFrom(JenkinsRule j) throws Exception {
        awsAgent(j);
        LambdaDeployConfiguration.get().setCallsFrom("agent");
        String fn = LambdaTestSupport.newFunction(sim, "agent-default");
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(
                "node('aws') { lambdaAwaitReady(functionName: '" + fn + "', " + target() + ") }\n", true));

        j.buildAndAssertSuccess(p);

        assertEquals(Set.of(AGENT_KEY_ID), keysOf(callsFor(fn)));
    }
}
