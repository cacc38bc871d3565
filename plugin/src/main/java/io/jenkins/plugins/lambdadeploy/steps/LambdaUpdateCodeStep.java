package io.jenkins.plugins.lambdadeploy.steps;

import dev.lambdadeploy.engine.LambdaDeployer;
import dev.lambdadeploy.engine.LambdaOperationNames;
import dev.lambdadeploy.engine.LambdaResult;
import dev.lambdadeploy.engine.UpdateCodeRequest;
import dev.lambdadeploy.engine.Validation;
import dev.lambdadeploy.engine.WaitConclusion;
import dev.lambdadeploy.engine.aws.LambdaClients;
import dev.lambdadeploy.engine.wait.WaitOutcome;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.lambdadeploy.CodeSources;
import io.jenkins.plugins.lambdadeploy.FormChecks;
import io.jenkins.plugins.lambdadeploy.Requests;
import io.jenkins.plugins.lambdadeploy.UpdateCodeParameters;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code lambdaUpdateCode}: UpdateFunctionCode from S3, a zip in the workspace or a container image, waiting out an
 * update already in progress; then, unless told otherwise, waits (restart-surviving) until the update is live.
 */
public final class LambdaUpdateCodeStep extends LambdaDeployStep implements UpdateCodeParameters {

    private @CheckForNull String s3Bucket;
    private @CheckForNull String s3Key;
    private @CheckForNull String s3ObjectVersion;
    private @CheckForNull String zipFile;
    private @CheckForNull String imageUri;
    private @CheckForNull String architectures;
    private boolean dryRun;
    private boolean publish;
    private @CheckForNull String revisionId;
    private int maxRetries = UpdateCodeRequest.DEFAULT_MAX_RETRIES;
    private boolean waitForReady = true;

    @DataBoundConstructor
    public LambdaUpdateCodeStep(String functionName) {
        super(functionName);
    }

    @Override
    @CheckForNull
    public String getS3Bucket() {
        return s3Bucket;
    }

    @DataBoundSetter
    public void setS3Bucket(@CheckForNull String s3Bucket) {
        this.s3Bucket = Util.fixEmptyAndTrim(s3Bucket);
    }

    @Override
    @CheckForNull
    public String getS3Key() {
        return s3Key;
    }

    @DataBoundSetter
    public void setS3Key(@CheckForNull String s3Key) {
        this.s3Key = Util.fixEmptyAndTrim(s3Key);
    }

    @Override
    @CheckForNull
    public String getS3ObjectVersion() {
        return s3ObjectVersion;
    }

    @DataBoundSetter
    public void setS3ObjectVersion(@CheckForNull String s3ObjectVersion) {
        this.s3ObjectVersion = Util.fixEmptyAndTrim(s3ObjectVersion);
    }

    @Override
    @CheckForNull
    public String getZipFile() {
        return zipFile;
    }

    @DataBoundSetter
    public void setZipFile(@CheckForNull String zipFile) {
        this.zipFile = Util.fixEmptyAndTrim(zipFile);
    }

    @Override
    @CheckForNull
    public String getImageUri() {
        return imageUri;
    }

    @DataBoundSetter
    public void setImageUri(@CheckForNull String imageUri) {
        this.imageUri = Util.fixEmptyAndTrim(imageUri);
    }

    @Override
    @CheckForNull
    public String getArchitectures() {
        return architectures;
    }

    @DataBoundSetter
    public void setArchitectures(@CheckForNull String architectures) {
        this.architectures = Util.fixEmptyAndTrim(architectures);
    }

    @Override
    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    @Override
    public boolean isPublish() {
        return publish;
    }

    @DataBoundSetter
    public void setPublish(boolean publish) {
        this.publish = publish;
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
        private final transient LambdaUpdateCodeStep step;
        /** What UpdateFunctionCode answered; the wait adds the state it ends in. Persisted: not the record itself. */
        private @CheckForNull PersistedResult updated;

        Execution(LambdaUpdateCodeStep step, StepContext context) {
            super(step, context);
            this.step = step;
        }

        @Override
        protected void begin(@NonNull Call call) throws Exception {
            // the workspace only for a zipFile: asking for it could fail (agent gone) where S3 and image need none
            FilePath workspace = step.getZipFile() == null ? null : call.workspace();
            UpdateCodeRequest request = Requests.updateCode(step, CodeSources.of(step, workspace, UnaryOperator.identity()),
                    UnaryOperator.identity());
            call.resolveCredentials();
            calling(LambdaOperationNames.UPDATE_FUNCTION_CODE);
            LambdaResult result;
            try (LambdaClients.Session session = call.session()) {
                result = LambdaDeployer.create(session.lambda(), call.log())
                        .updateCode(request.toBuilder().waitForReady(false).build());
            }
            if (request.dryRun() || !request.waitForReady()) {
                complete(call, result);
                return;
            }
            updated = PersistedResult.of(result);
            startWait(call, request.functionName(), null);
        }

        @NonNull
        @Override
        protected LambdaResult afterWait(@NonNull Call call, @NonNull WaitOutcome outcome) {
            WaitConclusion.conclude(waitFunction(), outcome, waitSettings(), WaitConclusion.Next.CONTINUE, call.log());
            return WaitConclusion.record(Objects.requireNonNull(updated, "no update").toResult(), outcome);
        }
    }

    @Extension
    public static final class DescriptorImpl extends LambdaDeployStepDescriptor {

        @Override
        public String getFunctionName() {
            return "lambdaUpdateCode";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.LambdaUpdateCodeStep_DisplayName();
        }

        public int getDefaultMaxRetries() {
            return UpdateCodeRequest.DEFAULT_MAX_RETRIES;
        }

        @POST
        public FormValidation doCheckFunctionName(@QueryParameter String value) {
            return FormChecks.check(() -> Validation.unqualifiedFunctionName(value));
        }

        @POST
        public FormValidation doCheckImageUri(@QueryParameter String value) {
            return FormChecks.checkImageUri(value);
        }

        @POST
        public FormValidation doCheckRevisionId(@QueryParameter String value) {
            return FormChecks.check(() -> Validation.revisionId(value));
        }

        @POST
        public FormValidation doCheckMaxRetries(@QueryParameter String value) {
            return FormChecks.checkMaxRetries(value);
        }

        @POST
        public ListBoxModel doFillArchitecturesItems() {
            return FormChecks.fillArchitectures();
        }
    }
}
