package io.jenkins.plugins.lambdadeploy.freestyle;

import dev.lambdadeploy.engine.LambdaDeployException;
import dev.lambdadeploy.engine.LambdaDeployer;
import dev.lambdadeploy.engine.LambdaResult;
import dev.lambdadeploy.engine.WaitSettings;
import dev.lambdadeploy.engine.aws.CredentialsSource;
import dev.lambdadeploy.engine.aws.LambdaClients;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.Result;
import hudson.tasks.Builder;
import io.jenkins.plugins.lambdadeploy.AwsClients;
import io.jenkins.plugins.lambdadeploy.BuildLog;
import io.jenkins.plugins.lambdadeploy.Connection;
import io.jenkins.plugins.lambdadeploy.ConnectionParameters;
import io.jenkins.plugins.lambdadeploy.WaitParameters;
import java.io.IOException;
import java.util.function.UnaryOperator;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What the three freestyle build steps share, field for field the same as the Pipeline steps, and how they run:
 * blocking on the build's executor (an abort interrupts it), with the engine's blocking operations. Freestyle (and
 * other {@code AbstractProject} jobs) only. The result is
 * exported to the steps after it as LAMBDA_* environment variables. Defaults are the engine's, which are the spec's.
 */
public abstract class LambdaDeployBuilder extends Builder implements ConnectionParameters, WaitParameters {

    private final String functionName;
    private @CheckForNull String region;
    private @CheckForNull String credentialsId;
    private @CheckForNull String roleArn;
    private @CheckForNull String externalId;
    private @CheckForNull String roleSessionName;
    private @CheckForNull String endpointUrl;
    private int maxWaitAttempts = WaitSettings.DEFAULTS.maxWaitAttempts();
    private int pollInterval = (int) WaitSettings.DEFAULTS.pollInterval().toSeconds();
    private String waitPolicy = WaitSettings.DEFAULTS.policy();
    private boolean failOnTimeout = WaitSettings.DEFAULTS.failOnTimeout();
    private boolean unstableOnWarning;

    protected LambdaDeployBuilder(String functionName) {
        this.functionName = Util.fixEmptyAndTrim(functionName);
    }

    public String getFunctionName() {
        return functionName;
    }

    @Override
    @CheckForNull
    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(@CheckForNull String region) {
        this.region = Util.fixEmptyAndTrim(region);
    }

    @Override
    @CheckForNull
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(@CheckForNull String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    @Override
    @CheckForNull
    public String getRoleArn() {
        return roleArn;
    }

    @DataBoundSetter
    public void setRoleArn(@CheckForNull String roleArn) {
        this.roleArn = Util.fixEmptyAndTrim(roleArn);
    }

    @Override
    @CheckForNull
    public String getExternalId() {
        return externalId;
    }

    @DataBoundSetter
    public void setExternalId(@CheckForNull String externalId) {
        this.externalId = Util.fixEmptyAndTrim(externalId);
    }

    @Override
    @CheckForNull
    public String getRoleSessionName() {
        return roleSessionName;
    }

    @DataBoundSetter
    public void setRoleSessionName(@CheckForNull String roleSessionName) {
        this.roleSessionName = Util.fixEmptyAndTrim(roleSessionName);
    }

    @Override
    @CheckForNull
    public String getEndpointUrl() {
        return endpointUrl;
    }

    @DataBoundSetter
    public void setEndpointUrl(@CheckForNull String endpointUrl) {
        this.endpointUrl = Util.fixEmptyAndTrim(endpointUrl);
    }

    @Override
    public int getMaxWaitAttempts() {
        return maxWaitAttempts;
    }

    @DataBoundSetter
    public void setMaxWaitAttempts(int maxWaitAttempts) {
        this.maxWaitAttempts = maxWaitAttempts;
    }

    @Override
    public int getPollInterval() {
        return pollInterval;
    }

    @DataBoundSetter
    public void setPollInterval(int pollInterval) {
        this.pollInterval = pollInterval;
    }

    @Override
    @NonNull
    public String getWaitPolicy() {
        return waitPolicy;
    }

    @DataBoundSetter
    public void setWaitPolicy(@CheckForNull String waitPolicy) {
        String policy = Util.fixEmptyAndTrim(waitPolicy);
        this.waitPolicy = policy == null ? WaitSettings.DEFAULTS.policy() : policy;
    }

    @Override
    public boolean isFailOnTimeout() {
        return failOnTimeout;
    }

    @DataBoundSetter
    public void setFailOnTimeout(boolean failOnTimeout) {
        this.failOnTimeout = failOnTimeout;
    }

    /** A warning (a wait that timed out, a rollback published without a version) makes the build UNSTABLE. */
    public boolean isUnstableOnWarning() {
        return unstableOnWarning;
    }

    @DataBoundSetter
    public void setUnstableOnWarning(boolean unstableOnWarning) {
        this.unstableOnWarning = unstableOnWarning;
    }

    /**
     * Validates the configuration (the engine names the first bad parameter) and reads what it needs;
     * {@code expand} resolves {@code $VARIABLES} of the build, e.g. {@code ${LAMBDA_CODE_SHA256}} from an earlier step.
     */
    @NonNull
    protected abstract Operation prepare(@CheckForNull FilePath workspace, @NonNull UnaryOperator<String> expand)
            throws IOException, InterruptedException;

    /** One engine operation, ready to run. */
    @FunctionalInterface
    protected interface Operation {
        @NonNull
        LambdaResult run(@NonNull LambdaDeployer deployer) throws InterruptedException;
    }

    /**
     * Runs on the build's executor (an abort interrupts it). Not a {@code SimpleBuildStep}, so not offered to Pipeline
     * through {@code step} or its symbol: Pipeline has the real steps, which survive a restart and need no workspace.
     */
    @Override
    public boolean perform(@NonNull AbstractBuild<?, ?> build, @NonNull Launcher launcher,
            @NonNull BuildListener listener) throws InterruptedException, IOException {
        EnvVars env = build.getEnvironment(listener);
        env.overrideAll(build.getBuildVariables());
        LambdaResult result;
        try {
            Operation operation = prepare(build.getWorkspace(), env::expand);
            Connection connection = Connection.resolve(this, env, env::expand);
            CredentialsSource credentials = connection.credentials(build, env);
            try (LambdaClients.Session session = AwsClients.open(connection.settings(credentials))) {
                result = operation.run(LambdaDeployer.create(session.lambda(), BuildLog.of(listener)));
            }
        } catch (LambdaDeployException e) {
            throw new AbortException(e.getMessage());
        }
        build.addAction(new LambdaResultAction(result.environment()));
        if (result.warning() != null && unstableOnWarning) {
            build.setResult(Result.UNSTABLE);
        }
        return true;
    }
}
