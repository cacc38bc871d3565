package io.jenkins.plugins.lambdadeploy.steps;

import dev.lambdadeploy.engine.AfterWait;
import dev.lambdadeploy.engine.DeployOperation;
import dev.lambdadeploy.engine.LambdaOperationNames;
import dev.lambdadeploy.engine.PublishVersionRequest;
import dev.lambdadeploy.engine.Validation;
import dev.lambdadeploy.engine.wait.WaitOutcome;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.util.FormValidation;
import io.jenkins.plugins.lambdadeploy.DeployerCalls;
import io.jenkins.plugins.lambdadeploy.FormChecks;
import io.jenkins.plugins.lambdadeploy.Requests;
import java.util.function.UnaryOperator;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code lambdaPublishVersion}: waits (restart-surviving) until the function is ready, then publishes a version of
 * exactly the code that was ready, retrying ResourceConflictException with backoff. In rollback mode a failed publish
 * warns instead of failing, as the original script did (docs/migration-from-bash.md): the rolled-back code is live
 * either way. A changed function still fails: publishing code nobody asked for is never acceptable.
 */
public final class LambdaPublishVersionStep extends AbstractFunctionChangingStep {

    private @CheckForNull String description;
    private @CheckForNull String codeSha256;
    private boolean rollback;

    @DataBoundConstructor
    public LambdaPublishVersionStep(String functionName) {
        super(functionName);
    }

    @CheckForNull
    public String getDescription() {
        return description;
    }

    /** Kept as given (not trimmed): it is the version's description. */
    @DataBoundSetter
    public void setDescription(@CheckForNull String description) {
        this.description = Util.fixEmpty(description);
    }

    @CheckForNull
    public String getCodeSha256() {
        return codeSha256;
    }

    @DataBoundSetter
    public void setCodeSha256(@CheckForNull String codeSha256) {
        this.codeSha256 = Util.fixEmptyAndTrim(codeSha256);
    }

    public boolean isRollback() {
        return rollback;
    }

    @DataBoundSetter
    public void setRollback(boolean rollback) {
        this.rollback = rollback;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    @NonNull
    @Override
    public DeployOperation prepare(@CheckForNull FilePath workspace, @NonNull UnaryOperator<String> expand) {
        PublishVersionRequest request = Requests.publishVersion(this, expand);
        return deployer -> deployer.publishVersion(request);
    }

    static final class Execution extends LambdaStepExecution {

        private static final long serialVersionUID = 1L;

        @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "Only used when starting.")
        private final transient LambdaPublishVersionStep step;
        /** What to publish once the wait ends, possibly after a restart; no secret among them. */
        private final @CheckForNull String description;

        private final @CheckForNull String codeSha256;
        private final @CheckForNull String revisionId;
        private final int maxRetries;
        private final boolean rollback;

        Execution(LambdaPublishVersionStep step, StepContext context) {
            super(step, context);
            this.step = step;
            this.description = step.getDescription();
            this.codeSha256 = step.getCodeSha256();
            this.revisionId = step.getRevisionId();
            this.maxRetries = step.getMaxRetries();
            this.rollback = step.isRollback();
        }

        @Override
        protected void begin(@NonNull BackgroundContext context) throws Exception {
            PublishVersionRequest request = Requests.publishVersion(step, UnaryOperator.identity());
            context.resolveCredentials();
            if (request.waitForReady()) {
                startWait(context, request.functionName(), null);
                return;
            }
            markCallInFlight(LambdaOperationNames.PUBLISH_VERSION);
            complete(context, context.call(DeployerCalls.publishVersion(request)));
        }

        @NonNull
        @Override
        protected AfterWait afterTheWait() {
            return AfterWait.PUBLISH;
        }

        @Override
        protected void afterWait(@NonNull BackgroundContext context, @NonNull WaitOutcome outcome) throws Exception {
            complete(
                    context,
                    publishAfterWait(
                            context,
                            outcome,
                            PublishVersionRequest.builder()
                                    .description(description)
                                    .codeSha256(codeSha256)
                                    .revisionId(revisionId)
                                    .maxRetries(maxRetries)
                                    .rollback(rollback)));
        }
    }

    @Extension
    public static final class DescriptorImpl extends AbstractFunctionChangingStepDescriptor {

        @Override
        public String getFunctionName() {
            return "lambdaPublishVersion";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.LambdaPublishVersionStep_DisplayName();
        }

        @POST
        public FormValidation doCheckDescription(@QueryParameter String value) {
            return FormChecks.check(() -> Validation.description(value));
        }

        @POST
        public FormValidation doCheckCodeSha256(@QueryParameter String value) {
            return FormChecks.check(() -> Validation.codeSha256(value));
        }
    }
}
