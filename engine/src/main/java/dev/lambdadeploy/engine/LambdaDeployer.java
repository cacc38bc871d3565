package dev.lambdadeploy.engine;

import dev.lambdadeploy.engine.aws.AwsCalls;
import dev.lambdadeploy.engine.aws.FunctionProbe;
import dev.lambdadeploy.engine.aws.LambdaClients;
import dev.lambdadeploy.engine.log.DeployLog;
import dev.lambdadeploy.engine.release.ShiftDecision;
import dev.lambdadeploy.engine.release.ShiftState;
import dev.lambdadeploy.engine.wait.Sleeper;
import dev.lambdadeploy.engine.wait.WaitHistory;
import dev.lambdadeploy.engine.wait.WaitOutcome;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The three operations every front end offers, and the whole deploy. Blocking; an interrupt ends any wait at
 * once, and cuts off a call on the wire (with clients from {@link dev.lambdadeploy.engine.aws.LambdaClients}), with
 * {@link InterruptedException}: read {@link #inFlight()} before interrupting to say what may still reach Lambda.
 * Each operation has one deadline, its wait budget plus the retries' backoff, shared by all its waits and retries.
 * Failures a caller handles differently have their own {@link LambdaDeployException} subclass.
 */
public final class LambdaDeployer {

    /** Between 409 retries of PublishVersion: 1 s, 2 s, 4 s... up to 10 s, half of it jittered. */
    public static final BackoffStrategy DEFAULT_BACKOFF =
            BackoffStrategy.exponentialDelayHalfJitter(Duration.ofSeconds(1), Duration.ofSeconds(10));

    private final Operations ops;
    private volatile @Nullable CloudWatchClient cloudWatch;

    public LambdaDeployer(
            LambdaClient lambda, InstantSource clock, Sleeper sleeper, DeployLog log, BackoffStrategy backoff) {
        this(lambda, clock, sleeper, log, backoff, AwsCalls.SLOW_CALL_AFTER);
    }

    /** {@code slowCallAfter}: how long a call may go unanswered before the log says so (and again each time after). */
    public LambdaDeployer(
            LambdaClient lambda,
            InstantSource clock,
            Sleeper sleeper,
            DeployLog log,
            BackoffStrategy backoff,
            Duration slowCallAfter) {
        this(lambda, clock, sleeper, log, backoff, slowCallAfter, WaitHistory.NONE);
    }

    /**
     * {@code history}: the earlier update durations the {@code history} wait policy polls around, and where it records
     * new ones ({@link dev.lambdadeploy.engine.wait.FileWaitHistory} for the CLI, the controller's for Jenkins).
     */
    public LambdaDeployer(
            LambdaClient lambda,
            InstantSource clock,
            Sleeper sleeper,
            DeployLog log,
            BackoffStrategy backoff,
            Duration slowCallAfter,
            WaitHistory history) {
        this.ops = new Operations(lambda, clock, sleeper, log, backoff, slowCallAfter, history);
    }

    /** Real time, real sleeps. */
    public static LambdaDeployer create(LambdaClient lambda, DeployLog log) {
        return new LambdaDeployer(lambda, InstantSource.system(), Sleeper.system(), log, DEFAULT_BACKOFF);
    }

    /**
     * Real time, real sleeps, on both clients of {@code session}: Lambda, and CloudWatch for the alarms of a shift;
     * {@code history} for the {@code history} wait policy ({@link WaitHistory#NONE} for none).
     */
    public static LambdaDeployer create(LambdaClients.Session session, DeployLog log, WaitHistory history) {
        return create(session.lambda(), log, history).withCloudWatch(session.cloudWatch());
    }

    /** Real time, real sleeps, and {@code history} for the {@code history} wait policy. */
    public static LambdaDeployer create(LambdaClient lambda, DeployLog log, WaitHistory history) {
        return new LambdaDeployer(
                lambda,
                InstantSource.system(),
                Sleeper.system(),
                log,
                DEFAULT_BACKOFF,
                AwsCalls.SLOW_CALL_AFTER,
                history);
    }

    /**
     * The call that changes the function (UpdateFunctionCode, UpdateFunctionConfiguration, PublishVersion, DeleteFunction) on the wire right now, if any. A front
     * end that stops the operation reads this first and logs it with {@link DeployLog#aborted(String, InFlightCall)}:
     * the interrupt that follows cuts the request off, but it may already have reached Lambda.
     */
    public Optional<InFlightCall> inFlight() {
        return ops.inFlight();
    }

    /**
     * Updates the code, waiting out an update in progress first and retrying throttling; waits for readiness if
     * asked. All of it within one deadline: the wait budget plus the retries' backoff.
     */
    public LambdaResult updateCode(UpdateCodeRequest request) throws InterruptedException {
        ops.checkRegion(request.functionName());
        return new CodeUpdater(ops).update(request);
    }

    /**
     * Updates the code as {@link #updateCode} does with {@code waitForReady} off (whatever the request says), for a
     * caller that drives the wait itself (the Jenkins plugin's timer): returns, besides the result, what the response
     * said, so that the wait can take it as its first observation ({@link
     * dev.lambdadeploy.engine.wait.UpdateWaitLearning#firstObservation}).
     */
    public AcceptedUpdate updateCodeForOwnWait(UpdateCodeRequest request) throws InterruptedException {
        ops.checkRegion(request.functionName());
        UpdateCodeRequest noWait = request.toBuilder().waitForReady(false).build();
        CodeUpdater.Updated updated =
                new CodeUpdater(ops).update(noWait, ops.deadline(noWait.waitSettings(), noWait.maxRetries()));
        return updated.accepted();
    }

    /**
     * Waits until Active and Successful; Failed throws, a timeout warns or throws as configured, and a wait in which
     * no poll was answered throws {@link FunctionNotObservedException} with the last error.
     */
    public LambdaResult awaitReady(AwaitReadyRequest request) throws InterruptedException {
        ops.checkRegion(request.functionName());
        ops.log().waitingForReady(AfterWait.CONTINUE);
        WaitOutcome outcome = ops.await(
                request.functionName(),
                request.qualifier(),
                request.waitSettings(),
                ops.deadline(request.waitSettings()));
        return concludeWait(
                request.functionName(), LambdaResult.empty(request.functionName()), outcome, request.waitSettings());
    }

    /** Waits for readiness (unless told not to), then publishes the expected code, retrying 409s. */
    public LambdaResult publishVersion(PublishVersionRequest request) throws InterruptedException {
        ops.checkRegion(request.functionName());
        return new VersionPublisher(ops).publish(request);
    }

    /**
     * Publishes after a readiness wait the caller drove itself (the Jenkins plugin's restart-surviving wait):
     * concludes {@code outcome} as {@link #publishVersion} would (Failed throws, a timeout warns or throws),
     * then publishes pinned to the code and revision seen when ready. {@code request.waitForReady()} is ignored.
     */
    public LambdaResult publishAfterWait(PublishVersionRequest request, WaitOutcome outcome)
            throws InterruptedException {
        ops.checkRegion(request.functionName());
        return new VersionPublisher(ops).publishAfterWait(request, outcome);
    }

    /**
     * Concludes a readiness wait the caller drove itself, for a step that does not publish next (lambdaAwaitReady,
     * lambdaUpdateCode with waitForReady): ready goes on, Failed throws, a timeout warns or throws. As
     * {@link #concludeWait(String, LambdaResult, WaitOutcome, WaitSettings, AfterWait, String)} with
     * {@link AfterWait#CONTINUE} and no update request id.
     */
    public LambdaResult concludeWait(
            String functionName, LambdaResult soFar, WaitOutcome outcome, WaitSettings settings) {
        return concludeWait(functionName, soFar, outcome, settings, AfterWait.CONTINUE, null);
    }

    /**
     * Concludes a readiness wait the caller drove itself ({@link dev.lambdadeploy.engine.wait.PollStep}) and returns
     * {@code soFar} with the wait recorded: the state seen last (the code hash already known is kept), the polls and
     * the time spent, and a timeout's warning. Ready goes on; Failed throws {@link FunctionFailedException}, naming
     * {@code updateRequestId} (the UpdateFunctionCode this wait followed, null if this step did not send it); a
     * timeout warns, or throws {@link ReadinessTimeoutException} with failOnTimeout; a wait that never saw the
     * function throws {@link FunctionNotObservedException} unless {@code next} publishes. {@code next} also words
     * the log. To publish after the wait, {@link #publishAfterWait} concludes it itself.
     */
    public LambdaResult concludeWait(
            String functionName,
            LambdaResult soFar,
            WaitOutcome outcome,
            WaitSettings settings,
            AfterWait next,
            @Nullable String updateRequestId) {
        WaitConclusion.conclude(functionName, outcome, settings, next, ops.log(), updateRequestId);
        return WaitConclusion.recorded(soFar, outcome);
    }

    /**
     * The spec's whole flow: update, wait, publish the uploaded code. {@code publish}'s function name and code
     * hash are taken from the update.
     */
    public LambdaResult deploy(UpdateCodeRequest update, PublishVersionRequest publish) throws InterruptedException {
        ops.checkRegion(update.functionName());
        // one deadline for the whole deploy: the wait budget, then the spec's retry tail (2 + 4 + 8 s for 3 retries)
        Deadline deadline = ops.deadline(publish.waitSettings(), Math.max(update.maxRetries(), publish.maxRetries()));
        CodeUpdater.Updated updated = new CodeUpdater(ops)
                .update(update.toBuilder().waitForReady(false).build(), deadline);
        if (update.dryRun()) {
            return updated.result();
        }
        LambdaResult published = new VersionPublisher(ops)
                .publish(
                        publish.toBuilder()
                                .functionName(update.functionName())
                                .codeSha256(updated.result().codeSha256())
                                .build(),
                        deadline,
                        updated.requestId(),
                        updated.accepted());
        return published.functionArn() != null
                ? published
                : published.toBuilder()
                        .functionArn(updated.result().functionArn())
                        .build();
    }

    /**
     * Changes the configuration (environment merged or replaced, memory, timeout, handler, runtime, layers,
     * description, ephemeral storage) as code updates are done: waits out an update in progress first, logs what
     * changes (environment values never), sends it pinned to the RevisionId read (or the user's), retries 409s and
     * throttling, and waits for readiness if asked (Failed throws {@link FunctionFailedException}). A dry run logs the
     * difference and changes nothing. All of it within one deadline: the wait budget plus the retries' backoff.
     */
    public LambdaResult updateConfiguration(UpdateConfigurationRequest request) throws InterruptedException {
        ops.checkRegion(request.functionName());
        return new ConfigurationUpdater(ops).update(request);
    }

    /**
     * Deletes the published versions the request's rules let go, never {@code $LATEST} nor a version an alias
     * routes to; a delete Lambda refuses with 409 is skipped and reported. A dry run lists what would go.
     */
    public CleanupResult cleanupVersions(CleanupRequest request) throws InterruptedException {
        ops.checkRegion(request.functionName());
        return new VersionCleaner(ops).cleanup(request);
    }

    /**
     * The CloudWatch client whose DescribeAlarms a gradual alias shift reads ({@code LambdaClients.Session
     * #cloudWatch()}); needed only when alarms are named. Returns this deployer.
     */
    public LambdaDeployer withCloudWatch(@Nullable CloudWatchClient cloudWatch) {
        this.cloudWatch = cloudWatch;
        return this;
    }

    /**
     * Points the alias at {@code request.version()}: at once (UpdateAlias pinned to the alias's RevisionId; CreateAlias
     * with createIfMissing), or, with a shift, gradually with the alarms read before every move. A rollback by alarm
     * puts all traffic back on the previous version and throws {@link AliasRolledBackException} (onAlarm FAIL) or
     * returns with a warning (UNSTABLE); an interrupt mid-shift restores the previous version before it returns.
     */
    public AliasResult updateAlias(AliasRequest request) throws InterruptedException {
        ops.checkRegion(request.functionName());
        return aliases().update(request);
    }

    /**
     * Step-wise shift, for a front end that persists {@link ShiftState} and drives it from a timer: reads the alias
     * (creates it with createIfMissing: then previous = new version and nothing is left to shift) and checks the
     * alarms exist. Moves no traffic.
     */
    public ShiftState startShift(AliasRequest request) throws InterruptedException {
        ops.checkRegion(request.functionName());
        return aliases().startShift(request);
    }

    /** Step-wise shift: reads the alarms (one DescribeAlarms) and decides the next move; changes nothing. */
    public ShiftDecision nextShiftDecision(AliasRequest request, ShiftState state, Instant now)
            throws InterruptedException {
        return aliases().nextShiftDecision(request, state, now);
    }

    /**
     * Step-wise shift: carries out the decision (Route: UpdateAlias with the weight; Complete: all traffic to the new
     * version; RollBack: all back to the previous one; Hold: nothing) and returns the state to persist. After Complete
     * or RollBack the shift is over: {@link #shiftResult}.
     */
    public ShiftState applyShiftDecision(AliasRequest request, ShiftState state, ShiftDecision decision)
            throws InterruptedException {
        return aliases().applyShiftDecision(request, state, decision);
    }

    /**
     * Step-wise shift: the result of a shift that Complete or RollBack ended (after {@link #applyShiftDecision});
     * a rollback under onAlarm FAIL throws {@link AliasRolledBackException}.
     */
    public AliasResult shiftResult(AliasRequest request, ShiftState state, ShiftDecision decision)
            throws InterruptedException {
        return aliases().shiftResult(request, state, decision);
    }

    /** Step-wise shift: all traffic back on the previous version. */
    public void restorePrevious(AliasRequest request, ShiftState state) throws InterruptedException {
        aliases().restorePrevious(request, state);
    }

    /**
     * Step-wise shift, aborted (a build stopped): logs it and puts all traffic back on the previous version, as the
     * blocking shift does when interrupted. Runs even on an interrupted thread; a restore that fails is logged with
     * how to check the alias, never thrown.
     */
    public void abortShift(AliasRequest request, ShiftState state) {
        aliases().abortShift(request, state);
    }

    /**
     * Step-wise shift that {@code failure} ended (a call that failed for good): all traffic back on the previous
     * version, as the blocking shift does, unless the shift was rolled back already or someone else moved the alias.
     * The caller rethrows {@code failure}.
     */
    public void shiftFailed(AliasRequest request, ShiftState state, RuntimeException failure) {
        aliases().shiftFailed(request, state, failure);
    }

    /**
     * The whole deploy, then the alias: update, wait, publish, then point or shift {@code alias} to the version
     * published ({@code alias.version()} is ignored). A dry run or a deploy that published no version leaves the
     * alias alone.
     */
    public AliasedDeployResult deploy(UpdateCodeRequest update, PublishVersionRequest publish, AliasRequest alias)
            throws InterruptedException {
        return deploy(update, null, publish, alias);
    }

    /**
     * The whole release: with {@code configuration}, first changes the configuration and waits until it is live (so
     * the code update meets no update in progress), then updates the code, waits, publishes, and, with {@code
     * alias}, points or shifts the alias to the version published. A dry run changes nothing anywhere: the
     * configuration's difference and the code's validation are logged. A deploy that published no version leaves the
     * alias alone.
     */
    public AliasedDeployResult deploy(
            UpdateCodeRequest update,
            @Nullable UpdateConfigurationRequest configuration,
            PublishVersionRequest publish,
            @Nullable AliasRequest alias)
            throws InterruptedException {
        UpdateCodeRequest code = update;
        LambdaResult configured = null;
        if (configuration != null) {
            // the user's revisionId guards the first change, which makes a new revision: the code update is pinned to
            // the one it reads just before it is sent, as it is without a revisionId
            configured = updateConfiguration(configuration.toBuilder()
                    .functionName(update.functionName())
                    .revisionId(update.revisionId())
                    .dryRun(configuration.dryRun() || update.dryRun())
                    .waitForReady(true)
                    .build());
            code = update.toBuilder().revisionId(null).build();
        }
        LambdaResult deployed =
                deploy(code, publish).withEarlierWarning(configured == null ? null : configured.warning());
        if (alias == null || update.dryRun() || deployed.version() == null) {
            return new AliasedDeployResult(deployed, null);
        }
        try {
            return new AliasedDeployResult(
                    deployed,
                    updateAlias(alias.toBuilder()
                            .functionName(update.functionName())
                            .version(deployed.version())
                            .build()));
        } catch (AliasRolledBackException e) {
            throw new AliasRolledBackException(
                    e.getMessage() + " (version " + deployed.version() + " stays published)",
                    e.result(),
                    e.alarm(),
                    e.since());
        }
    }

    private AliasUpdater aliases() {
        return new AliasUpdater(ops, cloudWatch);
    }

    /** One poll, for callers that drive {@link dev.lambdadeploy.engine.wait.ReadinessDecider} themselves. */
    public FunctionProbe probe(String functionName, @Nullable String qualifier) {
        ops.checkRegion(functionName);
        return ops.probe(functionName, qualifier);
    }
}
