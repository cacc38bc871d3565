package io.jenkins.plugins.lambdadeploy;

import dev.lambdadeploy.engine.CodeSource;
import dev.lambdadeploy.engine.Validation;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.Util;
import io.jenkins.plugins.lambdadeploy.steps.CodeFields;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.UnaryOperator;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** The code source of an update: S3 or an image as given, or a zip read from the workspace (on the agent). */
@Restricted(NoExternalUse.class)
public final class CodeSources {

    private CodeSources() {}

    /**
     * Reads {@code zipFile} only when it is the source, so S3 and image updates need no workspace.
     *
     * @param workspace null outside a {@code node} block
     * @param expand resolves {@code $VARIABLES} (see {@link Requests})
     */
    @NonNull
    public static CodeSource of(
            @NonNull CodeFields parameters, @CheckForNull FilePath workspace, @NonNull UnaryOperator<String> expand)
            throws IOException, InterruptedException {
        String zipFile = Util.fixEmptyAndTrim(expand.apply(parameters.getZipFile()));
        byte[] zip = null;
        if (zipFile != null) {
            zip = read(zipFile, workspace);
        }
        return Validation.codeSource(
                expand.apply(parameters.getS3Bucket()),
                expand.apply(parameters.getS3Key()),
                expand.apply(parameters.getS3ObjectVersion()),
                zip,
                zipFile,
                expand.apply(parameters.getImageUri()));
    }

    private static byte[] read(String zipFile, @CheckForNull FilePath workspace)
            throws IOException, InterruptedException {
        if (workspace == null) {
            throw new AbortException(Messages.CodeSources_NoWorkspace(zipFile));
        }
        FilePath file = workspace.child(zipFile);
        if (!file.exists()) {
            throw new AbortException(Messages.CodeSources_NotFound(zipFile, workspace.getRemote()));
        }
        // the engine checks the size first and reads no more than it may send, wherever the file is
        try (InputStream in = file.read()) {
            return Validation.readZip(zipFile, file.length(), in);
        }
    }
}
