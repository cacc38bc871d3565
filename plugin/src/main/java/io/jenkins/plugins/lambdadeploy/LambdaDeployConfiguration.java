package io.jenkins.plugins.lambdadeploy;

import dev.lambdadeploy.engine.aws.CallSite;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.security.Permission;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Administrator settings. Off by default: a build without credentials must not act with the controller's own AWS
 * identity (instance profile, environment, ~/.aws) unless an administrator says so.
 */
@Extension
@Symbol("lambdaDeploy")
public final class LambdaDeployConfiguration extends GlobalConfiguration {

    private boolean allowControllerCredentials;
    /** Where steps without {@code callsFrom} make their AWS calls: {@code controller} (null) or {@code agent}. */
    private @CheckForNull String callsFrom;

    public LambdaDeployConfiguration() {
        load();
    }

    @NonNull
    public static LambdaDeployConfiguration get() {
        return ExtensionList.lookupSingleton(LambdaDeployConfiguration.class);
    }

    public boolean isAllowControllerCredentials() {
        return allowControllerCredentials;
    }

    @DataBoundSetter
    public void setAllowControllerCredentials(boolean allowControllerCredentials) {
        this.allowControllerCredentials = allowControllerCredentials;
        save();
    }

    /** {@code controller} or {@code agent}: the default of every step's {@code callsFrom}. */
    @NonNull
    public String getCallsFrom() {
        return callSite().spelling();
    }

    @DataBoundSetter
    public void setCallsFrom(@CheckForNull String callsFrom) {
        CallSite site = CallSite.parse(callsFrom);
        this.callsFrom = site == CallSite.CONTROLLER ? null : site.spelling();
        save();
    }

    /** The default of every step's {@code callsFrom}. */
    @NonNull
    public CallSite callSite() {
        return CallSite.parse(callsFrom);
    }

    @POST
    public ListBoxModel doFillCallsFromItems() {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        ListBoxModel items = new ListBoxModel();
        for (CallSite site : CallSite.values()) {
            items.add(site.spelling());
        }
        return items;
    }

    @POST
    public FormValidation doCheckCallsFrom(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FormChecks.check(() -> CallSite.parse(value));
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.LambdaDeployConfiguration_DisplayName();
    }

    /** Lending the controller's identity to builds is an administrator's decision, not a Manage one. */
    @NonNull
    @Override
    public Permission getRequiredGlobalConfigPagePermission() {
        return Jenkins.ADMINISTER;
    }
}
