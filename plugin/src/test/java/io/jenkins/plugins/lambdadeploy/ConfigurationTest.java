package io.jenkins.plugins.lambdadeploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleProject;
import io.jenkins.plugins.lambdadeploy.freestyle.LambdaCleanupVersionsBuilder;
import io.jenkins.plugins.lambdadeploy.freestyle.LambdaUpdateAliasBuilder;
import io.jenkins.plugins.lambdadeploy.steps.LambdaAwaitReadyStep;
import io.jenkins.plugins.lambdadeploy.steps.LambdaCleanupVersionsStep;
import io.jenkins.plugins.lambdadeploy.steps.LambdaDeployStep;
import io.jenkins.plugins.lambdadeploy.steps.LambdaPublishVersionStep;
import io.jenkins.plugins.lambdadeploy.steps.LambdaUpdateAliasStep;
import io.jenkins.plugins.lambdadeploy.steps.LambdaUpdateCodeStep;
import io.jenkins.plugins.lambdadeploy.steps.LambdaUpdateConfigurationStep;
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
    void releaseStepsRoundTripThroughTheirForms(JenkinsRule j) throws Exception {
        StepConfigTester forms = new StepConfigTester(j);

        LambdaUpdateConfigurationStep configuration = new LambdaUpdateConfigurationStep("my-function");
        configuration.setEnvironment("LOG_LEVEL=debug\nFEATURE=on");
        configuration.setEnvironmentMode("replace");
        configuration.setMemorySize(1024);
        configuration.setTimeout(30);
        configuration.setLayers("arn:aws:lambda:eu-west-1:123456789012:layer:deps:3");
        configuration.setDryRun(true);
        j.assertEqualDataBoundBeans(configuration, forms.configRoundTrip(configuration));
        LambdaUpdateConfigurationStep unchanged = new LambdaUpdateConfigurationStep("my-function");
        j.assertEqualDataBoundBeans(unchanged, forms.configRoundTrip(unchanged));

        LambdaUpdateAliasStep alias = new LambdaUpdateAliasStep("my-function", "live", "7");
        alias.setShift("Canary10Percent5Minutes");
        alias.setAlarms("my-function-errors, my-function-latency");
        alias.setOnAlarm("unstable");
        alias.setAlarmPollInterval(60);
        alias.setCreateIfMissing(true);
        j.assertEqualDataBoundBeans(alias, forms.configRoundTrip(alias));

        LambdaCleanupVersionsStep cleanup = new LambdaCleanupVersionsStep("my-function");
        cleanup.setKeepVersions(10);
        cleanup.setKeepYoungerThan("30d");
        j.assertEqualDataBoundBeans(cleanup, forms.configRoundTrip(cleanup));

        LambdaDeployStep deploy = new LambdaDeployStep("my-function");
        deploy.setS3Bucket("builds");
        deploy.setS3Key("app-1.2.3.zip");
        deploy.setDescription("1.2.3");
        deploy.setAlias("live");
        deploy.setShift("10%:5m,50%:10m");
        deploy.setAlarms("my-function-errors");
        deploy.setMaxWaitAttempts(60);
        j.assertEqualDataBoundBeans(deploy, forms.configRoundTrip(deploy));
    }

    @Test
    void releaseBuildStepsRoundTripThroughTheJobForm(JenkinsRule j) throws Exception {
        LambdaCleanupVersionsStep cleanup = new LambdaCleanupVersionsStep("my-function");
        cleanup.setKeepVersions(5);
        LambdaUpdateAliasStep alias = new LambdaUpdateAliasStep("my-function", "live", "${LAMBDA_VERSION}");
        alias.setShift("Linear10PercentEvery1Minute");
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(new LambdaCleanupVersionsBuilder(cleanup));
        p.getBuildersList().add(new LambdaUpdateAliasBuilder(alias));
        j.configRoundtrip(p);
        j.assertEqualDataBoundBeans(
                cleanup,
                p.getBuildersList().get(LambdaCleanupVersionsBuilder.class).getStep());
        j.assertEqualDataBoundBeans(
                alias, p.getBuildersList().get(LambdaUpdateAliasBuilder.class).getStep());
    }

    @Test
    void releaseSnippetsAreWhatTheDocsShow(JenkinsRule j) throws Exception {
        SnippetizerTester snippets = new SnippetizerTester(j);
        LambdaUpdateAliasStep alias = new LambdaUpdateAliasStep("my-function", "live", "7");
        alias.setShift("Canary10Percent5Minutes");
        alias.setAlarms("my-function-errors");
        snippets.assertRoundTrip(
                alias,
                "lambdaUpdateAlias alarms: 'my-function-errors', alias: 'live', functionName: 'my-function', "
                        + "shift: 'Canary10Percent5Minutes', version: '7'");
        LambdaCleanupVersionsStep cleanup = new LambdaCleanupVersionsStep("my-function");
        cleanup.setKeepVersions(10);
        snippets.assertRoundTrip(cleanup, "lambdaCleanupVersions functionName: 'my-function', keepVersions: 10");
    }

    @Test
    void aliasStepsAreLabelledWithTheFunctionAndTheAlias(JenkinsRule j) {
        LambdaDeployStep.DescriptorImpl descriptor =
                j.jenkins.getDescriptorByType(LambdaDeployStep.DescriptorImpl.class);
        assertEquals(
                "my-function (alias live)",
                descriptor.argumentsToString(Map.of("functionName", "my-function", "alias", "live")));
        assertEquals("my-function", descriptor.argumentsToString(Map.of("functionName", "my-function")));
    }

    /** The configuration fields are checked the same in both forms that have them, lambdaDeploy's included. */
    @Test
    void configurationFieldsAreCheckedInEveryFormThatHasThem(JenkinsRule j) {
        for (Class<? extends hudson.model.Descriptor<?>> type : java.util.List.of(
                LambdaUpdateConfigurationStep.DescriptorImpl.class, LambdaDeployStep.DescriptorImpl.class)) {
            hudson.model.Descriptor<?> d = j.jenkins.getDescriptorByType(type);
            for (String field : java.util.List.of(
                    "memorySize", "timeout", "ephemeralStorage", "handler", "runtime", "layers", "environment")) {
                assertTrue(d.getCheckMethod(field).getDependsOn() != null, type.getSimpleName() + " checks " + field);
            }
            io.jenkins.plugins.lambdadeploy.steps.ConfigurationFieldChecks checks =
                    (io.jenkins.plugins.lambdadeploy.steps.ConfigurationFieldChecks) d;
            assertEquals(hudson.util.FormValidation.Kind.ERROR, checks.doCheckMemorySize("64").kind);
            assertEquals(hudson.util.FormValidation.Kind.OK, checks.doCheckMemorySize("512").kind);
            assertEquals(hudson.util.FormValidation.Kind.ERROR, checks.doCheckTimeout("0").kind);
            assertEquals(hudson.util.FormValidation.Kind.ERROR, checks.doCheckEnvironment("NO_EQUALS_SIGN").kind);
            assertEquals(hudson.util.FormValidation.Kind.OK, checks.doCheckEnvironment("STAGE=prod").kind);
        }
    }

    @Test
    void defaultsAreTheSpecs(JenkinsRule j) {
        LambdaPublishVersionStep step = new LambdaPublishVersionStep("my-function");
        assertEquals(30, step.getMaxWaitAttempts());
        assertEquals(2, step.getPollInterval());
        assertEquals(3, step.getMaxRetries());
        assertEquals("history", step.getWaitPolicy());
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
    void callsFromDefaultRoundTripsThroughTheFormAndDisk(JenkinsRule j) throws Exception {
        assertEquals("controller", LambdaDeployConfiguration.get().getCallsFrom());
        LambdaDeployConfiguration.get().setCallsFrom("agent");
        j.configRoundtrip();
        assertEquals("agent", LambdaDeployConfiguration.get().getCallsFrom());
        assertEquals("agent", new LambdaDeployConfiguration().getCallsFrom(), "saved");
        LambdaDeployConfiguration.get().setCallsFrom("controller");
        j.configRoundtrip();
        assertEquals("controller", LambdaDeployConfiguration.get().getCallsFrom());
        assertEquals("controller", new LambdaDeployConfiguration().getCallsFrom(), "saved");
    }

    @Test
    void controllerCredentialsAreOffByDefault(JenkinsRule j) {
        LambdaDeployConfiguration configuration = LambdaDeployConfiguration.get();
        assertFalse(configuration.isAllowControllerCredentials());
        configuration.setAllowControllerCredentials(true);
        assertTrue(LambdaDeployConfiguration.get().isAllowControllerCredentials());
    }
}
