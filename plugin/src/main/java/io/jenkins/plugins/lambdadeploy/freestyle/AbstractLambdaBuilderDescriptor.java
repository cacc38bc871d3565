package io.jenkins.plugins.lambdadeploy.freestyle;

import dev.lambdadeploy.engine.Validation;
import dev.lambdadeploy.engine.WaitSettings;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.lambdadeploy.FormChecks;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Form methods shared by the three build steps' descriptors. Field help is the Pipeline step's: one text per field.
 */
public abstract class LambdaDeployBuilderDescriptor extends BuildStepDescriptor<Builder> {

    private static final List<String> COMMON_FIELDS = List.of("region", "credentialsId", "roleArn", "externalId",
            "roleSessionName", "endpointUrl", "maxWaitAttempts", "pollInterval", "waitPolicy", "failOnTimeout",
            "unstableOnWarning");

    /** @param step the Pipeline step whose help texts this build step shows for the fields it shares */
    protected LambdaDeployBuilderDescriptor(Class<? extends Step> step, String... fields) {
        for (String field : COMMON_FIELDS) {
            addHelpFileRedirect(field, step, field);
        }
        for (String field : fields) {
            addHelpFileRedirect(field, step, field);
        }
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isApplicable(Class<? extends AbstractProject> jobType) {
        return true;
    }

    public int getDefaultMaxWaitAttempts() {
        return WaitSettings.DEFAULTS.maxWaitAttempts();
    }

    public long getDefaultPollInterval() {
        return WaitSettings.DEFAULTS.pollInterval().toSeconds();
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
        return FormChecks.fillCredentials(item, credentialsId);
    }

    @POST
    public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
        return FormChecks.checkCredentials(item, value);
    }

    @POST
    public ListBoxModel doFillWaitPolicyItems() {
        return FormChecks.fillWaitPolicy();
    }

    @POST
    public FormValidation doCheckRegion(@QueryParameter String value) {
        return FormChecks.check(() -> Validation.region(value));
    }

    @POST
    public FormValidation doCheckRoleArn(@QueryParameter String value) {
        return FormChecks.check(() -> Validation.roleArn(value));
    }

    @POST
    public FormValidation doCheckExternalId(@QueryParameter String value) {
        return FormChecks.check(() -> Validation.externalId(value));
    }

    @POST
    public FormValidation doCheckRoleSessionName(@QueryParameter String value) {
        return FormChecks.check(() -> Validation.roleSessionName(value));
    }

    @POST
    public FormValidation doCheckEndpointUrl(@QueryParameter String value) {
        return FormChecks.check(() -> Validation.endpointUrl(value));
    }

    @POST
    public FormValidation doCheckMaxWaitAttempts(@QueryParameter String value) {
        return FormChecks.checkMaxWaitAttempts(value);
    }

    @POST
    public FormValidation doCheckPollInterval(@QueryParameter String value) {
        return FormChecks.checkPollInterval(value);
    }
}
