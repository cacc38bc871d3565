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
import java.time.Duration;
import java.time.Instant;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The {@link DeployerCall}s the steps make: each a small named class of plain engine values, so that it can be sent to
 * an agent as it is, and so that nothing else (the step, its context) travels with it.
 */
@Restricted(NoExternalUse.class)
public final class DeployerCalls {

    private static final String GET_FUNCTION = "GetFunction";
    private static final String DESCRIBE_ALARMS = "DescribeAlarms";

    private DeployerCalls() {}

    @NonNull
    public static DeployerCall<LambdaResult> updateCode(@NonNull UpdateCodeRequest request) {
        return new UpdateCode(request);
    }

    /** An update whose wait the step drives itself: what the response said, to be the wait's first poll. */
    @NonNull
    public static DeployerCall<AcceptedUpdate> updateCodeForOwnWait(@NonNull UpdateCodeRequest request) {
        return new UpdateCodeForOwnWait(request);
    }

    @NonNull
    public static DeployerCall<LambdaResult> updateConfiguration(@NonNull UpdateConfigurationRequest request) {
        return new UpdateConfiguration(request);
    }

    @NonNull
    public static DeployerCall<LambdaResult> publishVersion(@NonNull PublishVersionRequest request) {
        return new PublishVersion(request);
    }

    @NonNull
    public static DeployerCall<LambdaResult> publishAfterWait(
            @NonNull PublishVersionRequest request, @NonNull WaitOutcome outcome) {
        return new PublishAfterWait(request, outcome);
    }

    /** Makes no AWS call: logs and concludes, where the step's other calls run so the log stays in order. */
    @NonNull
    public static DeployerCall<LambdaResult> concludeWait(
            @NonNull String functionName,
            @NonNull LambdaResult soFar,
            @NonNull WaitOutcome outcome,
            @NonNull WaitSettings settings,
            @NonNull AfterWait next) {
        return new ConcludeWait(functionName, soFar, outcome, settings, next);
    }

    @NonNull
    public static DeployerCall<CleanupResult> cleanupVersions(@NonNull CleanupRequest request) {
        return new CleanupVersions(request);
    }

    @NonNull
    public static DeployerCall<AliasResult> updateAlias(@NonNull AliasRequest request) {
        return new UpdateAlias(request);
    }

    @NonNull
    public static DeployerCall<ShiftState> startShift(@NonNull AliasRequest request) {
        return new StartShift(request);
    }

    @NonNull
    public static DeployerCall<ShiftDecision> nextShiftDecision(
            @NonNull AliasRequest request, @NonNull ShiftState state, @NonNull Instant now) {
        return new NextShiftDecision(request, state, now);
    }

    @NonNull
    public static DeployerCall<ShiftState> applyShiftDecision(
            @NonNull AliasRequest request, @NonNull ShiftState state, @NonNull ShiftDecision decision) {
        return new ApplyShiftDecision(request, state, decision);
    }

    @NonNull
    public static DeployerCall<AliasResult> shiftResult(
            @NonNull AliasRequest request, @NonNull ShiftState state, @NonNull ShiftDecision decision) {
        return new ShiftResult(request, state, decision);
    }

    /** {@code failure} travels as a {@link CallSiteException}: its message, and what it was. */
    @NonNull
    public static DeployerCall<Boolean> shiftFailed(
            @NonNull AliasRequest request, @NonNull ShiftState state, @NonNull RuntimeException failure) {
        return new ShiftFailed(request, state, CallSiteException.of(failure));
    }

    @NonNull
    public static DeployerCall<Boolean> abortShift(@NonNull AliasRequest request, @NonNull ShiftState state) {
        return new AbortShift(request, state);
    }

    /** One poll of a wait: one GetFunction within {@code timeout}. */
    @NonNull
    public static DeployerCall<Observation> probe(
            @NonNull String functionName, @CheckForNull String qualifier, @NonNull Duration timeout) {
        return new Probe(functionName, qualifier, timeout);
    }

    /** A freestyle build step's prepared operation (a serializable lambda of the engine's {@link DeployOperation}). */
    @NonNull
    public static DeployerCall<OperationResult> operation(@NonNull DeployOperation operation, @NonNull String name) {
        return new Operation(operation, name);
    }

    private record UpdateCode(UpdateCodeRequest request) implements DeployerCall<LambdaResult> {
        @Override
        public LambdaResult call(LambdaDeployer deployer, LambdaClients.Session session) throws InterruptedException {
            return deployer.updateCode(request);
        }

        @Override
        public String operation() {
            return LambdaOperationNames.UPDATE_FUNCTION_CODE;
        }
    }

    private record UpdateCodeForOwnWait(UpdateCodeRequest request) implements DeployerCall<AcceptedUpdate> {
        @Override
        public AcceptedUpdate call(LambdaDeployer deployer, LambdaClients.Session session) throws InterruptedException {
            return deployer.updateCodeForOwnWait(request);
        }

        @Override
        public String operation() {
            return LambdaOperationNames.UPDATE_FUNCTION_CODE;
        }
    }

    private record UpdateConfiguration(UpdateConfigurationRequest request) implements DeployerCall<LambdaResult> {
        @Override
        public LambdaResult call(LambdaDeployer deployer, LambdaClients.Session session) throws InterruptedException {
            return deployer.updateConfiguration(request);
        }

