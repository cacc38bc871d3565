package io.jenkins.plugins.lambdadeploy.steps;

import dev.lambdadeploy.engine.UpdateCodeRequest;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What the steps that change the function (UpdateFunctionCode, PublishVersion) add: the revision they expect, how
 * often a conflict is retried, and whether they wait for readiness.
 */
public abstract class AbstractFunctionChangingStep extends AbstractWaitingStep {

    private @CheckForNull String revisionId;
    private int maxRetries = UpdateCodeRequest.DEFAULT_MAX_RETRIES;
    private boolean waitForReady = true;

    protected AbstractFunctionChangingStep(String functionName) {
        super(functionName);
    }

    @CheckForNull
    public String getRevisionId() {
        return revisionId;
    }

    @DataBoundSetter
    public void setRevisionId(@CheckForNull String revisionId) {
        this.revisionId = Util.fixEmptyAndTrim(revisionId);
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    @DataBoundSetter
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public boolean isWaitForReady() {
        return waitForReady;
    }

    @DataBoundSetter
    public void setWaitForReady(boolean waitForReady) {
        this.waitForReady = waitForReady;
    }
}
