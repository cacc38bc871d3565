package io.jenkins.plugins.lambdadeploy.steps;

import dev.lambdadeploy.engine.Validation;
import dev.lambdadeploy.engine.WaitSettings;
import dev.lambdadeploy.engine.aws.CallSite;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.lambdadeploy.FormChecks;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** Form methods and defaults of every Lambda step, in Pipeline and inside a freestyle build step. */
public abstract class AbstractLambdaStepDescriptor extends StepDescriptor {

    /**
     * No workspace and no node: S3 and image updates, waits and publishes run anywhere. A {@code zipFile} update
     * asks for the workspace itself and says so when there is none.
     */
    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, TaskListener.class);
    }

    /** The function name, so Blue Ocean and the stage view label the step with what it deploys. */
    @Override
    @CheckForNull
    public String argumentsToString(@NonNull Map<String, Object> namedArgs) {
        Object name = namedArgs.get("functionName");
        return name instanceof String s ? s : null;
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
    public ListBoxModel doFillCallsFromItems() {
        return FormChecks.fillCallsFrom();
    }

    @POST
    public FormValidation doCheckCallsFrom(@QueryParameter String value) {
        return FormChecks.check(() -> CallSite.parse(value));
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
