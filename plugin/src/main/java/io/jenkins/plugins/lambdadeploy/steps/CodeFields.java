package io.jenkins.plugins.lambdadeploy.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/** Where the new code comes from, as the steps that update code take it: an S3 object, a zip file or an image. */
public interface CodeFields {

    @CheckForNull
    String getS3Bucket();

    @CheckForNull
    String getS3Key();

    @CheckForNull
    String getS3ObjectVersion();

    @CheckForNull
    String getZipFile();

    @CheckForNull
    String getImageUri();

    @CheckForNull
    String getArchitectures();
}
