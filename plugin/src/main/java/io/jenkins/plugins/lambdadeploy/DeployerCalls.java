package io.jenkins.plugins.lambdadeploy;

import dev.lambdadeploy.engine.AcceptedUpdate;
import dev.lambdadeploy.engine.AfterWait;
import dev.lambdadeploy.engine.AliasRequest;
import dev.lambdadeploy.engine.AliasResult;
import dev.lambdadeploy.engine.CleanupRequest;
import dev.lambdadeploy.engine.CleanupResult;
import dev.lambdadeploy.engine.DeployOperation;
import dev.lambdadeploy.engine.LambdaDeployer;
import dev.lambdadeploy.engine.LambdaOperationNames;
import dev.lambdadeploy.engine.LambdaResult;
import dev.lambdadeploy.engine.OperationResult;
import dev.lambdadeploy.engine.PublishVersionRequest;
import dev.lambdadeploy.engine.UpdateCodeRequest;
import dev.lambdadeploy.engine.UpdateConfigurationRequest;
import dev.lambdadeploy.engine.WaitSettings;
import dev.lambdadeploy.engine.aws.CallSiteException;
import dev.lambdadeploy.engine.aws.FunctionProbe;
import dev.lambdadeploy.engine.aws.LambdaClients;
import dev.lambdadeploy.engine.release.ShiftDecision;
import dev.lambdadeploy.engine.release.ShiftState;
import dev.lambdadeploy.engine.wait.Observation;
import dev.lambdadeploy.engine.wait.WaitOutcome;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The {@link DeployerCall}s the steps make: each an operation's name and a serializable lambda that captures only the
 * plain engine values it is given, so that it can be sent to an agent as it is, and so that nothing else (the step,
 * its context) travels with it.
 */
@Restricted(NoExternalUse.class)
public final class DeployerCalls {

    private static final String GET_FUNCTION = "GetFunction";
    private static final String DESCRIBE_ALARMS = "DescribeAlarms";

    private DeployerCalls() {}

    @NonNull
    public static DeployerCall<LambdaResult> updateCode(@NonNull UpdateCodeRequest request) {
        return new Named<>(
                LambdaOperationNames.UPDATE_FUNCTION_CODE, (deployer, session) -> deployer.updateCode(request));
    }

    /** An update whose wait the step drives itself: what the response said, to be the wait's first poll. */
    @NonNull
    public static DeployerCall<AcceptedUpdate> updateCodeForOwnWait(@NonNull UpdateCodeRequest request) {
        return new Named<>(
                LambdaOperationNames.UPDATE_FUNCTION_CODE,
                (deployer, session) -> deployer.updateCodeForOwnWait(request));
    }

    @NonNull
    public static DeployerCall<LambdaResult> updateConfiguration(@NonNull UpdateConfigurationRequest request) {
        return new Named<>(
                LambdaOperationNames.UPDATE_FUNCTION_CONFIGURATION,
                (deployer, session) -> deployer.updateConfiguration(request));
    }

    @NonNull
    public static DeployerCall<LambdaResult> publishVersion(@NonNull PublishVersionRequest request) {
        return new Named<>(
                LambdaOperationNames.PUBLISH_VERSION, (deployer, session) -> deployer.publishVersion(request));
    }

    @NonNull
    public static DeployerCall<LambdaResult> publishAfterWait(
            @NonNull PublishVersionRequest request, @NonNull WaitOutcome outcome) {
        return new Named<>(
                LambdaOperationNames.PUBLISH_VERSION,
                (deployer, session) -> deployer.publishAfterWait(request, outcome));
    }

    /** Makes no AWS call: logs and concludes, where the step's other calls run so the log stays in order. */
    @NonNull
    public static DeployerCall<LambdaResult> concludeWait(
            @NonNull String functionName,
            @NonNull LambdaResult soFar,
            @NonNull WaitOutcome outcome,
            @NonNull WaitSettings settings,
            @NonNull AfterWait next) {
        return new Named<>(
                GET_FUNCTION,
                (deployer, session) -> deployer.concludeWait(functionName, soFar, outcome, settings, next, null));
    }

