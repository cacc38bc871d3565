package io.jenkins.plugins.lambdadeploy;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/** lambdaAwaitReady as the user configured it. */
public interface AwaitReadyParameters extends ConnectionParameters, WaitParameters {

    String getFunctionName();

    /** A version or alias; null for $LATEST. */
    @CheckForNull
    String getQualifier();
}
