package io.jenkins.plugins.lambdadeploy.steps;

import dev.lambdadeploy.engine.WaitSettings;
import dev.lambdadeploy.engine.wait.WaitPolicyName;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import java.time.Duration;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A step that waits until the function is ready: its wait's settings. Defaults are the engine's, which are those of
 * the original script (30 attempts, 2 seconds apart, warn and go on at timeout).
 */
public abstract class AbstractWaitingStep extends AbstractLambdaStep {

    private int maxWaitAttempts = WaitSettings.DEFAULTS.maxWaitAttempts();
    private int pollInterval = (int) WaitSettings.DEFAULTS.pollInterval().toSeconds();
    private String waitPolicy = WaitSettings.DEFAULTS.waitPolicy().spelling();
    private boolean failOnTimeout = WaitSettings.DEFAULTS.failOnTimeout();

    protected AbstractWaitingStep(String functionName) {
        super(functionName);
    }

    public int getMaxWaitAttempts() {
        return maxWaitAttempts;
    }

    @DataBoundSetter
    public void setMaxWaitAttempts(int maxWaitAttempts) {
        this.maxWaitAttempts = maxWaitAttempts;
    }

    public int getPollInterval() {
        return pollInterval;
    }

    @DataBoundSetter
    public void setPollInterval(int pollInterval) {
        this.pollInterval = pollInterval;
    }

    @NonNull
    public String getWaitPolicy() {
        return waitPolicy;
    }

    @DataBoundSetter
    public void setWaitPolicy(@CheckForNull String waitPolicy) {
        String policy = Util.fixEmptyAndTrim(waitPolicy);
        this.waitPolicy = policy == null ? WaitSettings.DEFAULTS.waitPolicy().spelling() : policy;
    }

    public boolean isFailOnTimeout() {
        return failOnTimeout;
    }

    @DataBoundSetter
    public void setFailOnTimeout(boolean failOnTimeout) {
        this.failOnTimeout = failOnTimeout;
    }

    /** As configured; not validated here: the engine's requests validate and name the first bad parameter. */
    @NonNull
    @Override
    public WaitSettings waitSettings() {
        return new WaitSettings(
                maxWaitAttempts, Duration.ofSeconds(pollInterval), WaitPolicyName.parse(waitPolicy), failOnTimeout);
    }
}
