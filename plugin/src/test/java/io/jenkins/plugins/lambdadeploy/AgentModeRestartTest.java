package io.jenkins.plugins.lambdadeploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.lambdadeploy.simulator.JournalEntry;
import dev.lambdadeploy.simulator.LambdaSimulator;
import dev.lambdadeploy.simulator.SimulatorCredentials;
import dev.lambdadeploy.simulator.StateSnapshot;
import hudson.model.Computer;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * {@code callsFrom: 'agent'} across a controller restart: the wait resumes on the same agent once it reconnects, with
 * the agent's own identity.
 */
class AgentModeRestartTest {

    @SuppressWarnings("unused")
    @RegisterExtension
    private static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private static final LambdaSimulator sim = LambdaSimulator.builder()
            .port(0)
            .quotas(false)
            .defaultUpdateDuration(Duration.ofMillis(500))
            .defaultCreateDuration(Duration.ZERO)
            .credentials(SimulatorCredentials.ACCESS_KEY_ID, SimulatorCredentials.SECRET_ACCESS_KEY)
            .credentials(AgentModeTest.AGENT_KEY_ID, AgentModeTest.AGENT_SECRET)
            .start();

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @Test
    void waitResumesOnTheSameAgentOnceItReconnects() throws Throwable {
        String fn = LambdaTestSupport.newFunction(sim, "agent-restart");
        sim.control().scriptStates(fn, Collections.nCopies(10_000, StateSnapshot.of("Active", "InProgress")));
        sessions.then(j -> {
            LocalAgents.createOnline(
                    j,
                    "aws-agent",
                    "aws",
                    Map.of(
                            "AWS_ACCESS_KEY_ID", AgentModeTest.AGENT_KEY_ID,
                            "AWS_SECRET_ACCESS_KEY", AgentModeTest.AGENT_SECRET),
                    List.of("AWS_SESSION_TOKEN", "AWS_PROFILE"));
            WorkflowJob p = j.createProject(WorkflowJob.class, "p");
            p.setDefinition(new CpsFlowDefinition(
                    "node('aws') {\n"
                            + "  def r = lambdaAwaitReady(functionName: '" + fn + "', waitPolicy: 'fixed', "
                            + "pollInterval: 1, maxWaitAttempts: 300, callsFrom: 'agent', region: 'us-east-1', "
                            + "endpointUrl: '" + sim.endpoint() + "')\n"
                            + "  echo \"attempts=${r.attempts} state=${r.state}/${r.lastUpdateStatus}\"\n"
                            + "}\n",
                    true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            j.waitForMessage("  Waiting... (attempt 2/300)", b);
        });
        sessions.then(j -> {
            WorkflowJob p = j.jenkins.getItemByFullName("p", WorkflowJob.class);
            assertNotNull(p);
            WorkflowRun b = p.getLastBuild();
            assertNotNull(b);
            // the agent does not come back by itself (RetentionStrategy.NOOP); the node block waits for it
            j.waitForMessage("Waiting for reconnection of aws-agent before proceeding with build", b);
            int before = sim.journal().entries().size();
            sim.control().scriptStates(fn, List.of());
            Computer agent = j.jenkins.getComputer("aws-agent");
            assertNotNull(agent);
            agent.connect(false).get();
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            j.assertLogContains("Resuming the wait for Lambda function " + fn + " after a restart", b);
            j.assertLogContains("state=Active/Successful", b);
            List<JournalEntry> after = sim
                    .journal()
                    .entries()
                    .subList(before, sim.journal().entries().size())
                    .stream()
                    .filter(e -> fn.equals(e.functionName()))
                    .toList();
            assertFalse(after.isEmpty(), "polled again after the agent reconnected");
            Set<String> keys = after.stream().map(JournalEntry::accessKeyId).collect(Collectors.toSet());
            assertEquals(Set.of(AgentModeTest.AGENT_KEY_ID), keys);
        });
    }
}
