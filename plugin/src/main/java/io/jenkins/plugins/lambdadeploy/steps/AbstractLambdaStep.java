package io.jenkins.plugins.lambdadeploy.steps;

import dev.lambdadeploy.engine.DeployOperation;
import dev.lambdadeploy.engine.WaitSettings;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.FilePath;
import hudson.Util;
import java.io.IOException;
import java.util.function.UnaryOperator;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What every Lambda step shares: the function, the connection to Lambda and what a warning does.
 * One describable serves both fronts: Pipeline runs it as a step, and a freestyle build step holds one (see
 * {@code AbstractLambdaBuilder}) and runs its {@link #prepare prepared operation}.
 */
public abstract class AbstractLambdaStep extends Step {

    private final String functionName;
    private @CheckForNull String region;
    private @CheckForNull String credentialsId;
    private @CheckForNull String roleArn;
    private @CheckForNull String externalId;
    private @CheckForNull String roleSessionName;
    private @CheckForNull String endpointUrl;
    private boolean unstableOnWarning;
    private @CheckForNull String callsFrom;

    protected AbstractLambdaStep(String functionName) {
        this.functionName = Util.fixEmptyAndTrim(functionName);
    }

    public String getFunctionName() {
        return functionName;
    }

    @CheckForNull
    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(@CheckForNull String region) {
        this.region = Util.fixEmptyAndTrim(region);
    }

    @CheckForNull
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(@CheckForNull String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    @CheckForNull
    public String getRoleArn() {
        return roleArn;
    }

    @DataBoundSetter
    public void setRoleArn(@CheckForNull String roleArn) {
        this.roleArn = Util.fixEmptyAndTrim(roleArn);
    }

    @CheckForNull
    public String getExternalId() {
        return externalId;
    }

    @DataBoundSetter
    public void setExternalId(@CheckForNull String externalId) {
        this.externalId = Util.fixEmptyAndTrim(externalId);
    }

    @CheckForNull
    public String getRoleSessionName() {
        return roleSessionName;
    }

    @DataBoundSetter
    public void setRoleSessionName(@CheckForNull String roleSessionName) {
        this.roleSessionName = Util.fixEmptyAndTrim(roleSessionName);
    }

    @CheckForNull
    public String getEndpointUrl() {
        return endpointUrl;
    }

    @DataBoundSetter
    public void setEndpointUrl(@CheckForNull String endpointUrl) {
        this.endpointUrl = Util.fixEmptyAndTrim(endpointUrl);
    }

    /**
     * Where the AWS calls run: {@code controller}, or {@code agent} (the agent of the enclosing {@code node} block);
     * null for the global default of Manage Jenkins, System, Lambda Deploy.
     */
    @CheckForNull
    public String getCallsFrom() {
        return callsFrom;
    }

    @DataBoundSetter
    public void setCallsFrom(@CheckForNull String callsFrom) {
        this.callsFrom = Util.fixEmptyAndTrim(callsFrom);
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
     * {@code value} trimmed, or null when it is blank or spells {@code defaultValue} (in any case): a field left at its
     * default is then left out of the Snippet Generator's output and of the saved configuration.
     */
    @CheckForNull
    protected static String unlessDefault(@CheckForNull String value, @NonNull Enum<?> defaultValue) {
        String trimmed = Util.fixEmptyAndTrim(value);
        return trimmed == null || trimmed.equalsIgnoreCase(defaultValue.name()) ? null : trimmed;
    }

    /** The readiness wait's settings: the engine's defaults for a step that does not wait. */
    @NonNull
    public WaitSettings waitSettings() {
        return WaitSettings.DEFAULTS;
    }

    /**
     * Builds and validates the engine request of this step, ready to run with a blocking deployer (a freestyle build
     * step). Reads a {@code zipFile} from {@code workspace}; {@code expand} resolves build variables in text fields.
     */
    @NonNull
    public abstract DeployOperation prepare(@CheckForNull FilePath workspace, @NonNull UnaryOperator<String> expand)
            throws IOException, InterruptedException;
}
