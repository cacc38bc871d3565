package io.jenkins.plugins.lambdadeploy;

import static io.jenkins.plugins.lambdadeploy.LambdaTestSupport.AWS_CREDENTIALS_ID;
import static io.jenkins.plugins.lambdadeploy.LambdaTestSupport.connection;
import static io.jenkins.plugins.lambdadeploy.LambdaTestSupport.grep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdadeploy.simulator.LambdaSimulator;
import dev.lambdadeploy.simulator.SimulatorCredentials;
import dev.lambdadeploy.simulator.StateSnapshot;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** A wait goes on after a controller restart with its deadline and count of polls, as {@code sleep} does. */
class RestartSurvivingWaitTest {

    @SuppressWarnings("unused")
    @RegisterExtension
    private static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private static LambdaSimulator sim;

    @BeforeAll
    static void startSimulator() {
        sim = LambdaTestSupport.startSimulator();
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @Test
    void waitSurvivesARestart() throws Throwable {
        String fn = LambdaTestSupport.newFunction(sim, "restart");
        // the function looks busy until the second session says otherwise
        sim.control().scriptStates(fn, Collections.nCopies(10_000, StateSnapshot.of("Active", "InProgress")));
        sessions.then(j -> {
            LambdaTestSupport.storeAwsCredentials(j.jenkins);
            WorkflowJob p = j.createProject(WorkflowJob.class, "p");
            p.setDefinition(new CpsFlowDefinition(""
                    + "def r = lambdaAwaitReady(functionName: '" + fn + "', waitPolicy: 'fixed', pollInterval: 1, "
                    + "maxWaitAttempts: 300, " + connection(sim, AWS_CREDENTIALS_ID) + ")\n"
                    + "echo \"attempts=${r.attempts} state=${r.state}/${r.lastUpdateStatus}\"\n", true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            j.waitForMessage("  Waiting... (attempt 2/300)", b);
        });
        sessions.then(j -> {
            WorkflowJob p = j.jenkins.getItemByFullName("p", WorkflowJob.class);
            assertNotNull(p);
            WorkflowRun b = p.getLastBuild();
            assertNotNull(b);
            assertEquals(Collections.emptySet(), grep(b.getRootDir(), SimulatorCredentials.SECRET_ACCESS_KEY),
                    "the persisted wait holds no secret");
            sim.control().scriptStates(fn, List.of());
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            j.assertLogContains("✅ Lambda function is ready for version publishing", b);
            j.assertLogContains("state=Active/Successful", b);
            Matcher attempts = Pattern.compile("attempts=(\\d+)").matcher(JenkinsRule.getLog(b));
            assertTrue(attempts.find());
            assertTrue(Integer.parseInt(attempts.group(1)) >= 3, "polls before the restart count: " + attempts.group());
            assertEquals(Collections.emptySet(), grep(b.getRootDir(), SimulatorCredentials.SECRET_ACCESS_KEY));
        });
    }
}
