package io.jenkins.plugins.lambdadeploy.steps;

import dev.lambdadeploy.engine.AfterWait;
import dev.lambdadeploy.engine.AliasRequest;
import dev.lambdadeploy.engine.DeployOperation;
import dev.lambdadeploy.engine.LambdaOperationNames;
import dev.lambdadeploy.engine.LambdaResult;
import dev.lambdadeploy.engine.PublishVersionRequest;
import dev.lambdadeploy.engine.UpdateCodeRequest;
import dev.lambdadeploy.engine.UpdateConfigurationRequest;
import dev.lambdadeploy.engine.release.FunctionSettings;
import dev.lambdadeploy.engine.wait.WaitOutcome;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code lambdaDeploy}: the whole release in one step. Changes the configuration if any field of it is given (and
 * waits for that), updates the code (waiting out an update in progress), waits until it is live, publishes a version pinned to the uploaded code, then, with {@code alias}, points the alias at it
 * or shifts its traffic gradually with alarms watched. The code's wait and the shift survive a controller restart (the short configuration wait fails the step
 * saying what may have changed, as a restart during UpdateFunctionCode does); one
 * result map has every field.
 */
public final class LambdaDeployStep extends AbstractWaitingStep
        implements CodeFields, ConfigurationFields, AliasFields {

    private @CheckForNull String s3Bucket;
    private @CheckForNull String s3Key;
    private @CheckForNull String s3ObjectVersion;
    private @CheckForNull String zipFile;
    private @CheckForNull String imageUri;
    private @CheckForNull String architectures;
    private boolean dryRun;
    private @CheckForNull String description;
    private boolean rollback;
    private @CheckForNull String revisionId;
    private int maxRetries = UpdateCodeRequest.DEFAULT_MAX_RETRIES;
    private @CheckForNull String alias;
    private boolean createIfMissing;
    private @CheckForNull String aliasRevisionId;
    private @CheckForNull String shift;
    private @CheckForNull String alarms;
    private @CheckForNull String onAlarm;
    private int alarmPollInterval = (int) AliasRequest.DEFAULT_ALARM_POLL_INTERVAL.toSeconds();
    private @CheckForNull String environment;
    private @CheckForNull String environmentMode;
    private @CheckForNull Integer memorySize;
    private @CheckForNull Integer timeout;
    private @CheckForNull String handler;
    private @CheckForNull String runtime;
    private @CheckForNull String layers;
    private @CheckForNull Integer ephemeralStorage;

    @DataBoundConstructor
    public LambdaDeployStep(String functionName) {
        super(functionName);
    }

    @CheckForNull
    @Override
    public String getS3Bucket() {
        return s3Bucket;
    }

    @DataBoundSetter
    public void setS3Bucket(@CheckForNull String s3Bucket) {
        this.s3Bucket = Util.fixEmptyAndTrim(s3Bucket);
    }

    @CheckForNull
    @Override
    public String getS3Key() {
        return s3Key;
    }

    @DataBoundSetter
    public void setS3Key(@CheckForNull String s3Key) {
        this.s3Key = Util.fixEmptyAndTrim(s3Key);
    }

    @CheckForNull
    @Override
    public String getS3ObjectVersion() {
        return s3ObjectVersion;
    }

    @DataBoundSetter
    public void setS3ObjectVersion(@CheckForNull String s3ObjectVersion) {
        this.s3ObjectVersion = Util.fixEmptyAndTrim(s3ObjectVersion);
    }

    @CheckForNull
    @Override
    public String getZipFile() {
        return zipFile;
    }

    @DataBoundSetter
    public void setZipFile(@CheckForNull String zipFile) {
        this.zipFile = Util.fixEmptyAndTrim(zipFile);
    }

    @CheckForNull
    @Override
    public String getImageUri() {
        return imageUri;
    }

    @DataBoundSetter
    public void setImageUri(@CheckForNull String imageUri) {
        this.imageUri = Util.fixEmptyAndTrim(imageUri);
    }

    @CheckForNull
    @Override
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

    /** The published version's description. */
    @CheckForNull
    public String getDescription() {
        return description;
    }

    @DataBoundSetter
    public void setDescription(@CheckForNull String description) {
        this.description = Util.fixEmptyAndTrim(description);
    }

    /** A rollback deploy: a failed publish is a warning, as in the original script. */
    public boolean isRollback() {
        return rollback;
    }

    @DataBoundSetter
    public void setRollback(boolean rollback) {
        this.rollback = rollback;
    }

    /** Update only if the function is still at this RevisionId. */
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

    /** The alias to point at the version published; none leaves aliases alone. */
    @CheckForNull
    @Override
    public String getAlias() {
        return alias;
    }

    @DataBoundSetter
    public void setAlias(@CheckForNull String alias) {
        this.alias = Util.fixEmptyAndTrim(alias);
    }

    @Override
    public boolean isCreateIfMissing() {
        return createIfMissing;
    }

    @DataBoundSetter
    public void setCreateIfMissing(boolean createIfMissing) {
        this.createIfMissing = createIfMissing;
    }

    @CheckForNull
    @Override
    public String getAliasRevisionId() {
        return aliasRevisionId;
    }

    @DataBoundSetter
    public void setAliasRevisionId(@CheckForNull String aliasRevisionId) {
        this.aliasRevisionId = Util.fixEmptyAndTrim(aliasRevisionId);
    }

    @CheckForNull
    @Override
    public String getShift() {
        return shift;
    }

    @DataBoundSetter
    public void setShift(@CheckForNull String shift) {
        this.shift = Util.fixEmptyAndTrim(shift);
    }

    @CheckForNull
    @Override
    public String getAlarms() {
        return alarms;
    }

    @DataBoundSetter
    public void setAlarms(@CheckForNull String alarms) {
        this.alarms = Util.fixEmptyAndTrim(alarms);
    }

    @CheckForNull
    @Override
    public String getOnAlarm() {
        return onAlarm;
    }

    @DataBoundSetter
    public void setOnAlarm(@CheckForNull String onAlarm) {
        this.onAlarm = unlessDefault(onAlarm, AliasRequest.OnAlarm.FAIL);
    }

    @Override
    public int getAlarmPollInterval() {
        return alarmPollInterval;
    }

    @DataBoundSetter
    public void setAlarmPollInterval(int alarmPollInterval) {
        this.alarmPollInterval = alarmPollInterval;
    }

    @CheckForNull
    @Override
    public String getEnvironment() {
        return environment;
    }

    @DataBoundSetter
    public void setEnvironment(@CheckForNull String environment) {
        this.environment = Util.fixEmptyAndTrim(environment);
    }

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
    @Override
    public Integer getEphemeralStorage() {
        return ephemeralStorage;
    }

    @DataBoundSetter
    public void setEphemeralStorage(@CheckForNull Integer ephemeralStorage) {
        this.ephemeralStorage = ephemeralStorage;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    @NonNull
    @Override
    public DeployOperation prepare(@CheckForNull FilePath workspace, @NonNull UnaryOperator<String> expand)
            throws IOException, InterruptedException {
        UpdateCodeRequest update = Requests.deployUpdate(this, CodeSources.of(this, workspace, expand), expand);
        UpdateConfigurationRequest configuration = Requests.deployConfiguration(this, expand, expand);
        PublishVersionRequest publish = Requests.deployPublish(this, null, expand);
        AliasRequest aliasRequest = Util.fixEmptyAndTrim(expand.apply(alias)) == null
                ? null
                : Requests.alias(this, update.functionName(), null, expand);
        return deployer -> deployer.deploy(update, configuration, publish, aliasRequest);
    }

    static final class Execution extends LambdaStepExecution {

        private static final long serialVersionUID = 1L;

        @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "Only used when starting.")
        private final transient LambdaDeployStep step;
        /** What to publish and where to point after the wait, possibly after a restart; plain values, no secret. */
        private final @CheckForNull String description;

        private final boolean rollback;
        private final int maxRetries;
        private @CheckForNull LinkedHashMap<String, Object> aliasAfterPublish;
        /** The configuration wait's warning (it timed out), carried into the step's result after the code's wait. */
        private @CheckForNull String configurationWarning;

        Execution(LambdaDeployStep step, StepContext context) {
            super(step, context);
            this.step = step;
            this.description = step.getDescription();
            this.rollback = step.isRollback();
            this.maxRetries = step.getMaxRetries();
        }

        @Override
        protected boolean waitFollowsOwnUpdate() {
            return true;
        }

        @NonNull
        @Override
        protected AfterWait afterTheWait() {
            return AfterWait.PUBLISH;
        }

        @Override
        protected void begin(@NonNull BackgroundContext context) throws Exception {
            FilePath workspace = step.getZipFile() == null ? null : context.workspace();
            UnaryOperator<String> asIs = UnaryOperator.identity();
            UpdateCodeRequest update = Requests.deployUpdate(step, CodeSources.of(step, workspace, asIs), asIs);
            UpdateConfigurationRequest configuration =
                    Requests.deployConfiguration(step, asIs, context.environmentExpander());
            Requests.deployPublish(step, null, asIs);
            if (step.getAlias() != null) {
                aliasAfterPublish = new LinkedHashMap<>(
                        Requests.alias(step, update.functionName(), null, asIs).toMap());
            }
            if (configuration != null) {
                // first, and waited for here: the code update then meets no update in progress
                context.resolveCredentials();
                markCallInFlight(LambdaOperationNames.UPDATE_FUNCTION_CONFIGURATION);
                configurationWarning = context.call(DeployerCalls.updateConfiguration(configuration))
                        .warning();
            }
            // a configuration change made a new revision: the code update is pinned to the one it reads, as the
            // engine's
            UpdateCodeRequest code = configuration == null
                    ? update
                    : update.toBuilder().revisionId(null).build();
            updateCodeThenWait(context, !code.dryRun(), DeployerCalls.updateCodeForOwnWait(code));
        }

        /** Publishes the code the update uploaded, as the wait saw it ready; then points or shifts the alias. */
        @Override
        protected void afterWait(@NonNull BackgroundContext context, @NonNull WaitOutcome outcome) throws Exception {
            LambdaResult updated = updated();
            LambdaResult published = publishAfterWait(
                            context,
                            outcome,
                            PublishVersionRequest.builder()
                                    .description(description)
                                    .codeSha256(updated.codeSha256())
                                    .maxRetries(maxRetries)
                                    .rollback(rollback))
                    .withEarlierWarning(configurationWarning);
            if (published.functionArn() == null) {
                published =
                        published.toBuilder().functionArn(updated.functionArn()).build();
            }
            LinkedHashMap<String, Object> alias = aliasAfterPublish;
            if (alias == null || published.version() == null) {
                complete(context, published);
                return;
            }
            AliasRequest request = AliasRequest.fromMap(alias).toBuilder()
                    .version(published.version())
                    .build();
            if (request.shifting()) {
                startShift(context, request, published);
            } else {
                pointAlias(context, request, published);
            }
        }
    }

    @Extension
    public static final class DescriptorImpl extends AbstractAliasStepDescriptor implements ConfigurationFieldChecks {

        /** The fields this step shares with the single-purpose steps have their help there. */
        public DescriptorImpl() {
            for (String field : List.of(
                    "s3Bucket",
                    "s3Key",
                    "s3ObjectVersion",
                    "zipFile",
                    "imageUri",
                    "architectures",
                    "revisionId",
                    "maxRetries")) {
                addHelpFileRedirect(field, LambdaUpdateCodeStep.class, field);
            }
            for (String field : List.of(
                    "environment",
                    "environmentMode",
                    "memorySize",
                    "timeout",
                    "handler",
                    "runtime",
                    "layers",
                    "ephemeralStorage")) {
                addHelpFileRedirect(field, LambdaUpdateConfigurationStep.class, field);
            }
            for (String field : List.of("description", "rollback")) {
                addHelpFileRedirect(field, LambdaPublishVersionStep.class, field);
            }
            for (String field :
                    List.of("createIfMissing", "aliasRevisionId", "shift", "alarms", "onAlarm", "alarmPollInterval")) {
                addHelpFileRedirect(field, LambdaUpdateAliasStep.class, field);
            }
        }

        @Override
        public String getFunctionName() {
            return "lambdaDeploy";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.LambdaDeployStep_DisplayName();
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
