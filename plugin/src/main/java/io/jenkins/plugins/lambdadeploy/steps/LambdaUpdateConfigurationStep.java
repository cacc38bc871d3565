package io.jenkins.plugins.lambdadeploy.steps;

import dev.lambdadeploy.engine.DeployOperation;
import dev.lambdadeploy.engine.LambdaOperationNames;
import dev.lambdadeploy.engine.UpdateConfigurationRequest;
import dev.lambdadeploy.engine.release.FunctionSettings;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import io.jenkins.plugins.lambdadeploy.DeployerCalls;
import io.jenkins.plugins.lambdadeploy.Requests;
import java.util.function.UnaryOperator;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code lambdaUpdateConfiguration}: UpdateFunctionConfiguration (environment merged or replaced, memory, timeout,
 * handler, runtime, layers, description, ephemeral storage), waiting out an update in progress first, pinned to the
 * RevisionId read; then, unless told otherwise, waits (restart-surviving) until the change is live. The log lists what
 * changes, never an environment value.
 */
public final class LambdaUpdateConfigurationStep extends AbstractFunctionChangingStep implements ConfigurationFields {

    private @CheckForNull String environment;
    private @CheckForNull String environmentMode;
    private @CheckForNull Integer memorySize;
    private @CheckForNull Integer timeout;
    private @CheckForNull String handler;
    private @CheckForNull String runtime;
    private @CheckForNull String layers;
    private @CheckForNull String description;
    private @CheckForNull Integer ephemeralStorage;
    private boolean dryRun;

    @DataBoundConstructor
    public LambdaUpdateConfigurationStep(String functionName) {
        super(functionName);
    }

    /** One {@code KEY=VALUE} a line. */
    @CheckForNull
    @Override
    public String getEnvironment() {
        return environment;
    }

    @DataBoundSetter
    public void setEnvironment(@CheckForNull String environment) {
        this.environment = Util.fixEmptyAndTrim(environment);
    }

    /** {@code merge} (the default) or {@code replace}. */
    @CheckForNull
    @Override
    public String getEnvironmentMode() {
        return environmentMode;
    }

    @DataBoundSetter
    public void setEnvironmentMode(@CheckForNull String environmentMode) {
        this.environmentMode = unlessDefault(environmentMode, FunctionSettings.EnvironmentMode.MERGE);
    }

    @CheckForNull
    @Override
    public Integer getMemorySize() {
        return memorySize;
    }

    @DataBoundSetter
    public void setMemorySize(@CheckForNull Integer memorySize) {
        this.memorySize = memorySize;
    }

    @CheckForNull
    @Override
    public Integer getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(@CheckForNull Integer timeout) {
        this.timeout = timeout;
    }

    @CheckForNull
    @Override
    public String getHandler() {
        return handler;
    }

    @DataBoundSetter
    public void setHandler(@CheckForNull String handler) {
        this.handler = Util.fixEmptyAndTrim(handler);
    }

    @CheckForNull
    @Override
    public String getRuntime() {
        return runtime;
    }

    @DataBoundSetter
    public void setRuntime(@CheckForNull String runtime) {
        this.runtime = Util.fixEmptyAndTrim(runtime);
    }

    /** Layer version ARNs, comma- or line-separated: they replace the function's layers. */
    @CheckForNull
    @Override
    public String getLayers() {
        return layers;
    }

    @DataBoundSetter
    public void setLayers(@CheckForNull String layers) {
        this.layers = Util.fixEmptyAndTrim(layers);
    }

    @CheckForNull
    public String getDescription() {
        return description;
    }

    @DataBoundSetter
    public void setDescription(@CheckForNull String description) {
        this.description = Util.fixEmptyAndTrim(description);
    }

    @CheckForNull
    @Override
    public Integer getEphemeralStorage() {
        return ephemeralStorage;
    }

    @DataBoundSetter
    public void setEphemeralStorage(@CheckForNull Integer ephemeralStorage) {
        this.ephemeralStorage = ephemeralStorage;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    @NonNull
    @Override
    public DeployOperation prepare(@CheckForNull FilePath workspace, @NonNull UnaryOperator<String> expand) {
        UpdateConfigurationRequest request = Requests.updateConfiguration(this, expand, expand);
        return deployer -> deployer.updateConfiguration(request);
    }

    static final class Execution extends LambdaStepExecution {

        private static final long serialVersionUID = 1L;

        @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "Only used when starting.")
        private final transient LambdaUpdateConfigurationStep step;

        Execution(LambdaUpdateConfigurationStep step, StepContext context) {
            super(step, context);
            this.step = step;
        }

        @Override
        protected void begin(@NonNull BackgroundContext context) throws Exception {
            UpdateConfigurationRequest request =
                    Requests.updateConfiguration(step, UnaryOperator.identity(), context.environmentExpander());
            changeThenWait(
                    context,
                    LambdaOperationNames.UPDATE_FUNCTION_CONFIGURATION,
                    !request.dryRun() && request.waitForReady(),
                    DeployerCalls.updateConfiguration(
                            request.toBuilder().waitForReady(false).build()));
        }
    }

    @Extension
    public static final class DescriptorImpl extends AbstractFunctionChangingStepDescriptor
            implements ConfigurationFieldChecks {

        @Override
        public String getFunctionName() {
            return "lambdaUpdateConfiguration";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.LambdaUpdateConfigurationStep_DisplayName();
        }
    }
}
