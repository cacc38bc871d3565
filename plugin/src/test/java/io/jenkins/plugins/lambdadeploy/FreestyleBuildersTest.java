package io.jenkins.plugins.lambdadeploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsParameterDefinition;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import dev.lambdadeploy.simulator.LambdaSimulator;
import dev.lambdadeploy.simulator.SimulatorCredentials;
import hudson.EnvVars;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Result;
import hudson.model.TaskListener;
import hudson.tasks.Builder;
import io.jenkins.plugins.lambdadeploy.freestyle.LambdaAwaitReadyBuilder;
import io.jenkins.plugins.lambdadeploy.freestyle.LambdaPublishVersionBuilder;
import io.jenkins.plugins.lambdadeploy.freestyle.LambdaUpdateCodeBuilder;
import io.jenkins.plugins.lambdadeploy.steps.AbstractLambdaStep;
import io.jenkins.plugins.lambdadeploy.steps.LambdaAwaitReadyStep;
import io.jenkins.plugins.lambdadeploy.steps.LambdaPublishVersionStep;
import io.jenkins.plugins.lambdadeploy.steps.LambdaUpdateCodeStep;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The build steps of freestyle jobs: same engine, results exported to the steps after them. */
@WithJenkins
class FreestyleBuildersTest {

    private static final LambdaSimulator sim = LambdaTestSupport.simulator();

    @Test
    void updateAndPublishExportTheirResults(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        String fn = LambdaTestSupport.newFunction(sim, "freestyle");
        LambdaUpdateCodeStep update = connect(new LambdaUpdateCodeStep(fn));
        update.setS3Bucket("builds");
        update.setS3Key("app-1.zip");
        LambdaPublishVersionStep publish = connect(new LambdaPublishVersionStep(fn));
        publish.setDescription("freestyle");
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(new LambdaUpdateCodeBuilder(update));
        p.getBuildersList().add(new LambdaPublishVersionBuilder(publish));

        FreeStyleBuild b = j.buildAndAssertSuccess(p);
        j.assertLogContains("✅ Lambda function updated successfully!", b);
        j.assertLogNotContains(SimulatorCredentials.SECRET_ACCESS_KEY, b);
        EnvVars env = b.getEnvironment(TaskListener.NULL);
        assertEquals("1", env.get("LAMBDA_VERSION"));
        String arn = env.get("LAMBDA_FUNCTION_ARN");
        assertNotNull(arn);
        assertTrue(arn.startsWith(sim.control().inspect(fn).arn()), arn);
        assertEquals(sim.control().inspect(fn).codeSha256(), env.get("LAMBDA_CODE_SHA256"));
        assertNotNull(env.get("LAMBDA_REVISION_ID"));
        assertNull(env.get("AWS_SECRET_ACCESS_KEY"));
        assertEquals(
                Collections.emptySet(), LambdaTestSupport.grep(b.getRootDir(), SimulatorCredentials.SECRET_ACCESS_KEY));
    }

    @Test
    void fieldsExpandBuildVariablesSoAPublishPinsTheCodeOfTheUpdateBeforeIt(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        String fn = LambdaTestSupport.newFunction(sim, "freestyle-expand");
        LambdaUpdateCodeStep update = connect(new LambdaUpdateCodeStep(fn));
        update.setS3Bucket("builds");
        update.setS3Key("app-${BUILD_NUMBER}.zip");
        update.setWaitForReady(false);
        LambdaPublishVersionStep publish = connect(new LambdaPublishVersionStep(fn));
        publish.setCodeSha256("${LAMBDA_CODE_SHA256}");
        publish.setDescription("build ${BUILD_NUMBER}");
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(new LambdaUpdateCodeBuilder(update));
        p.getBuildersList().add(new LambdaPublishVersionBuilder(publish));

        FreeStyleBuild b = j.buildAndAssertSuccess(p);
        j.assertLogContains("code: s3://builds/app-1.zip", b);
        assertEquals("build 1", sim.control().inspect(fn).versions().get(0).description());
        assertEquals(
                sim.control().inspect(fn).codeSha256(),
                sim.control().inspect(fn).versions().get(0).codeSha256());
    }

