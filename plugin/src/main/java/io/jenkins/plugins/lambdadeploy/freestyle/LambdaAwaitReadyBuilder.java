package io.jenkins.plugins.lambdadeploy.freestyle;

import dev.lambdadeploy.engine.AwaitReadyRequest;
import dev.lambdadeploy.engine.Validation;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.util.FormValidation;
import io.jenkins.plugins.lambdadeploy.AwaitReadyParameters;
import io.jenkins.plugins.lambdadeploy.FormChecks;
import io.jenkins.plugins.lambdadeploy.Requests;
import io.jenkins.plugins.lambdadeploy.steps.LambdaAwaitReadyStep;
import java.util.function.UnaryOperator;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** The freestyle form of {@code lambdaAwaitReady}. */
public final class LambdaAwaitReadyBuilder extends LambdaDeployBuilder implements AwaitReadyParameters {

    private @CheckForNull String qualifier;

    @DataBoundConstructor
    public LambdaAwaitReadyBuilder(String functionName) {
        super(functionName);
    }

    @Override
    @CheckForNull
    public String getQualifier() {
        return qualifier;
    }

    @DataBoundSetter
    public void setQualifier(@CheckForNull String qualifier) {
        this.qualifier = Util.fixEmptyAndTrim(qualifier);
    }

    @NonNull
    @Override
    protected Operation prepare(@CheckForNull FilePath workspace, @NonNull UnaryOperator<String> expand) {
        AwaitReadyRequest request = Requests.awaitReady(this, expand);
        return deployer -> deployer.awaitReady(request);
    }

    @Extension
    @Symbol("lambdaAwaitReadyBuilder")
    public static final class DescriptorImpl extends LambdaDeployBuilderDescriptor {

        public DescriptorImpl() {
            super(LambdaAwaitReadyStep.class, "functionName", "qualifier");
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.LambdaAwaitReadyBuilder_DisplayName();
        }

        @POST
        public FormValidation doCheckFunctionName(@QueryParameter String value) {
            return FormChecks.check(() -> Validation.functionName(value));
        }

        @POST
        public FormValidation doCheckQualifier(@QueryParameter String value) {
            return FormChecks.check(() -> Validation.qualifier(value));
        }
    }
}
