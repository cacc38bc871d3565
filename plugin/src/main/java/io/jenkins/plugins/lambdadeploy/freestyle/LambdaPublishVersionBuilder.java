package io.jenkins.plugins.lambdadeploy.freestyle;

import dev.lambdadeploy.engine.PublishVersionRequest;
import dev.lambdadeploy.engine.UpdateCodeRequest;
import dev.lambdadeploy.engine.Validation;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.util.FormValidation;
import io.jenkins.plugins.lambdadeploy.FormChecks;
import io.jenkins.plugins.lambdadeploy.PublishVersionParameters;
import io.jenkins.plugins.lambdadeploy.Requests;
import io.jenkins.plugins.lambdadeploy.steps.LambdaPublishVersionStep;
import java.util.function.UnaryOperator;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** The freestyle form of {@code lambdaPublishVersion}. */
public final class LambdaPublishVersionBuilder extends LambdaDeployBuilder implements PublishVersionParameters {

    private @CheckForNull String description;
    private @CheckForNull String codeSha256;
    private @CheckForNull String revisionId;
    private int maxRetries = UpdateCodeRequest.DEFAULT_MAX_RETRIES;
    private boolean rollback;
    private boolean waitForReady = true;

    @DataBoundConstructor
    public LambdaPublishVersionBuilder(String functionName) {
        super(functionName);
    }

    @Override
    @CheckForNull
    public String getDescription() {
        return description;
    }

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

    @NonNull
    @Override
    protected Operation prepare(@CheckForNull FilePath workspace, @NonNull UnaryOperator<String> expand) {
        PublishVersionRequest request = Requests.publishVersion(this, expand);
        return deployer -> deployer.publishVersion(request);
    }

    @Extension
    @Symbol("lambdaPublishVersionBuilder")
    public static final class DescriptorImpl extends LambdaDeployBuilderDescriptor {

        public DescriptorImpl() {
            super(LambdaPublishVersionStep.class, "functionName", "description", "codeSha256", "revisionId",
                    "maxRetries", "rollback", "waitForReady");
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.LambdaPublishVersionBuilder_DisplayName();
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
