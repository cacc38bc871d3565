package io.jenkins.plugins.lambdadeploy;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/** lambdaUpdateCode as the user configured it (the Pipeline step and the freestyle build step alike). */
public interface UpdateCodeParameters extends ConnectionParameters, WaitParameters {

    String getFunctionName();

    @CheckForNull
    String getS3Bucket();

    @CheckForNull
    String getS3Key();

    @CheckForNull
    String getS3ObjectVersion();

    /** A path relative to the workspace. */
    @CheckForNull
    String getZipFile();

    @CheckForNull
    String getImageUri();

    /** x86_64 or arm64; Lambda takes exactly one. */
    @CheckForNull
    String getArchitectures();

    boolean isDryRun();

    boolean isPublish();

    @CheckForNull
    String getRevisionId();

    int getMaxRetries();

    boolean isWaitForReady();
}
