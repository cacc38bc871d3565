package io.jenkins.plugins.lambdadeploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import hudson.slaves.DumbSlave;
import java.util.List;
import java.util.Map;
import jenkins.security.MasterToSlaveCallable;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** An agent in a JVM of its own connects, runs a Pipeline's {@code sh} and callables, with its own environment. */
@WithJenkins
class AgentProbeTest {

    @Test
    void agentRunsShAndCallablesInItsOwnProcessAndEnvironment(JenkinsRule j) throws Exception {
        DumbSlave agent = LocalAgents.createOnline(
                j, "probe-agent", "probe", Map.of("AGENT_PROBE", "agent-only"), List.of("AGENT_PROBE_REMOVED"));

        long agentPid = agent.getChannel().call(new Pid());
        assertNotEquals(ProcessHandle.current().pid(), agentPid);
        assertEquals("agent-only", agent.getChannel().call(new Env("AGENT_PROBE")));
        assertNull(System.getenv("AGENT_PROBE"));

        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(
                "node('probe') { sh 'echo \"probe=$AGENT_PROBE pid=$PPID\"' ; echo \"on ${env.NODE_NAME}\" }", true));
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("probe=agent-only", b);
        j.assertLogContains("on probe-agent", b);
    }

    private static final class Pid extends MasterToSlaveCallable<Long, RuntimeException> {
        @Override
        public Long call() {
            return ProcessHandle.current().pid();
        }
    }

    private static final class Env extends MasterToSlaveCallable<String, RuntimeException> {
        private final String name;

        Env(String name) {
            this.name = name;
        }

        @Override
        public String call() {
            return System.getenv(name);
        }
    }
}
