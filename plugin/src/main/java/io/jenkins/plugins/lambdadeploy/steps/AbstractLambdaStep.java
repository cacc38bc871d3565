package io.jenkins.plugins.lambdadeploy.steps;

import dev.lambdadeploy.engine.WaitSettings;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import io.jenkins.plugins.lambdadeploy.ConnectionParameters;
import io.jenkins.plugins.lambdadeploy.WaitParameters;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What the three Pipeline steps share: the connection to Lambda, the readiness wait and what a warning does.
 * Defaults are the engine's, which are the spec's (30 attempts, 2 seconds apart, warn and go on at timeout).
 */
public abstract class LambdaDeployStep extends Step implements ConnectionParameters, WaitParameters {

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

    protected LambdaDeployStep(String functionName) {
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
}