    @NonNull
    public static DeployerCall<CleanupResult> cleanupVersions(@NonNull CleanupRequest request) {
        return new Named<>(
                LambdaOperationNames.DELETE_FUNCTION, (deployer, session) -> deployer.cleanupVersions(request));
    }

    @NonNull
    public static DeployerCall<AliasResult> updateAlias(@NonNull AliasRequest request) {
        return new Named<>(LambdaOperationNames.UPDATE_ALIAS, (deployer, session) -> deployer.updateAlias(request));
    }

    @NonNull
    public static DeployerCall<ShiftState> startShift(@NonNull AliasRequest request) {
        return new Named<>(LambdaOperationNames.UPDATE_ALIAS, (deployer, session) -> deployer.startShift(request));
    }

    @NonNull
    public static DeployerCall<ShiftDecision> nextShiftDecision(
            @NonNull AliasRequest request, @NonNull ShiftState state, @NonNull Instant now) {
        return new Named<>(DESCRIBE_ALARMS, (deployer, session) -> deployer.nextShiftDecision(request, state, now));
    }

    @NonNull
    public static DeployerCall<ShiftState> applyShiftDecision(
            @NonNull AliasRequest request, @NonNull ShiftState state, @NonNull ShiftDecision decision) {
        return new Named<>(
                LambdaOperationNames.UPDATE_ALIAS,
                (deployer, session) -> deployer.applyShiftDecision(request, state, decision));
    }

    @NonNull
    public static DeployerCall<AliasResult> shiftResult(
            @NonNull AliasRequest request, @NonNull ShiftState state, @NonNull ShiftDecision decision) {
        return new Named<>(
                LambdaOperationNames.UPDATE_ALIAS,
                (deployer, session) -> deployer.shiftResult(request, state, decision));
    }

    /** {@code failure} travels as a {@link CallSiteException}: its message, and what it was. */
    @NonNull
    public static DeployerCall<Boolean> shiftFailed(
            @NonNull AliasRequest request, @NonNull ShiftState state, @NonNull RuntimeException failure) {
        CallSiteException sent = CallSiteException.of(failure);
        return new Named<>(LambdaOperationNames.UPDATE_ALIAS, (deployer, session) -> {
            deployer.shiftFailed(request, state, sent);
            return Boolean.TRUE;
        });
    }

    @NonNull
    public static DeployerCall<Boolean> abortShift(@NonNull AliasRequest request, @NonNull ShiftState state) {
        return new Named<>(LambdaOperationNames.UPDATE_ALIAS, (deployer, session) -> {
            deployer.abortShift(request, state);
            return Boolean.TRUE;
        });
    }

    /** One poll of a wait: one GetFunction within {@code timeout}. */
    @NonNull
    public static DeployerCall<Observation> probe(
            @NonNull String functionName, @CheckForNull String qualifier, @NonNull Duration timeout) {
        return new Named<>(
                GET_FUNCTION,
                (deployer, session) -> new FunctionProbe(session.lambda(), functionName, qualifier).probe(timeout));
    }

    /** A freestyle build step's prepared operation (a serializable lambda of the engine's {@link DeployOperation}). */
    @NonNull
    public static DeployerCall<OperationResult> operation(@NonNull DeployOperation operation, @NonNull String name) {
        return new Named<>(name, (deployer, session) -> operation.run(deployer));
    }

    /** What a call does with the deployer and the session it is given: captures plain, serializable values only. */
    @FunctionalInterface
    private interface Body<T> extends Serializable {
        T call(LambdaDeployer deployer, LambdaClients.Session session) throws InterruptedException;
    }

    /** A call, named by the AWS operation it makes for a message when it cannot be made. */
    private record Named<T>(String operation, Body<T> body) implements DeployerCall<T> {
        @Override
        public T call(LambdaDeployer deployer, LambdaClients.Session session) throws InterruptedException {
            return body.call(deployer, session);
        }
    }
}
