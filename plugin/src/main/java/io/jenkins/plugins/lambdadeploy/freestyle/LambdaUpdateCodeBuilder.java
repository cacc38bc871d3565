package io.jenkins.plugins.lambdadeploy.freestyle;

import dev.lambdadeploy.engine.UpdateCodeRequest;
import dev.lambdadeploy.engine.Validation;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.lambdadeploy.CodeSources;
import io.jenkins.plugins.lambdadeploy.FormChecks;
import io.jenkins.plugins.lambdadeploy.Requests;
import io.jenkins.plugins.lambdadeploy.UpdateCodeParameters;
import io.jenkins.plugins.lambdadeploy.steps.LambdaUpdateCodeStep;
import java.io.IOException;
import java.util.function.UnaryOperator;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** The freestyle form of {@code lambdaUpdateCode}; a {@code zipFile} is read from the build's workspace. */
public final class LambdaUpdateCodeBuilder extends LambdaDeployBuilder implements UpdateCodeParameters {

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
    public LambdaUpdateCodeBuilder(String functionName) {
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

    @NonNull
    @Override
    protected Operation prepare(@CheckForNull FilePath workspace, @NonNull UnaryOperator<String> expand)
            throws IOException, InterruptedException {
        UpdateCodeRequest request = Requests.updateCode(this, CodeSources.of(this, workspace, expand), expand);
        return deployer -> deployer.updateCode(request);
    }

    @Extension
    @Symbol("lambdaUpdateCodeBuilder")
    public static final class DescriptorImpl extends LambdaDeployBuilderDescriptor {

        public DescriptorImpl() {
            super(LambdaUpdateCodeStep.class, "functionName", "s3Bucket", "s3Key", "s3ObjectVersion", "zipFile",
                    "imageUri", "architectures", "dryRun", "publish", "revisionId", "maxRetries", "waitForReady");
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.LambdaUpdateCodeBuilder_DisplayName();
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
