package io.jenkins.plugins.lambdadeploy;

import dev.lambdadeploy.engine.AwaitReadyRequest;
import dev.lambdadeploy.engine.CodeSource;
import dev.lambdadeploy.engine.PublishVersionRequest;
import dev.lambdadeploy.engine.UpdateCodeRequest;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import java.util.List;

/**
 * User settings to engine requests, field for field. Building a request validates it: the engine throws an
 * {@link dev.lambdadeploy.engine.InvalidParameterException} naming the first bad parameter.
 */
public final class Requests {

    private Requests() {
    }

    @NonNull
    public static UpdateCodeRequest updateCode(@NonNull UpdateCodeParameters p, @NonNull CodeSource code) {
        return UpdateCodeRequest.builder()
                .functionName(p.getFunctionName())
                .code(code)
                .architectures(architectures(p.getArchitectures()))
                .dryRun(p.isDryRun())
                .publish(p.isPublish())
                .revisionId(p.getRevisionId())
                .maxRetries(p.getMaxRetries())
                .waitForReady(p.isWaitForReady())
                .waitSettings(p.waitSettings())
                .build();
    }

    @NonNull
    public static AwaitReadyRequest awaitReady(@NonNull AwaitReadyParameters p) {
        return AwaitReadyRequest.of(p.getFunctionName(), p.getQualifier(), p.waitSettings());
    }

    @NonNull
    public static PublishVersionRequest publishVersion(@NonNull PublishVersionParameters p) {
        return PublishVersionRequest.builder()
                .functionName(p.getFunctionName())
                .description(p.getDescription())
                .codeSha256(p.getCodeSha256())
                .revisionId(p.getRevisionId())
                .maxRetries(p.getMaxRetries())
                .rollback(p.isRollback())
                .waitForReady(p.isWaitForReady())
                .waitSettings(p.waitSettings())
                .build();
    }

    private static List<String> architectures(@CheckForNull String architecture) {
        String value = Util.fixEmptyAndTrim(architecture);
        return value == null ? List.of() : List.of(value);
    }
}
