package io.jenkins.plugins.lambdadeploy;

import dev.lambdadeploy.engine.AwaitReadyRequest;
import dev.lambdadeploy.engine.CodeSource;
import dev.lambdadeploy.engine.PublishVersionRequest;
import dev.lambdadeploy.engine.UpdateCodeRequest;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import io.jenkins.plugins.lambdadeploy.steps.LambdaAwaitReadyStep;
import io.jenkins.plugins.lambdadeploy.steps.LambdaPublishVersionStep;
import io.jenkins.plugins.lambdadeploy.steps.LambdaUpdateCodeStep;
import java.util.List;
import java.util.function.UnaryOperator;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * User settings to engine requests, field for field. Building a request validates it: the engine throws an
 * {@link dev.lambdadeploy.engine.InvalidParameterException} naming the first bad parameter. {@code expand} resolves
 * {@code $VARIABLES} in text fields: the build's environment for freestyle steps, nothing for Pipeline (Groovy
 * string interpolation does it there).
 */
@Restricted(NoExternalUse.class)
public final class Requests {

    private Requests() {}

    @NonNull
    public static UpdateCodeRequest updateCode(
            @NonNull LambdaUpdateCodeStep p, @NonNull CodeSource code, @NonNull UnaryOperator<String> expand) {
        return UpdateCodeRequest.builder()
                .functionName(expand.apply(p.getFunctionName()))
                .code(code)
                .architectures(architectures(expand.apply(p.getArchitectures())))
                .dryRun(p.isDryRun())
                .publish(p.isPublish())
                .revisionId(expand.apply(p.getRevisionId()))
                .maxRetries(p.getMaxRetries())
                .waitForReady(p.isWaitForReady())
                .waitSettings(p.waitSettings())
                .build();
    }

    @NonNull
    public static AwaitReadyRequest awaitReady(@NonNull LambdaAwaitReadyStep p, @NonNull UnaryOperator<String> expand) {
        return AwaitReadyRequest.of(
                expand.apply(p.getFunctionName()), expand.apply(p.getQualifier()), p.waitSettings());
    }

    @NonNull
    public static PublishVersionRequest publishVersion(
            @NonNull LambdaPublishVersionStep p, @NonNull UnaryOperator<String> expand) {
        return PublishVersionRequest.builder()
                .functionName(expand.apply(p.getFunctionName()))
                .description(expand.apply(p.getDescription()))
                .codeSha256(expand.apply(p.getCodeSha256()))
                .revisionId(expand.apply(p.getRevisionId()))
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
