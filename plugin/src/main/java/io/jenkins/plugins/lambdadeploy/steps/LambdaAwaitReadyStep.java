package io.jenkins.plugins.lambdadeploy.steps;

import dev.lambdadeploy.engine.AwaitReadyRequest;
import dev.lambdadeploy.engine.DeployOperation;
import dev.lambdadeploy.engine.LambdaResult;
import dev.lambdadeploy.engine.Validation;
import dev.lambdadeploy.engine.wait.WaitOutcome;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.util.FormValidation;
import io.jenkins.plugins.lambdadeploy.FormChecks;
import io.jenkins.plugins.lambdadeploy.Requests;
import io.jenkins.plugins.lambdadeploy.UserErrors;
import java.io.IOException;
import java.util.function.UnaryOperator;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code lambdaAwaitReady}: waits until the function (or a version or alias of it) is Active with its last update
 * Successful. The wait survives a controller restart. Failed fails the step with Lambda's reason; a timeout warns
 * and goes on, unless {@code failOnTimeout}.
 */
public final class LambdaAwaitReadyStep extends AbstractWaitingStep {

    private @CheckForNull String qualifier;

    @DataBoundConstructor
    public LambdaAwaitReadyStep(String functionName) {
        super(functionName);
    }

    @CheckForNull
    public String getQualifier() {
        return qualifier;
    }

    @DataBoundSetter
    public void setQualifier(@CheckForNull String qualifier) {
        this.qualifier = Util.fixEmptyAndTrim(qualifier);
    }

    @Override
    public StepExecution start(StepContext context) throws AbortException {
        return new Execution(
                this, UserErrors.checked(() -> Requests.awaitReady(this, UnaryOperator.identity())), context);
    }

    @NonNull
    @Override
    public DeployOperation prepare(@CheckForNull FilePath workspace, @NonNull UnaryOperator<String> expand) {
        AwaitReadyRequest request = Requests.awaitReady(this, expand);
        return deployer -> deployer.awaitReady(request);
    }

    static final class Execution extends LambdaStepExecution {

        private static final long serialVersionUID = 1L;

        /** What to wait for, validated when the step starts; kept so that a restart while starting can start again. */
        private final String function;

        private final @CheckForNull String qualifier;

        Execution(LambdaAwaitReadyStep step, AwaitReadyRequest request, StepContext context) {
            super(step, context);
            this.function = request.functionName();
            this.qualifier = request.qualifier();
        }

        /** Read-only until it ends, and everything it needs is persisted. */
        @Override
        protected boolean startIsRepeatable() {
            return true;
        }

        @Override
        protected void begin(@NonNull BackgroundContext context) throws Exception {
            context.resolveCredentials();
            startWait(context, function, qualifier);
        }

        @Override
        protected void afterWait(@NonNull BackgroundContext context, @NonNull WaitOutcome outcome)
                throws IOException, InterruptedException {
            complete(context, concludeWait(context, LambdaResult.empty(awaitedFunction()), outcome));
        }
    }

    @Extension
    public static final class DescriptorImpl extends AbstractLambdaStepDescriptor {

        @Override
        public String getFunctionName() {
            return "lambdaAwaitReady";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.LambdaAwaitReadyStep_DisplayName();
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
