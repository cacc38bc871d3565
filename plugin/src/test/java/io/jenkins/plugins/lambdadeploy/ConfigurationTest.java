package io.jenkins.plugins.lambdadeploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.lambdadeploy.steps.LambdaAwaitReadyStep;
import io.jenkins.plugins.lambdadeploy.steps.LambdaPublishVersionStep;
import io.jenkins.plugins.lambdadeploy.steps.LambdaUpdateCodeStep;
import java.util.Map;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Forms, the Snippet Generator and the administrator setting. */
@WithJenkins
class ConfigurationTest {

    /** The Snippet Generator writes named arguments in alphabetical order (structs' DescribableModel, a TreeMap). */
    @Test
    void snippetGeneratorWritesWhatTheDocsShow(JenkinsRule j) throws Exception {
        SnippetizerTester snippets = new SnippetizerTester(j);
        snippets.assertRoundTrip(new LambdaAwaitReadyStep("my-function"), "lambdaAwaitReady 'my-function'");

        LambdaUpdateCodeStep update = new LambdaUpdateCodeStep("my-function");
        update.setS3Bucket("builds");
        update.setS3Key("app-1.2.3.zip");
        update.setRegion("eu-west-1");
        snippets.assertRoundTrip(
                update,
                "lambdaUpdateCode functionName: 'my-function', region: 'eu-west-1', s3Bucket: 'builds', "
                        + "s3Key: 'app-1.2.3.zip'");

        LambdaPublishVersionStep publish = new LambdaPublishVersionStep("my-function");
        publish.setDescription("prod | 1.2.3");
        publish.setMaxWaitAttempts(60);
        publish.setPollInterval(5);
        snippets.assertRoundTrip(
                publish,
                "lambdaPublishVersion description: 'prod | 1.2.3', functionName: 'my-function', "
                        + "maxWaitAttempts: 60, pollInterval: 5");
    }

    @Test
    void stepsRoundTripThroughTheirForms(JenkinsRule j) throws Exception {
        LambdaTestSupport.storeAwsCredentials(j.jenkins);
        StepConfigTester forms = new StepConfigTester(j);

        LambdaUpdateCodeStep update = new LambdaUpdateCodeStep("my-function");
        update.setImageUri("123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.2.3");
        update.setArchitectures("arm64");
        update.setCredentialsId(LambdaTestSupport.AWS_CREDENTIALS_ID);
        update.setRoleArn("arn:aws:iam::123456789012:role/deployer");
        update.setExternalId("ext-123");
        update.setWaitForReady(false);
        update.setMaxRetries(5);
        j.assertEqualDataBoundBeans(update, forms.configRoundTrip(update));

        LambdaAwaitReadyStep await = new LambdaAwaitReadyStep("my-function");
        await.setQualifier("prod");
        await.setWaitPolicy("fixed");
        await.setPollInterval(10);
        await.setFailOnTimeout(true);
        j.assertEqualDataBoundBeans(await, forms.configRoundTrip(await));

        LambdaPublishVersionStep publish = new LambdaPublishVersionStep("my-function");
        publish.setDescription("prod | 1.2.3");
        publish.setRollback(true);
        publish.setEndpointUrl("http://127.0.0.1:4566");
        publish.setUnstableOnWarning(true);
        j.assertEqualDataBoundBeans(publish, forms.configRoundTrip(publish));
    }

    @Test
    void defaultsAreTheSpecs(JenkinsRule j) {
        LambdaPublishVersionStep step = new LambdaPublishVersionStep("my-function");
        assertEquals(30, step.getMaxWaitAttempts());
        assertEquals(2, step.getPollInterval());
        assertEquals(3, step.getMaxRetries());
        assertEquals("adaptive", step.getWaitPolicy());
        assertFalse(step.isFailOnTimeout());
        assertTrue(step.isWaitForReady());
        assertFalse(step.isRollback());
    }

    @Test
    void stepsAreLabelledWithTheFunction(JenkinsRule j) {
        LambdaAwaitReadyStep.DescriptorImpl descriptor =
                j.jenkins.getDescriptorByType(LambdaAwaitReadyStep.DescriptorImpl.class);
        assertEquals(
                "my-function",
                descriptor.argumentsToString(Map.of("functionName", "my-function", "region", "eu-west-1")));
    }

    @Test
    void globalConfigurationRoundTripsThroughItsFormAndDisk(JenkinsRule j) throws Exception {
        LambdaDeployConfiguration.get().setAllowControllerCredentials(true);
        j.configRoundtrip();
        assertTrue(LambdaDeployConfiguration.get().isAllowControllerCredentials());
        assertTrue(new LambdaDeployConfiguration().isAllowControllerCredentials(), "saved");
        LambdaDeployConfiguration.get().setAllowControllerCredentials(false);
        j.configRoundtrip();
        assertFalse(LambdaDeployConfiguration.get().isAllowControllerCredentials());
        assertFalse(new LambdaDeployConfiguration().isAllowControllerCredentials(), "saved");
    }

    @Test
    void controllerCredentialsAreOffByDefault(JenkinsRule j) {
        LambdaDeployConfiguration configuration = LambdaDeployConfiguration.get();
        assertFalse(configuration.isAllowControllerCredentials());
        configuration.setAllowControllerCredentials(true);
        assertTrue(LambdaDeployConfiguration.get().isAllowControllerCredentials());
    }
}