    @Test
    void failedUpdateFailsTheBuild(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        String fn = LambdaTestSupport.newFunction(sim, "freestyle-failed");
        sim.control().failNextUpdate(fn, "InvalidZipFileException", "Could not unzip uploaded file.");
        LambdaUpdateCodeStep update = connect(new LambdaUpdateCodeStep(fn));
        update.setS3Bucket("builds");
        update.setS3Key("broken.zip");
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(new LambdaUpdateCodeBuilder(update));
        FreeStyleBuild b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        j.assertLogContains("Could not unzip uploaded file.", b);
        j.assertLogNotContains("\tat ", b);
    }

    @Test
    void aCredentialsParameterIsPassedToTheCredentialsPluginUnexpanded(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        String fn = LambdaTestSupport.newFunction(sim, "freestyle-param");
        LambdaAwaitReadyStep await = connect(new LambdaAwaitReadyStep(fn));
        await.setCredentialsId("${AWS_CREDENTIALS}");
        FreeStyleProject p = j.createFreeStyleProject();
        p.addProperty(new ParametersDefinitionProperty(new CredentialsParameterDefinition(
                "AWS_CREDENTIALS",
                "",
                LambdaTestSupport.AWS_CREDENTIALS_ID,
                AmazonWebServicesCredentials.class.getName(),
                true)));
        p.getBuildersList().add(new LambdaAwaitReadyBuilder(await));
        FreeStyleBuild b = j.buildAndAssertSuccess(p);
        j.assertLogContains("is ready", b);
        assertTrue(
                CredentialsProvider.getFingerprintOf(
                                LambdaTestSupport.storedCredentials(LambdaTestSupport.AWS_CREDENTIALS_ID))
                        .getRangeSet(p)
                        .includes(b.getNumber()),
                "the parameter's credential is tracked against the build");
    }

    @Test
    void configRoundTrip(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        LambdaUpdateCodeStep update = new LambdaUpdateCodeStep("my-function");
        update.setS3Bucket("builds");
        update.setS3Key("app-1.2.3.zip");
        update.setRegion("eu-west-1");
        update.setCredentialsId(LambdaTestSupport.AWS_CREDENTIALS_ID);
        update.setArchitectures("arm64");
        update.setMaxWaitAttempts(60);
        update.setWaitPolicy("fixed");
        roundTrips(j, new LambdaUpdateCodeBuilder(update));

        LambdaAwaitReadyStep await = new LambdaAwaitReadyStep("my-function");
        await.setQualifier("prod");
        await.setFailOnTimeout(true);
        roundTrips(j, new LambdaAwaitReadyBuilder(await));

        LambdaPublishVersionStep publish = new LambdaPublishVersionStep("my-function");
        publish.setDescription("prod | 1.2.3");
        publish.setRollback(true);
        publish.setUnstableOnWarning(true);
        roundTrips(j, new LambdaPublishVersionBuilder(publish));
    }

    /** Through the build step's form, which shows its step's form inline, and back, and through the saved job. */
    private static void roundTrips(JenkinsRule j, Builder builder) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(builder);
        j.configRoundtrip(p);
        Builder fromForm = p.getBuildersList().get(0);
        j.assertEqualDataBoundBeans(builder, fromForm);
        p.doReload();
        j.assertEqualDataBoundBeans(
                builder,
                j.jenkins
                        .getItemByFullName(p.getFullName(), FreeStyleProject.class)
                        .getBuildersList()
                        .get(0));
    }

    private static <S extends AbstractLambdaStep> S connect(S step) {
        return LambdaTestSupport.connect(sim, step);
    }
}
