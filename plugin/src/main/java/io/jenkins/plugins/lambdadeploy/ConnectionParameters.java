package io.jenkins.plugins.lambdadeploy;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/** How a step or build step reaches Lambda, as the user configured it. Every value is optional. */
public interface ConnectionParameters {

    @CheckForNull
    String getRegion();

    @CheckForNull
    String getCredentialsId();

    @CheckForNull
    String getRoleArn();

    @CheckForNull
    String getExternalId();

    @CheckForNull
    String getRoleSessionName();

    @CheckForNull
    String getEndpointUrl();
}
