package io.jenkins.plugins.lambdadeploy.steps;

import dev.lambdadeploy.engine.LambdaDeployer;
import dev.lambdadeploy.engine.LambdaOperationNames;
import dev.lambdadeploy.engine.LambdaResult;
import dev.lambdadeploy.engine.PublishVersionRequest;
import dev.lambdadeploy.engine.UpdateCodeRequest;
import dev.lambdadeploy.engine.Validation;
import dev.lambdadeploy.engine.aws.LambdaClients;
import dev.lambdadeploy.engine.wait.WaitOutcome;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.Extension;
import hudson.Util;
import hudson.util.FormValidation;
import io.jenkins.plugins.lambdadeploy.FormChecks;
import io.jenkins.plugins.lambdadeploy.PublishVersionParameters;
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
 * warns instead of failing, as in the spec: the rolled-back code is live either way.
 */
public final class LambdaPublishVersionStep extends LambdaDeployStep implements PublishVersionParameters {

    private @CheckForNull String description;
    private @CheckForNull String codeSha256;
    private @CheckForNull String revisionId;
    private int maxRetries = UpdateCodeRequest.DEFAULT_MAX_RETRIES;
    private boolean rollback;
    private boolean waitForReady = true;

    @DataBoundConstructor
    public LambdaPublishVersionStep(String functionName) {
        super(functionName);
    }

    @Override
    @CheckForNull
    public String getDescription() {
        return description;
    }

    /** Kept as given (not trimmed): it is the version's description. */
    @DataBoundSetter
    public void setDescription(@CheckForNull String description) {
        this.description = Util.fixEmpty(description);
    }

    @Override
    @CheckForNull
    public String getCodeSha256() {
        return codeSha256;
    }

    @DataBoundSetter
    public void setCodeSha256(@CheckForNull String codeSha256) {
        this.codeSha256 = Util.fixEmptyAndTrim(codeSha256);
    }

    @Override
    @CheckForNull
    public String getRevisionId() {
        return revisionId;
    }

    @DataBoundSetter
    public void setRevisionId(@CheckForNull String revisionId) {
        this.revisionId = Util.fixEmptyAndTrim(revisionId);
    }

    @Override
    public int getMaxRetries() {
        return maxRetries;
    }

    @DataBoundSetter
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    @Override
    public boolean isRollback() {
        return rollback;
    }

    @DataBoundSetter
    public void setRollback(boolean rollback) {
        this.rollback = rollback;
    }

    @Override
    public boolean isWaitForReady() {
        return waitForReady;
    }

    @DataBoundSetter
    public void setWaitForReady(boolean waitForReady) {
        this.waitForReady = waitForReady;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
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
        protected void begin(@NonNull Call call) throws Exception {
            PublishVersionRequest request = Requests.publishVersion(step, UnaryOperator.identity());
            call.resolveCredentials();
            if (request.waitForReady()) {
                startWait(call, request.functionName(), null);
                return;
            }
            calling(LambdaOperationNames.PUBLISH_VERSION);
            try (LambdaClients.Session session = call.session()) {
                complete(call, LambdaDeployer.create(session.lambda(), call.log()).publishVersion(request));
            }
        }

        @NonNull
        @Override
        protected LambdaResult afterWait(@NonNull Call call, @NonNull WaitOutcome outcome) throws Exception {
            PublishVersionRequest request = PublishVersionRequest.builder()
                    .functionName(waitFunction())
                    .description(description)
                    .codeSha256(codeSha256)
                    .revisionId(revisionId)
                    .maxRetries(maxRetries)
                    .rollback(rollback)
                    .waitSettings(waitSettings())
                    .build();
            // pinned to the code and revision the wait saw ready, as the engine's own publish does
            calling(LambdaOperationNames.PUBLISH_VERSION);
            try (LambdaClients.Session session = call.session()) {
                return LambdaDeployer.create(session.lambda(), call.log()).publishAfterWait(request, outcome);
            }
        }
    }

    @Extension
    public static final class DescriptorImpl extends LambdaDeployStepDescriptor {

        @Override
        public String getFunctionName() {
            return "lambdaPublishVersion";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.LambdaPublishVersionStep_DisplayName();
        }

        public int getDefaultMaxRetries() {
            return UpdateCodeRequest.DEFAULT_MAX_RETRIES;
        }

        @POST
        public FormValidation doCheckFunctionName(@QueryParameter String value) {
            return FormChecks.check(() -> Validation.unqualifiedFunctionName(value));
        }

        @POST
        public FormValidation doCheckDescription(@QueryParameter String value) {
            return FormChecks.check(() -> Validation.description(value));
        }

        @POST
        public FormValidation doCheckCodeSha256(@QueryParameter String value) {
            return FormChecks.check(() -> Validation.codeSha256(value));
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
}
