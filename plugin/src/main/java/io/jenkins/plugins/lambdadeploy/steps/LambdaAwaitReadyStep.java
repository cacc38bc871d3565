package io.jenkins.plugins.lambdadeploy.steps;

import dev.lambdadeploy.engine.AwaitReadyRequest;
import dev.lambdadeploy.engine.LambdaResult;
import dev.lambdadeploy.engine.Validation;
import dev.lambdadeploy.engine.WaitConclusion;
import dev.lambdadeploy.engine.wait.WaitOutcome;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.Extension;
import hudson.Util;
import hudson.util.FormValidation;
import io.jenkins.plugins.lambdadeploy.AwaitReadyParameters;
import io.jenkins.plugins.lambdadeploy.FormChecks;
import io.jenkins.plugins.lambdadeploy.Requests;
import java.util.function.UnaryOperator;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * {@code lambdaAwaitReady}: waits until the function (or a version or alias of it) is Active with its last update
 * Successful. The wait survives a controller restart. Failed fails the step with Lambda's reason; a timeout warns
 * and goes on, unless {@code failOnTimeout}.
 */
public final class LambdaAwaitReadyStep extends LambdaDeployStep implements AwaitReadyParameters {

    private @CheckForNull String qualifier;

    @DataBoundConstructor
    public LambdaAwaitReadyStep(String functionName) {
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

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    static final class Execution extends LambdaStepExecution {

        private static final long serialVersionUID = 1L;

        @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "Only used when starting.")
        private final transient LambdaAwaitReadyStep step;

        Execution(LambdaAwaitReadyStep step, StepContext context) {
            super(step, context);
            this.step = step;
        }

        @Override
        protected void begin(@NonNull Call call) throws Exception {
            AwaitReadyRequest request = Requests.awaitReady(step, UnaryOperator.identity());
            connect(step, call);
            startWait(call, request.functionName(), request.qualifier());
        }

        @NonNull
        @Override
        protected LambdaResult afterWait(@NonNull Call call, @NonNull WaitOutcome outcome) {
            WaitConclusion.conclude(waitFunction(), outcome, waitSettings(), WaitConclusion.Next.CONTINUE, call.log());
            return WaitConclusion.record(LambdaResult.empty(waitFunction()), outcome);
        }
    }

    @Extension
    public static final class DescriptorImpl extends LambdaDeployStepDescriptor {

        @Override
        public String getFunctionName() {
            return "lambdaAwaitReady";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.LambdaAwaitReadyStep_DisplayName();
        }

        public FormValidation doCheckFunctionName(@QueryParameter String value) {
            return FormChecks.check(() -> Validation.functionName(value));
        }

        public FormValidation doCheckQualifier(@QueryParameter String value) {
            return FormChecks.check(() -> Validation.qualifier(value));
        }
    }
}
