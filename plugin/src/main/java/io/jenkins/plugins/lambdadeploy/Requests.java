package io.jenkins.plugins.lambdadeploy;

import dev.lambdadeploy.engine.AliasRequest;
import dev.lambdadeploy.engine.AwaitReadyRequest;
import dev.lambdadeploy.engine.CleanupRequest;
import dev.lambdadeploy.engine.CodeSource;
import dev.lambdadeploy.engine.Durations;
import dev.lambdadeploy.engine.Parameter;
import dev.lambdadeploy.engine.PublishVersionRequest;
import dev.lambdadeploy.engine.UpdateCodeRequest;
import dev.lambdadeploy.engine.UpdateConfigurationRequest;
import dev.lambdadeploy.engine.Validation;
import dev.lambdadeploy.engine.release.FunctionSettings;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import io.jenkins.plugins.lambdadeploy.steps.AliasFields;
import io.jenkins.plugins.lambdadeploy.steps.ConfigurationFields;
import io.jenkins.plugins.lambdadeploy.steps.LambdaAwaitReadyStep;
import io.jenkins.plugins.lambdadeploy.steps.LambdaCleanupVersionsStep;
import io.jenkins.plugins.lambdadeploy.steps.LambdaDeployStep;
import io.jenkins.plugins.lambdadeploy.steps.LambdaPublishVersionStep;
import io.jenkins.plugins.lambdadeploy.steps.LambdaUpdateCodeStep;
import io.jenkins.plugins.lambdadeploy.steps.LambdaUpdateConfigurationStep;
import java.time.Duration;
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

    /**
     * {@code expandEnvironment} resolves {@code $VARIABLES} in the environment values, in Pipeline too: a
     * {@code withCredentials} secret then reaches the function without Groovy interpolating it into the script.
     */
    @NonNull
    public static UpdateConfigurationRequest updateConfiguration(
            @NonNull LambdaUpdateConfigurationStep p,
            @NonNull UnaryOperator<String> expand,
            @NonNull UnaryOperator<String> expandEnvironment) {
        return UpdateConfigurationRequest.builder()
                .functionName(expand.apply(p.getFunctionName()))
                .settings(settings(p, expand.apply(p.getDescription()), expand, expandEnvironment))
                .environmentMode(FunctionSettings.EnvironmentMode.parse(p.getEnvironmentMode()))
                .revisionId(expand.apply(p.getRevisionId()))
                .maxRetries(p.getMaxRetries())
                .waitForReady(p.isWaitForReady())
                .waitSettings(p.waitSettings())
                .dryRun(p.isDryRun())
                .build();
    }

    /**
     * The configuration change of a deploy, or null when it sets no field: made first and waited for, so the code
     * update meets no update in progress.
     */
    @CheckForNull
    public static UpdateConfigurationRequest deployConfiguration(
            @NonNull LambdaDeployStep p,
            @NonNull UnaryOperator<String> expand,
            @NonNull UnaryOperator<String> expandEnvironment) {
        FunctionSettings settings = settings(p, null, expand, expandEnvironment);
        if (settings.isEmpty()) {
            return null;
        }
        return UpdateConfigurationRequest.builder()
                .functionName(expand.apply(p.getFunctionName()))
                .settings(settings)
                .environmentMode(FunctionSettings.EnvironmentMode.parse(p.getEnvironmentMode()))
                .revisionId(expand.apply(p.getRevisionId()))
                .maxRetries(p.getMaxRetries())
                .waitForReady(true)
                .waitSettings(p.waitSettings())
                .dryRun(p.isDryRun())
                .build();
    }

    private static FunctionSettings settings(
            ConfigurationFields p,
            @CheckForNull String description,
            UnaryOperator<String> expand,
            UnaryOperator<String> expandEnvironment) {
        return new FunctionSettings(
                FunctionSettings.parseEnvironment(expandEnvironment.apply(p.getEnvironment())),
                p.getMemorySize(),
                p.getTimeout(),
                expand.apply(p.getHandler()),
                expand.apply(p.getRuntime()),
                Validation.listOf(expand.apply(p.getLayers())),
                description,
                p.getEphemeralStorage());
    }

    @NonNull
    public static CleanupRequest cleanupVersions(
            @NonNull LambdaCleanupVersionsStep p, @NonNull UnaryOperator<String> expand) {
        String age = Util.fixEmptyAndTrim(expand.apply(p.getKeepYoungerThan()));
        return CleanupRequest.builder()
                .functionName(expand.apply(p.getFunctionName()))
                .keepNewest(p.getKeepVersions())
                .keepYoungerThan(age == null ? null : Durations.parseAge(age, Parameter.KEEP_YOUNGER_THAN))
                .dryRun(p.isDryRun())
                .maxRetries(p.getMaxRetries())
                .build();
    }

    /** {@code version} may be null only for a deploy, which points the alias at the version it publishes. */
    @NonNull
    public static AliasRequest alias(
            @NonNull AliasFields p,
            @NonNull String functionName,
            @CheckForNull String version,
            @NonNull UnaryOperator<String> expand) {
        return AliasRequest.builder()
                .functionName(functionName)
                .alias(expand.apply(p.getAlias()))
                .version(version)
                .createIfMissing(p.isCreateIfMissing())
                .aliasRevisionId(expand.apply(p.getAliasRevisionId()))
                .shift(expand.apply(p.getShift()))
                .alarms(Validation.listOf(expand.apply(p.getAlarms())))
                .onAlarm(AliasRequest.OnAlarm.parse(p.getOnAlarm()))
                .alarmPollInterval(Duration.ofSeconds(p.getAlarmPollInterval()))
                .build();
    }

    /** The update of a deploy: never waits by itself, the deploy waits before it publishes. */
    @NonNull
    public static UpdateCodeRequest deployUpdate(
            @NonNull LambdaDeployStep p, @NonNull CodeSource code, @NonNull UnaryOperator<String> expand) {
        return UpdateCodeRequest.builder()
                .functionName(expand.apply(p.getFunctionName()))
                .code(code)
                .architectures(architectures(expand.apply(p.getArchitectures())))
                .dryRun(p.isDryRun())
                .revisionId(expand.apply(p.getRevisionId()))
                .maxRetries(p.getMaxRetries())
                .waitForReady(false)
                .waitSettings(p.waitSettings())
                .build();
    }

    /** The publish of a deploy, pinned to {@code codeSha256}: what the update uploaded (null before it). */
    @NonNull
    public static PublishVersionRequest deployPublish(
            @NonNull LambdaDeployStep p, @CheckForNull String codeSha256, @NonNull UnaryOperator<String> expand) {
        return PublishVersionRequest.builder()
                .functionName(expand.apply(p.getFunctionName()))
                .description(expand.apply(p.getDescription()))
                .codeSha256(codeSha256)
                .maxRetries(p.getMaxRetries())
                .rollback(p.isRollback())
                .waitSettings(p.waitSettings())
                .build();
    }

    private static List<String> architectures(@CheckForNull String architecture) {
        String value = Util.fixEmptyAndTrim(architecture);
        return value == null ? List.of() : List.of(value);
    }
}