        @Override
        public String operation() {
            return LambdaOperationNames.UPDATE_FUNCTION_CONFIGURATION;
        }
    }

    private record PublishVersion(PublishVersionRequest request) implements DeployerCall<LambdaResult> {
        @Override
        public LambdaResult call(LambdaDeployer deployer, LambdaClients.Session session) throws InterruptedException {
            return deployer.publishVersion(request);
        }

        @Override
        public String operation() {
            return LambdaOperationNames.PUBLISH_VERSION;
        }
    }

    private record PublishAfterWait(PublishVersionRequest request, WaitOutcome outcome)
            implements DeployerCall<LambdaResult> {
        @Override
        public LambdaResult call(LambdaDeployer deployer, LambdaClients.Session session) throws InterruptedException {
            return deployer.publishAfterWait(request, outcome);
        }

        @Override
        public String operation() {
            return LambdaOperationNames.PUBLISH_VERSION;
        }
    }

    private record ConcludeWait(
            String functionName, LambdaResult soFar, WaitOutcome outcome, WaitSettings settings, AfterWait next)
            implements DeployerCall<LambdaResult> {
        @Override
        public LambdaResult call(LambdaDeployer deployer, LambdaClients.Session session) {
            return deployer.concludeWait(functionName, soFar, outcome, settings, next, null);
        }

        @Override
        public String operation() {
            return GET_FUNCTION;
        }
    }

    private record CleanupVersions(CleanupRequest request) implements DeployerCall<CleanupResult> {
        @Override
        public CleanupResult call(LambdaDeployer deployer, LambdaClients.Session session) throws InterruptedException {
            return deployer.cleanupVersions(request);
        }

        @Override
        public String operation() {
            return LambdaOperationNames.DELETE_FUNCTION;
        }
    }

    private record UpdateAlias(AliasRequest request) implements DeployerCall<AliasResult> {
        @Override
        public AliasResult call(LambdaDeployer deployer, LambdaClients.Session session) throws InterruptedException {
            return deployer.updateAlias(request);
        }

        @Override
        public String operation() {
            return LambdaOperationNames.UPDATE_ALIAS;
        }
    }

    private record StartShift(AliasRequest request) implements DeployerCall<ShiftState> {
        @Override
        public ShiftState call(LambdaDeployer deployer, LambdaClients.Session session) throws InterruptedException {
            return deployer.startShift(request);
        }

        @Override
        public String operation() {
            return LambdaOperationNames.UPDATE_ALIAS;
        }
    }

    private record NextShiftDecision(AliasRequest request, ShiftState state, Instant now)
            implements DeployerCall<ShiftDecision> {
        @Override
        public ShiftDecision call(LambdaDeployer deployer, LambdaClients.Session session) throws InterruptedException {
            return deployer.nextShiftDecision(request, state, now);
        }

        @Override
        public String operation() {
            return DESCRIBE_ALARMS;
        }
    }

    private record ApplyShiftDecision(AliasRequest request, ShiftState state, ShiftDecision decision)
            implements DeployerCall<ShiftState> {
        @Override
        public ShiftState call(LambdaDeployer deployer, LambdaClients.Session session) throws InterruptedException {
            return deployer.applyShiftDecision(request, state, decision);
        }

        @Override
        public String operation() {
            return LambdaOperationNames.UPDATE_ALIAS;
        }
    }

    private record ShiftResult(AliasRequest request, ShiftState state, ShiftDecision decision)
            implements DeployerCall<AliasResult> {
        @Override
        public AliasResult call(LambdaDeployer deployer, LambdaClients.Session session) throws InterruptedException {
            return deployer.shiftResult(request, state, decision);
        }

        @Override
        public String operation() {
            return LambdaOperationNames.UPDATE_ALIAS;
        }
    }

    private record ShiftFailed(AliasRequest request, ShiftState state, CallSiteException failure)
            implements DeployerCall<Boolean> {
        @Override
        public Boolean call(LambdaDeployer deployer, LambdaClients.Session session) {
            deployer.shiftFailed(request, state, failure);
            return Boolean.TRUE;
        }

        @Override
        public String operation() {
            return LambdaOperationNames.UPDATE_ALIAS;
        }
    }

    private record AbortShift(AliasRequest request, ShiftState state) implements DeployerCall<Boolean> {
        @Override
        public Boolean call(LambdaDeployer deployer, LambdaClients.Session session) {
            deployer.abortShift(request, state);
            return Boolean.TRUE;
        }

        @Override
        public String operation() {
            return LambdaOperationNames.UPDATE_ALIAS;
        }
    }

    private record Probe(String functionName, @CheckForNull String qualifier, Duration timeout)
            implements DeployerCall<Observation> {
        @Override
        public Observation call(LambdaDeployer deployer, LambdaClients.Session session) throws InterruptedException {
            return new FunctionProbe(session.lambda(), functionName, qualifier).probe(timeout);
        }

        @Override
        public String operation() {
            return GET_FUNCTION;
        }
    }

    private record Operation(DeployOperation prepared, String name) implements DeployerCall<OperationResult> {
        @Override
        public OperationResult call(LambdaDeployer deployer, LambdaClients.Session session)
                throws InterruptedException {
            return prepared.run(deployer);
        }

        @Override
        public String operation() {
            return name;
        }
    }
}
