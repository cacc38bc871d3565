package io.jenkins.plugins.lambdadeploy.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/** The configuration the steps that change it take (UpdateFunctionConfiguration); null fields stay as they are. */
public interface ConfigurationFields {

    /** One {@code KEY=VALUE} a line. */
    @CheckForNull
    String getEnvironment();

    /** {@code merge} (the default) or {@code replace}. */
    @CheckForNull
    String getEnvironmentMode();

    @CheckForNull
    Integer getMemorySize();

    @CheckForNull
    Integer getTimeout();

    @CheckForNull
    String getHandler();

    @CheckForNull
    String getRuntime();

    /** Layer version ARNs, comma- or line-separated. */
    @CheckForNull
    String getLayers();

    @CheckForNull
    Integer getEphemeralStorage();
}
