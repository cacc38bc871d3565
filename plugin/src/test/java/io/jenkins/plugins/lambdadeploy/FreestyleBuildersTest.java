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
import io.jenkins.plugins.lambdadeploy.freestyle.LambdaAwaitReadyBuilder;
import io.jenkins.plugins.lambdadeploy.freestyle.LambdaDeployBuilder;
import io.jenkins.plugins.lambdadeploy.freestyle.LambdaPublishVersionBuilder;
import io.jenkins.plugins.lambdadeploy.freestyle.LambdaUpdateCodeBuilder;
import java.util.Collections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The build steps of freestyle jobs: same engine, results exported to the steps after them. */
@WithJenkins
class FreestyleBuildersTest {

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
    void updateAndPublishExportTheirResults(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        String fn = LambdaTestSupport.newFunction(sim, "freestyle");
        LambdaUpdateCodeBuilder update = connect(new LambdaUpdateCodeBuilder(fn));
        update.setS3Bucket("builds");
        update.setS3Key("app-1.zip");
        LambdaPublishVersionBuilder publish = connect(new LambdaPublishVersionBuilder(fn));
        publish.setDescription("freestyle");
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(update);
        p.getBuildersList().add(publish);

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
        assertEquals(Collections.emptySet(),
                LambdaTestSupport.grep(b.getRootDir(), SimulatorCredentials.SECRET_ACCESS_KEY));
    }

    @Test
    void fieldsExpandBuildVariablesSoAPublishPinsTheCodeOfTheUpdateBeforeIt(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        String fn = LambdaTestSupport.newFunction(sim, "freestyle-expand");
        LambdaUpdateCodeBuilder update = connect(new LambdaUpdateCodeBuilder(fn));
        update.setS3Bucket("builds");
        update.setS3Key("app-${BUILD_NUMBER}.zip");
        update.setWaitForReady(false);
        LambdaPublishVersionBuilder publish = connect(new LambdaPublishVersionBuilder(fn));
        publish.setCodeSha256("${LAMBDA_CODE_SHA256}");
        publish.setDescription("build ${BUILD_NUMBER}");
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(update);
        p.getBuildersList().add(publish);

        FreeStyleBuild b = j.buildAndAssertSuccess(p);
        j.assertLogContains("code: s3://builds/app-1.zip", b);
        assertEquals("build 1", sim.control().inspect(fn).versions().get(0).description());
        assertEquals(sim.control().inspect(fn).codeSha256(), sim.control().inspect(fn).versions().get(0).codeSha256());
    }

    @Test
    void failedUpdateFailsTheBuild(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        String fn = LambdaTestSupport.newFunction(sim, "freestyle-failed");
        sim.control().failNextUpdate(fn, "InvalidZipFileException", "Could not unzip uploaded file.");
        LambdaUpdateCodeBuilder update = connect(new LambdaUpdateCodeBuilder(fn));
        update.setS3Bucket("builds");
        update.setS3Key("broken.zip");
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(update);
        FreeStyleBuild b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        j.assertLogContains("Could not unzip uploaded file.", b);
        j.assertLogNotContains("\tat ", b);
    }

    @Test
    void aCredentialsParameterIsPassedToTheCredentialsPluginUnexpanded(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        String fn = LambdaTestSupport.newFunction(sim, "freestyle-param");
        LambdaAwaitReadyBuilder await = connect(new LambdaAwaitReadyBuilder(fn));
        await.setCredentialsId("${AWS_CREDENTIALS}");
        FreeStyleProject p = j.createFreeStyleProject();
        p.addProperty(new ParametersDefinitionProperty(new CredentialsParameterDefinition("AWS_CREDENTIALS", "",
                LambdaTestSupport.AWS_CREDENTIALS_ID, AmazonWebServicesCredentials.class.getName(), true)));
        p.getBuildersList().add(await);
        FreeStyleBuild b = j.buildAndAssertSuccess(p);
        j.assertLogContains("is ready", b);
        assertTrue(CredentialsProvider.getFingerprintOf(LambdaTestSupport.storedCredentials(
                LambdaTestSupport.AWS_CREDENTIALS_ID)).getRangeSet(p).includes(b.getNumber()),
                "the parameter's credential is tracked against the build");
    }

    @Test
    void configRoundTrip(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        LambdaUpdateCodeBuilder update = new LambdaUpdateCodeBuilder("my-function");
        update.setS3Bucket("builds");
        update.setS3Key("app-1.2.3.zip");
        update.setRegion("eu-west-1");
        update.setCredentialsId(LambdaTestSupport.AWS_CREDENTIALS_ID);
        update.setArchitectures("arm64");
        update.setMaxWaitAttempts(60);
        update.setWaitPolicy("fixed");
        j.assertEqualDataBoundBeans(update, j.configRoundtrip(update));

        LambdaAwaitReadyBuilder await = new LambdaAwaitReadyBuilder("my-function");
        await.setQualifier("prod");
        await.setFailOnTimeout(true);
        j.assertEqualDataBoundBeans(await, j.configRoundtrip(await));

        LambdaPublishVersionBuilder publish = new LambdaPublishVersionBuilder("my-function");
        publish.setDescription("prod | 1.2.3");
        publish.setRollback(true);
        publish.setUnstableOnWarning(true);
        j.assertEqualDataBoundBeans(publish, j.configRoundtrip(publish));
    }

    private static <B extends LambdaDeployBuilder> B connect(B builder) {
        builder.setRegion("us-east-1");
        builder.setEndpointUrl(sim.endpoint().toString());
        builder.setCredentialsId(LambdaTestSupport.AWS_CREDENTIALS_ID);
        return builder;
    }
}
