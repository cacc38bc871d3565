package io.jenkins.plugins.lambdadeploy.steps;

import dev.lambdadeploy.engine.UpdateCodeRequest;
import dev.lambdadeploy.engine.Validation;
import hudson.util.FormValidation;
import io.jenkins.plugins.lambdadeploy.FormChecks;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** Form methods of the steps that change the function: they take an unqualified name, a revision and retries. */
public abstract class AbstractFunctionChangingStepDescriptor extends AbstractLambdaStepDescriptor {

    public int getDefaultMaxRetries() {
        return UpdateCodeRequest.DEFAULT_MAX_RETRIES;
    }

    @POST
    public FormValidation doCheckFunctionName(@QueryParameter String value) {
        return FormChecks.check(() -> Validation.unqualifiedFunctionName(value));
    }

    @POST
    public FormValidation doCheckRevisionId(@QueryParameter String value) {
        return FormChecks.check(() -> Validation.revisionId(value));
    }

    @POST
    public FormValidation doCheckMaxRetries(@QueryParameter String value) {
        return FormChecks.checkMaxRetries(value);
    }
}
