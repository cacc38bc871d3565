package io.jenkins.plugins.lambdadeploy.steps;

import dev.lambdadeploy.engine.DeployOperation;
import dev.lambdadeploy.engine.UpdateCodeRequest;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.lambdadeploy.CodeSources;
import io.jenkins.plugins.lambdadeploy.DeployerCalls;
import io.jenkins.plugins.lambdadeploy.FormChecks;
import io.jenkins.plugins.lambdadeploy.Requests;
import java.io.IOException;
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
public final class LambdaUpdateCodeStep extends AbstractFunctionChangingStep implements CodeFields {

    private @CheckForNull String s3Bucket;
    private @CheckForNull String s3Key;
    private @CheckForNull String s3ObjectVersion;
    private @CheckForNull String zipFile;
    private @CheckForNull String imageUri;
    private @CheckForNull String architectures;
    private boolean dryRun;
    private boolean publish;

    @DataBoundConstructor
    public LambdaUpdateCodeStep(String functionName) {
        super(functionName);
    }

    @CheckForNull
    public String getS3Bucket() {
        return s3Bucket;
    }

    @DataBoundSetter
    public void setS3Bucket(@CheckForNull String s3Bucket) {
        this.s3Bucket = Util.fixEmptyAndTrim(s3Bucket);
    }

    @CheckForNull
    public String getS3Key() {
        return s3Key;
    }

    @DataBoundSetter
    public void setS3Key(@CheckForNull String s3Key) {
        this.s3Key = Util.fixEmptyAndTrim(s3Key);
    }

    @CheckForNull
    public String getS3ObjectVersion() {
        return s3ObjectVersion;
    }

    @DataBoundSetter
    public void setS3ObjectVersion(@CheckForNull String s3ObjectVersion) {
        this.s3ObjectVersion = Util.fixEmptyAndTrim(s3ObjectVersion);
    }

    @CheckForNull
    public String getZipFile() {
        return zipFile;
    }

    @DataBoundSetter
    public void setZipFile(@CheckForNull String zipFile) {
        this.zipFile = Util.fixEmptyAndTrim(zipFile);
    }

    @CheckForNull
    public String getImageUri() {
        return imageUri;
    }

    @DataBoundSetter
    public void setImageUri(@CheckForNull String imageUri) {
        this.imageUri = Util.fixEmptyAndTrim(imageUri);
    }

    @CheckForNull
    public String getArchitectures() {
        return architectures;
    }

    @DataBoundSetter
    public void setArchitectures(@CheckForNull String architectures) {
        this.architectures = Util.fixEmptyAndTrim(architectures);
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public boolean isPublish() {
        return publish;
    }

    @DataBoundSetter
    public void setPublish(boolean publish) {
        this.publish = publish;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    @NonNull
    @Override
    public DeployOperation prepare(@CheckForNull FilePath workspace, @NonNull UnaryOperator<String> expand)
            throws IOException, InterruptedException {
        UpdateCodeRequest request = Requests.updateCode(this, CodeSources.of(this, workspace, expand), expand);
        return deployer -> deployer.updateCode(request);
    }

    static final class Execution extends LambdaStepExecution {

        private static final long serialVersionUID = 1L;

        @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "Only used when starting.")
        private final transient LambdaUpdateCodeStep step;

        Execution(LambdaUpdateCodeStep step, StepContext context) {
            super(step, context);
            this.step = step;
        }

        /** Its wait follows its own UpdateFunctionCode: with the history policy, it teaches the history. */
        @Override
        protected boolean waitFollowsOwnUpdate() {
            return true;
        }

        @Override
        protected void begin(@NonNull BackgroundContext context) throws Exception {
            // the workspace only for a zipFile: asking for it could fail (agent gone) where S3 and image need none
            FilePath workspace = step.getZipFile() == null ? null : context.workspace();
            UpdateCodeRequest request = Requests.updateCode(
                    step, CodeSources.of(step, workspace, UnaryOperator.identity()), UnaryOperator.identity());
            updateCodeThenWait(
                    context, !request.dryRun() && request.waitForReady(), DeployerCalls.updateCodeForOwnWait(request));
        }
    }

    @Extension
    public static final class DescriptorImpl extends AbstractFunctionChangingStepDescriptor {

        @Override
        public String getFunctionName() {
            return "lambdaUpdateCode";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.LambdaUpdateCodeStep_DisplayName();
        }

        @POST
        public FormValidation doCheckImageUri(@QueryParameter String value) {
            return FormChecks.checkImageUri(value);
        }

        @POST
        public ListBoxModel doFillArchitecturesItems() {
            return FormChecks.fillArchitectures();
        }
    }
}
