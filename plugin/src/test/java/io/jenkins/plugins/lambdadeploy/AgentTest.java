package io.jenkins.plugins.lambdadeploy;

import static io.jenkins.plugins.lambdadeploy.LambdaTestSupport.AWS_CREDENTIALS_ID;
import static io.jenkins.plugins.lambdadeploy.LambdaTestSupport.connection;

import dev.lambdadeploy.simulator.LambdaSimulator;
import hudson.model.Label;
import hudson.model.Slave;
import java.util.Base64;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Steps inside a {@code node} block on an agent in a JVM of its own. Tagged full-jenkins: agents cannot connect to the
 * Jenkins of ../shared/jenkins (its core lacks the filtered {@code remoting-info.properties}).
 */
@Tag("full-jenkins")
@WithJenkins
class AgentTest {

    private static final LambdaSimulator sim = LambdaTestSupport.simulator();

    @Test
    void zipFileIsReadOnTheAgentThatHasIt(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        Slave agent = j.createOnlineSlave(Label.get("remote"));
        String fn = LambdaTestSupport.newFunction(sim, "agent-zip");
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(
                "node('remote') {\n"
                        + "  writeFile(file: 'dist/app.zip', text: '"
                        + Base64.getEncoder().encodeToString(LambdaTestSupport.EMPTY_ZIP) + "', encoding: 'Base64')\n"
                        + "  def up = lambdaUpdateCode(functionName: '" + fn + "', zipFile: 'dist/app.zip', "
                        + connection(sim, AWS_CREDENTIALS_ID) + ")\n"
                        + "  echo \"sha=${up.codeSha256} on ${env.NODE_NAME}\"\n"
                        + "}\n",
                true));
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("code: zip dist/app.zip (" + LambdaTestSupport.EMPTY_ZIP.length + " bytes)", b);
        j.assertLogContains("sha=" + sim.control().inspect(fn).codeSha256() + " on " + agent.getNodeName(), b);
    }
}
