package io.jenkins.plugins.lambdadeploy;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.security.Permission;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Administrator settings. Off by default: a build without credentials must not act with the controller's own AWS
 * identity (instance profile, environment, ~/.aws) unless an administrator says so.
 */
@Extension
@Symbol("lambdaDeploy")
public final class LambdaDeployConfiguration extends GlobalConfiguration {

    private boolean allowControllerCredentials;

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
