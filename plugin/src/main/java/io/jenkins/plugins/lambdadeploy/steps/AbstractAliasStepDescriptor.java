package io.jenkins.plugins.lambdadeploy.steps;

import dev.lambdadeploy.engine.AliasRequest;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.lambdadeploy.FormChecks;
import java.util.Map;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** Form methods of the steps that point or shift an alias ({@link AliasFields}). */
public abstract class AbstractAliasStepDescriptor extends AbstractFunctionChangingStepDescriptor {

    /** Where the alias fields' form ({@code alias.jelly}) and help live, for every step that has them. */
    public Class<?> getAliasFieldsClass() {
        return LambdaUpdateAliasStep.class;
    }

    public long getDefaultAlarmPollInterval() {
        return AliasRequest.DEFAULT_ALARM_POLL_INTERVAL.toSeconds();
    }

    /** The function and the alias it moves, so Blue Ocean and the stage view tell two such steps apart. */
    @Override
    @CheckForNull
    public String argumentsToString(@NonNull Map<String, Object> namedArgs) {
        String function = super.argumentsToString(namedArgs);
        Object alias = namedArgs.get("alias");
        return function != null && alias instanceof String name ? function + " (alias " + name + ")" : function;
    }

    @POST
    public FormValidation doCheckShift(@QueryParameter String value) {
        return FormChecks.checkShift(value);
    }

    @POST
    public ListBoxModel doFillOnAlarmItems() {
        return FormChecks.fillOnAlarm();
    }

    @POST
    public FormValidation doCheckAlarmPollInterval(@QueryParameter String value) {
        return FormChecks.checkAlarmPollInterval(value);
    }
}
