package io.jenkins.plugins.lambdadeploy.steps;

import dev.lambdadeploy.engine.AliasRequest;
import dev.lambdadeploy.engine.DeployOperation;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import io.jenkins.plugins.lambdadeploy.Requests;
import java.util.function.UnaryOperator;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code lambdaUpdateAlias}: points an alias at a version, at once (guarded by the alias's RevisionId; created when
 * asked), or shifts its traffic gradually with CloudWatch alarms watched: an alarm puts all traffic back on the
 * previous version. The shift survives a controller restart; aborting it restores the previous version.
 */
public final class LambdaUpdateAliasStep extends AbstractLambdaStep implements AliasFields {

    private final String alias;
    private final String version;
    private boolean createIfMissing;
    private @CheckForNull String aliasRevisionId;
    private @CheckForNull String shift;
    private @CheckForNull String alarms;
    private @CheckForNull String onAlarm;
    private int alarmPollInterval = (int) AliasRequest.DEFAULT_ALARM_POLL_INTERVAL.toSeconds();

    @DataBoundConstructor
    public LambdaUpdateAliasStep(String functionName, String alias, String version) {
        super(functionName);
        this.alias = Util.fixEmptyAndTrim(alias);
        this.version = Util.fixEmptyAndTrim(version);
    }

    @Override
    public String getAlias() {
        return alias;
    }

    /** The published version to route to. */
    public String getVersion() {
        return version;
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

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    @NonNull
    @Override
    public DeployOperation prepare(@CheckForNull FilePath workspace, @NonNull UnaryOperator<String> expand) {
        AliasRequest request = Requests.alias(this, expand.apply(getFunctionName()), expand.apply(version), expand);
        return deployer -> deployer.updateAlias(request);
    }

    static final class Execution extends LambdaStepExecution {

        private static final long serialVersionUID = 1L;

        @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "Only used when starting.")
        private final transient LambdaUpdateAliasStep step;

        Execution(LambdaUpdateAliasStep step, StepContext context) {
            super(step, context);
            this.step = step;
        }

        @Override
        protected void begin(@NonNull BackgroundContext context) throws Exception {
            AliasRequest request =
                    Requests.alias(step, step.getFunctionName(), step.getVersion(), UnaryOperator.identity());
            context.resolveCredentials();
            if (request.shifting()) {
                startShift(context, request, null);
            } else {
                pointAlias(context, request, null);
            }
        }
    }

    @Extension
    public static final class DescriptorImpl extends AbstractAliasStepDescriptor {

        @Override
        public String getFunctionName() {
            return "lambdaUpdateAlias";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.LambdaUpdateAliasStep_DisplayName();
        }
    }
}
