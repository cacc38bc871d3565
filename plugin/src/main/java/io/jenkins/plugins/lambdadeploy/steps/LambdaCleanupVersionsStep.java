package io.jenkins.plugins.lambdadeploy.steps;

import dev.lambdadeploy.engine.CleanupRequest;
import dev.lambdadeploy.engine.CleanupResult;
import dev.lambdadeploy.engine.DeployOperation;
import dev.lambdadeploy.engine.LambdaOperationNames;
import dev.lambdadeploy.engine.UpdateCodeRequest;
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
 * {@code lambdaCleanupVersions}: deletes old published versions, keeping the newest {@code keepVersions} and/or those
 * younger than {@code keepYoungerThan}, never {@code $LATEST} and never a version an alias routes to (weighted
 * routing included); a dry run lists what would go. Deletes are throttled within Lambda's quota.
 */
public final class LambdaCleanupVersionsStep extends AbstractLambdaStep {

    private @CheckForNull Integer keepVersions;
    private @CheckForNull String keepYoungerThan;
    private boolean dryRun;
    private int maxRetries = UpdateCodeRequest.DEFAULT_MAX_RETRIES;

    @DataBoundConstructor
    public LambdaCleanupVersionsStep(String functionName) {
        super(functionName);
    }

    /** How many of the newest versions stay. */
    @CheckForNull
    public Integer getKeepVersions() {
        return keepVersions;
    }

    @DataBoundSetter
    public void setKeepVersions(@CheckForNull Integer keepVersions) {
        this.keepVersions = keepVersions;
    }

    /** An age such as {@code 30d}, {@code 12h} or {@code 90m}: younger versions stay. */
    @CheckForNull
    public String getKeepYoungerThan() {
        return keepYoungerThan;
    }

    @DataBoundSetter
    public void setKeepYoungerThan(@CheckForNull String keepYoungerThan) {
        this.keepYoungerThan = Util.fixEmptyAndTrim(keepYoungerThan);
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    @DataBoundSetter
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    @NonNull
    @Override
    public DeployOperation prepare(@CheckForNull FilePath workspace, @NonNull UnaryOperator<String> expand) {
        CleanupRequest request = Requests.cleanupVersions(this, expand);
        return deployer -> deployer.cleanupVersions(request);
    }

    static final class Execution extends LambdaStepExecution {

        private static final long serialVersionUID = 1L;

        @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "Only used when starting.")
        private final transient LambdaCleanupVersionsStep step;

        Execution(LambdaCleanupVersionsStep step, StepContext context) {
            super(step, context);
            this.step = step;
        }

        @Override
        protected void begin(@NonNull BackgroundContext context) throws Exception {
            CleanupRequest request = Requests.cleanupVersions(step, UnaryOperator.identity());
            context.resolveCredentials();
            markCallInFlight(LambdaOperationNames.DELETE_FUNCTION);
            CleanupResult result = context.call(DeployerCalls.cleanupVersions(request));
            complete(context, result);
        }
    }

    @Extension
    public static final class DescriptorImpl extends AbstractFunctionChangingStepDescriptor {

        @Override
        public String getFunctionName() {
            return "lambdaCleanupVersions";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.LambdaCleanupVersionsStep_DisplayName();
        }

        @POST
        public FormValidation doCheckKeepVersions(@QueryParameter String value) {
            return FormChecks.checkKeepVersions(value);
        }

        @POST
        public FormValidation doCheckKeepYoungerThan(@QueryParameter String value) {
            return FormChecks.checkKeepYoungerThan(value);
        }
    }
}
