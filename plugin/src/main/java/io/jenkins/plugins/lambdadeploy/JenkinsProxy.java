package io.jenkins.plugins.lambdadeploy;

import dev.lambdadeploy.engine.aws.ProxySettings;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.ProxyConfiguration;
import hudson.util.Secret;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** The proxy configured in Jenkins (Manage Jenkins, Plugins, Advanced), if any, for AWS calls from the controller. */
@Restricted(NoExternalUse.class)
public final class JenkinsProxy {

    private JenkinsProxy() {}

    @CheckForNull
    public static ProxySettings settings() {
        Jenkins jenkins = Jenkins.getInstanceOrNull();
        ProxyConfiguration proxy = jenkins == null ? null : jenkins.proxy;
        if (proxy == null || proxy.getName() == null) {
            return null;
        }
        return ProxySettings.of(
                proxy.getName(),
                proxy.getPort(),
                proxy.getUserName(),
                Secret.toString(proxy.getSecretPassword()),
                proxy.getNoProxyHost());
    }
}
