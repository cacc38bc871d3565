package io.jenkins.plugins.lambdadeploy;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/** lambdaPublishVersion as the user configured it. */
public interface PublishVersionParameters extends ConnectionParameters, WaitParameters {

    String getFunctionName();

    @CheckForNull
    String getDescription();

    @CheckForNull
    String getCodeSha256();

    @CheckForNull
    String getRevisionId();

    int getMaxRetries();

    boolean isRollback();

    boolean isWaitForReady();
}
