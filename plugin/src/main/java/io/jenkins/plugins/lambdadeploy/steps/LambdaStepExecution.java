package io.jenkins.plugins.lambdadeploy.steps;

import dev.lambdadeploy.engine.AcceptedUpdate;
import dev.lambdadeploy.engine.AfterWait;
import dev.lambdadeploy.engine.AliasRequest;
import dev.lambdadeploy.engine.AliasResult;
import dev.lambdadeploy.engine.AliasedDeployResult;
import dev.lambdadeploy.engine.AwsCallException;
import dev.lambdadeploy.engine.FunctionStatus;
import dev.lambdadeploy.engine.InFlightCall;
import dev.lambdadeploy.engine.LambdaDeployException;
import dev.lambdadeploy.engine.LambdaDeployer;
import dev.lambdadeploy.engine.LambdaOperationNames;
import dev.lambdadeploy.engine.LambdaResult;
import dev.lambdadeploy.engine.OperationResult;
import dev.lambdadeploy.engine.PublishVersionRequest;
import dev.lambdadeploy.engine.StepPhase;
import dev.lambdadeploy.engine.WaitSettings;
import dev.lambdadeploy.engine.aws.AwsErrorInfo;
import dev.lambdadeploy.engine.aws.CallSite;
import dev.lambdadeploy.engine.aws.CallSiteException;
import dev.lambdadeploy.engine.aws.CallSiteSettings;
import dev.lambdadeploy.engine.aws.ClientSettings;
import dev.lambdadeploy.engine.aws.CredentialsSource;
import dev.lambdadeploy.engine.aws.HttpClientFactory;
import dev.lambdadeploy.engine.aws.LambdaClients;
import dev.lambdadeploy.engine.aws.SessionCredentials;
import dev.lambdadeploy.engine.aws.SessionCredentialsIssuer;
import dev.lambdadeploy.engine.log.DeployLog;
import dev.lambdadeploy.engine.release.ShiftDecision;
import dev.lambdadeploy.engine.release.ShiftState;
import dev.lambdadeploy.engine.wait.Observation;
import dev.lambdadeploy.engine.wait.PlannedPolls;
import dev.lambdadeploy.engine.wait.PollStep;
import dev.lambdadeploy.engine.wait.ResumableWait;
import dev.lambdadeploy.engine.wait.UpdateWaitLearning;
import dev.lambdadeploy.engine.wait.WaitHistory;
import dev.lambdadeploy.engine.wait.WaitKey;
import dev.lambdadeploy.engine.wait.WaitOutcome;
import dev.lambdadeploy.engine.wait.WaitPolicy;
import dev.lambdadeploy.engine.wait.WaitPolicyName;
import dev.lambdadeploy.engine.wait.WaitProgress;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Computer;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.remoting.ChannelClosedException;
import hudson.remoting.RequestAbortedException;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.lambdadeploy.AgentCalls;
import io.jenkins.plugins.lambdadeploy.AwsClients;
import io.jenkins.plugins.lambdadeploy.BuildLog;
import io.jenkins.plugins.lambdadeploy.Connection;
import io.jenkins.plugins.lambdadeploy.ControllerWaitHistory;
import io.jenkins.plugins.lambdadeploy.DeployerCall;
import io.jenkins.plugins.lambdadeploy.DeployerCalls;
import io.jenkins.plugins.lambdadeploy.LambdaDeployConfiguration;
import io.jenkins.plugins.lambdadeploy.UserErrors;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import jenkins.model.Jenkins;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.springframework.security.core.Authentication;

/**
 * Runs a Lambda step without ever blocking the CPS VM thread, on workflow-step-api's
 * {@link GeneralNonBlockingStepExecution}: each piece of work runs on its background pool with the build's
 * authentication and is cancelled when the step is stopped. The readiness wait survives a controller restart as
 * {@code sleep} does: its whole state is an absolute deadline and a count of polls (the engine's
 * {@link ResumableWait}); a {@link Timer} hands each poll to the background pool and is re-armed on resume. What a
 * restart means in each phase is the engine's {@link StepPhase}: the phase is saved before a call that changes the
 * function, so a step found starting after a restart sent nothing. No secret is persisted: credentials are transient
 * and looked up again.
 */
abstract class LambdaStepExecution extends GeneralNonBlockingStepExecution {

    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(LambdaStepExecution.class.getName());
    /** How long a background thread waits for its new phase to reach {@code program.dat} before it goes on. */
    private static final long SAVE_TIMEOUT_SECONDS = 60;
    /** Session credentials sent to an agent are made again when they would expire within this. */
    private static final Duration RENEW_SESSION_BEFORE = Duration.ofMinutes(5);

    private final @CheckForNull String functionName;
    private final boolean unstableOnWarning;
    private final int maxWaitAttempts;
    private final int pollInterval;
    private final String waitPolicy;
    private final boolean failOnTimeout;

    private volatile StepPhase phase = StepPhase.STARTING;
    /** The Lambda operation a {@link StepPhase#CALLING} step sent, for the message after a restart. */
    private @CheckForNull String callInFlight;

    private @CheckForNull Connection connection;
    /**
     * Where the AWS calls run ({@link CallSite#spelling()}), settled at the start from {@code callsFrom} or the global
     * default; and in agent mode the name of the agent ("" for the built-in node), for messages. Plain values.
     */
    private @CheckForNull String callsFrom;

    private @CheckForNull String agentName;
    /** What the wait polls, as the engine validated it. */
    private @CheckForNull String awaitedFunction;

    private @CheckForNull String awaitedQualifier;
    /**
     * The {@link ResumableWait}: its deadline, in epoch milliseconds as {@code sleep} keeps its end (0 before the wait
     * starts), and the polls made so far. Plain values, so {@code program.dat} needs nothing from {@code java.time}.
     * Saved when the wait starts, not on every poll: the deadline is absolute, so a count a few polls behind after a
     * crash costs nothing. Volatile: background threads and the timer hand them to each other, and getStatus()
     * reads them from yet another thread.
     */
    private volatile long deadline;

    private volatile int attempts;

    /**
     * What the change before the wait answered, as the plain map of {@link LambdaResult#toMap()}: persisted across a
     * restart (no record and no secret in {@code program.dat}); the wait adds the state it ends in.
     */
    private @CheckForNull LinkedHashMap<String, Object> updated;

    /**
     * A shift's request and where it stands (the engine's {@link AliasRequest#toMap()} and {@link ShiftState#toMap()}:
     * plain values), and what a deploy did before it ({@link LambdaResult#toMap()}); null until a shift starts.
     */
    private volatile @CheckForNull LinkedHashMap<String, Object> shiftRequest;

    private volatile @CheckForNull LinkedHashMap<String, Object> shiftState;
    private @CheckForNull LinkedHashMap<String, Object> deployed;
    /**
     * When the wait's last not-ready poll and the one after it were planned ({@link PlannedPolls}), in ms into the
     * wait: what the history learns from.
     */
    private volatile long plannedLastNotReadyMillis;

    private volatile long plannedNextMillis;

    /**
     * The durations the wait's policy schedules around, in ms, as recorded when it began ({@link
     * UpdateWaitLearning#recorded}): a duration recorded mid-wait by another build does not change a wait under way.
     */
    private volatile @CheckForNull ArrayList<Long> recordedMillis;

    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "Only used by start().")
    private final transient @CheckForNull AbstractLambdaStep connectionSettings;

    @SuppressFBWarnings(
            value = "SE_TRANSIENT_FIELD_NOT_RESTORED",
            justification = "Captured again in onResume; the base class captures it for each background task.")
    private transient volatile @CheckForNull Authentication authentication;

    @SuppressFBWarnings(
            value = "SE_TRANSIENT_FIELD_NOT_RESTORED",
            justification = "Secrets are never persisted: credentials are looked up again after a restart.")
    private transient volatile @CheckForNull CredentialsSource credentials;

    @SuppressFBWarnings(
            value = "SE_TRANSIENT_FIELD_NOT_RESTORED",
            justification = "Secrets are never persisted: session credentials for the agent are made again.")
    private transient volatile @CheckForNull SessionCredentials sessionCredentials;

    @SuppressFBWarnings(
            value = "SE_TRANSIENT_FIELD_NOT_RESTORED",
            justification = "Only refines a timeout message; a restarted wait starts without it.")
    private transient @CheckForNull FunctionStatus lastSeen;

    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "Re-armed in onResume.")
    private transient volatile @CheckForNull Future<?> timer;

    @SuppressFBWarnings(
            value = "SE_TRANSIENT_FIELD_NOT_RESTORED",
            justification = "Only while a call runs, to say on stop what may have reached Lambda.")
    private transient volatile @CheckForNull LambdaDeployer deployer;

    @SuppressFBWarnings(
            value = "SE_TRANSIENT_FIELD_NOT_RESTORED",
            justification = "The thread of the background work running now, interrupted by stop().")
    private transient volatile @CheckForNull Thread worker;

    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "A stopped step is not resumed.")
    private transient volatile boolean stopped;

    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "A stopped step is not resumed.")
    private transient boolean restoreStarted;

    /** Held while the alias moves (a shift's step, a rollback, a restore), so a restore never races a move. */
    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "Made again on first use.")
    private transient @CheckForNull ReentrantLock moveLock;

    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "Set again in onResume.")
    private transient volatile long generation;

    LambdaStepExecution(@NonNull AbstractLambdaStep step, @NonNull StepContext context) {
        super(context);
        this.functionName = step.getFunctionName();
        this.unstableOnWarning = step.isUnstableOnWarning();
        if (step instanceof AbstractWaitingStep waiting) {
            this.maxWaitAttempts = waiting.getMaxWaitAttempts();
            this.pollInterval = waiting.getPollInterval();
            this.waitPolicy = waiting.getWaitPolicy();
            this.failOnTimeout = waiting.isFailOnTimeout();
        } else {
            WaitSettings defaults = WaitSettings.DEFAULTS;
            this.maxWaitAttempts = defaults.maxWaitAttempts();
            this.pollInterval = (int) defaults.pollInterval().toSeconds();
            this.waitPolicy = defaults.waitPolicy().spelling();
            this.failOnTimeout = defaults.failOnTimeout();
        }
        this.connectionSettings = step;
        this.generation = AwsClients.generation();
    }

    /**
     * Validates the step and does what comes before any wait; runs in the background. Ends by calling
     * {@link #startWait} or {@link #complete}; calls {@link #markCallInFlight} before a call that changes the function.
     */
    protected abstract void begin(@NonNull BackgroundContext context) throws Exception;

    /**
     * What a finished wait means for this step, and what comes after it; runs in the background. Ends by calling
     * {@link #complete} or {@link #startShift}. By default, after {@link #changeThenWait}: the change's result with
     * the state the wait ended in, or its failure or timeout as the engine decides.
     */
    protected void afterWait(@NonNull BackgroundContext context, @NonNull WaitOutcome outcome) throws Exception {
        complete(context, concludeWait(context, updated(), outcome));
    }

    /**
     * Whether {@link #begin} may run again after a restart in {@link StepPhase#STARTING}: true only for a step that
     * never changes the function and keeps what {@code begin} needs in persisted fields.
     */
    protected boolean startIsRepeatable() {
        return false;
    }

    /** Whether the wait follows an update this step sent: only such a wait teaches the {@code history} policy. */
    protected boolean waitFollowsOwnUpdate() {
        return false;
    }

    /** What the wait says it leads to: "ready for version publishing" only where a publish follows. */
    @NonNull
    protected AfterWait afterTheWait() {
        return AfterWait.CONTINUE;
    }

    /** Settles region and connection from the step and the build's environment (no AWS call), then goes on alone. */
    @Override
    public boolean start() throws Exception {
        authentication = Jenkins.getAuthentication2();
        EnvVars environment = getContext().get(EnvVars.class);
        AbstractLambdaStep settings = Objects.requireNonNull(connectionSettings, "no step");
        Connection resolved = UserErrors.checked(() -> Connection.resolve(
                settings, environment == null ? new EnvVars() : environment, UnaryOperator.identity()));
        connection = resolved;
        CallSite site = UserErrors.checked(() -> CallSite.parse(
                settings.getCallsFrom(), LambdaDeployConfiguration.get().callSite()));
        callsFrom = site.spelling();
        if (site == CallSite.AGENT) {
            // before any AWS call: agent mode needs the agent of an enclosing node block
            FilePath workspace = getContext().get(FilePath.class);
            if (workspace == null) {
                throw new AbortException(CallSite.noAgent().getMessage());
            }
            Computer computer = workspace.toComputer();
            agentName = computer == null ? "" : computer.getName();
            TaskListener listener = getContext().get(TaskListener.class);
            if (listener != null) {
                listener.getLogger().println(CallSite.announce(agentName, resolved.hasCredentialsId()));
            }
        }
        inBackground(this::begin);
        return false;
    }

    /**
     * Decides by the phase the step was saved in; never calls the base class, which cannot resume background work. Runs
     * on a timer thread (as SYSTEM), so the work goes on as the build's own authentication.
     */
    @Override
    public void onResume() {
        authentication = buildAuthentication();
        generation = AwsClients.generation();
        // onResume runs on a timer thread, as SYSTEM: the work goes on as the build's own authentication
        try (ACLContext ignored = ACL.as2(Objects.requireNonNull(authentication))) {
            resume();
        }
    }

    private void resume() {
        switch (phase.afterRestart(startIsRepeatable())) {
            case START_AGAIN -> inBackground(this::begin);
            case RESUME_WAIT ->
                inBackground(context -> {
                    context.log()
                            .waitResumed(
                                    awaitedFunction(),
                                    attempts,
                                    waitSettings().toPolicy().maxAttempts());
                    poll(context);
                });
            case RESUME_SHIFT ->
                inBackground(context -> {
                    context.log()
                            .shiftResumed(
                                    shiftRequest().functionName(),
                                    shiftRequest().alias());
                    shiftTick(context);
                });
            case RESTORE_AND_FAIL ->
                inBackground(context -> {
                    restorePrevious(context);
                    throw new AbortException(Messages.LambdaStepExecution_RestartedDuringRestore(
                            shiftRequest().alias(), shiftState().previousVersion()));
                });
            case FAIL_NOTHING_SENT ->
                getContext()
                        .onFailure(new AbortException(Messages.LambdaStepExecution_RestartedBeforeCall(functionName)));
            case FAIL_CALL_MAY_HAVE_REACHED_LAMBDA ->
                getContext()
                        .onFailure(new AbortException(
                                Messages.LambdaStepExecution_RestartedDuringCall(callInFlight, functionName)));
        }
    }

    /**
     * Says what may already have reached Lambda, then stops the timer and the work: the base class cancels the task it
     * knows, and the worker is interrupted too, since a timer's {@link #run} may have replaced that task.
     */
    @Override
    public void stop(@NonNull Throwable cause) throws Exception {
        stopped = true;
        boolean shifting = phase == StepPhase.SHIFTING || phase == StepPhase.RESTORING;
        try {
            TaskListener listener = getContext().get(TaskListener.class);
            LambdaDeployer calling = deployer;
            if (listener != null && functionName != null && !shifting) {
                InFlightCall inFlight = calling != null ? calling.inFlight().orElse(null) : null;
                if (calling == null && phase == StepPhase.CALLING && callInFlight != null) {
                    // with callsFrom: 'agent' the deployer is on the agent: the call this step marked may be on the
                    // wire
                    inFlight = new InFlightCall(callInFlight, functionName, null);
                }
                BuildLog.of(listener).aborted(functionName, inFlight);
            }
        } finally {
            cancel(timer);
            interruptWorker();
            if (shifting) {
                restoreThenStop(cause);
            } else {
                super.stop(cause);
            }
        }
    }

    /** Interrupts this step's background work, if some runs now: never a pool thread that has moved on. */
    private synchronized void interruptWorker() {
        Thread running = worker;
        if (running != null) {
            running.interrupt();
        }
    }

    /**
     * An aborted shift puts all traffic back on the previous version before the step ends, once: on a thread of its
     * own (the stop may come on the CPS VM thread), after a move on the wire has landed or failed (the move lock), and
     * with {@link StepPhase#RESTORING} saved first, so a restart meanwhile restores again rather than going on.
     */
    private void restoreThenStop(Throwable cause) {
        synchronized (this) {
            if (restoreStarted) {
                return;
            }
            restoreStarted = true;
        }
        Authentication as = buildAuthentication();
        Computer.threadPoolForRemoting.execute(() -> {
            try (ACLContext ignored = ACL.as2(as)) {
                restorePrevious(backgroundContext());
            } catch (Exception e) {
                LOGGER.log(Level.WARNING, "could not restore the alias of " + functionName + " after an abort", e);
                reportNotRestored(e);
            } finally {
                try {
                    super.stop(cause);
                } catch (Exception e) {
                    LOGGER.log(Level.WARNING, "could not stop the step for " + functionName, e);
                }
            }
        });
    }

    /** All traffic back on the previous version, under the move lock and with the phase saved first. */
    private void restorePrevious(BackgroundContext context) throws Exception {
        ReentrantLock lock = moveLock();
        lock.lock();
        try {
            enter(StepPhase.RESTORING);
            context.call(DeployerCalls.abortShift(shiftRequest(), shiftState()));
        } finally {
            lock.unlock();
        }
    }

    /** A restore that failed before the engine could say so (no build log, no credentials): said in the build log. */
    private void reportNotRestored(Exception e) {
        try {
            TaskListener listener = getContext().get(TaskListener.class);
            if (listener != null && functionName != null) {
                BuildLog.of(listener)
                        .aliasNotRestored(
                                functionName,
                                shiftRequest().alias(),
                                shiftState().previousVersion(),
                                e.getMessage());
            }
        } catch (IOException | InterruptedException | RuntimeException again) {
            LOGGER.log(Level.FINE, "no build log to report to", again);
        }
    }

    private synchronized ReentrantLock moveLock() {
        if (moveLock == null) {
            moveLock = new ReentrantLock();
        }
        return moveLock;
    }

    @Override
    public String getStatus() {
        return switch (phase) {
            case STARTING -> "starting";
            case CALLING -> "calling " + callInFlight + " for " + functionName;
            case WAITING ->
                "waiting for " + awaitedFunction + " to be ready: " + attempts + " polls so far, giving up " + "at "
                        + Instant.ofEpochMilli(deadline);
            case SHIFTING -> "shifting alias " + shiftRequest().alias() + " of " + functionName + ": " + shiftState();
            case RESTORING ->
                "putting alias " + shiftRequest().alias() + " of " + functionName + " back on version "
                        + shiftState().previousVersion();
        };
    }

    /** A safe restart waits only for what could not be resumed: a call that changes the function. */
    @Override
    public boolean blocksRestart() {
        return phase.blocksRestart(startIsRepeatable());
    }

    /** Marks the start of {@code operation}, a call that changes the function: a restart now cannot be resumed. */
    protected final void markCallInFlight(@NonNull String operation) throws InterruptedException, AbortException {
        callInFlight = operation;
        enter(StepPhase.CALLING);
    }

    /**
     * Sends {@code change} (a call named {@code operation} that changes the function and does not wait itself), then,
     * if {@code waits}, starts the restart-surviving wait with what it answered kept for {@link #afterWait}.
     */
    protected final void changeThenWait(
            @NonNull BackgroundContext context,
            @NonNull String operation,
            boolean waits,
            @NonNull DeployerCall<LambdaResult> change)
            throws Exception {
        context.resolveCredentials();
        markCallInFlight(operation);
        completeOrWait(context, waits, context.call(change), null);
    }

    /**
     * Sends UpdateFunctionCode ({@code update}, which does not wait itself), then, if {@code waits}, starts the
     * restart-surviving wait; with the {@code history} policy and a function with a history, what the response said is
     * its first poll (no GetFunction) and the schedule follows the function's earlier updates.
     */
    protected final void updateCodeThenWait(
            @NonNull BackgroundContext context, boolean waits, @NonNull DeployerCall<AcceptedUpdate> update)
            throws Exception {
        context.resolveCredentials();
        markCallInFlight(LambdaOperationNames.UPDATE_FUNCTION_CODE);
        AcceptedUpdate accepted = context.call(update);
        completeOrWait(context, waits, accepted.result(), accepted.status());
    }

    /**
     * After a change: its result, or, if {@code waits}, the restart-surviving wait with the result kept for
     * {@link #afterWait} and {@code accepted} offered as the first poll.
     */
    private void completeOrWait(
            BackgroundContext context, boolean waits, LambdaResult result, @CheckForNull FunctionStatus accepted)
            throws Exception {
        if (!waits) {
            complete(context, result);
            return;
        }
        updated = new LinkedHashMap<>(result.toMap());
        startWait(context, result.functionName(), null, accepted);
    }

    /**
     * PublishVersion after the wait ({@code request} with what the step asks; the function and the wait's settings are
     * the wait's): pinned to the code and revision the wait saw ready, as the engine's own publish does.
     */
    @NonNull
    protected final LambdaResult publishAfterWait(
            @NonNull BackgroundContext context, @NonNull WaitOutcome outcome, PublishVersionRequest.Builder request)
            throws Exception {
        PublishVersionRequest publish = request.functionName(awaitedFunction())
                .waitSettings(waitSettings())
                .build();
        markCallInFlight(LambdaOperationNames.PUBLISH_VERSION);
        return context.call(DeployerCalls.publishAfterWait(publish, outcome));
    }

    /** What the change before the wait answered. */
    @NonNull
    protected final LambdaResult updated() {
        return LambdaResult.fromMap(Objects.requireNonNull(updated, "no change made"));
    }

    /** Starts the restart-surviving wait for {@code function} and polls at once. */
    protected final void startWait(
            @NonNull BackgroundContext context, @NonNull String function, @CheckForNull String qualifier)
            throws Exception {
        startWait(context, function, qualifier, null);
    }

    /**
     * Starts the restart-surviving wait; {@code accepted}, what an update's response said, is its first poll where the
     * engine takes it as one ({@link UpdateWaitLearning#firstObservation}).
     */
    private void startWait(
            BackgroundContext context,
            String function,
            @CheckForNull String qualifier,
            @CheckForNull FunctionStatus accepted)
            throws Exception {
        awaitedFunction = function;
        awaitedQualifier = qualifier;
        plannedLastNotReadyMillis = 0;
        plannedNextMillis = 0;
        recordedMillis = learning().recorded(Instant.now()).stream()
                .map(Duration::toMillis)
                .collect(Collectors.toCollection(ArrayList::new));
        WaitPolicy policy = policy();
        ResumableWait wait = new PollStep(policy, context.log()).start(Instant.now());
        deadline = wait.deadline().toEpochMilli();
        attempts = wait.attempts();
        lastSeen = null;
        context.log().waitingForReady(afterTheWait());
        enter(StepPhase.WAITING);
        poll(context, UpdateWaitLearning.firstObservation(policy, accepted));
    }

    /**
     * Returns the result map. A warning (a wait that timed out, a rollback published without a version) is in the log
     * either way; with {@code unstableOnWarning} it also marks the step's node and the build UNSTABLE, together, as
     * workflow-basic-steps' {@code unstable} step does: a node is never shown yellow in a green build.
     */
    protected final void complete(@NonNull BackgroundContext context, @NonNull OperationResult result)
            throws IOException, InterruptedException {
        String warning = result.warning();
        if (warning != null && (unstableOnWarning || result.marksUnstable())) {
            FlowNode node = getContext().get(FlowNode.class);
            if (node != null) {
                node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(warning));
            }
            context.run().setResult(Result.UNSTABLE);
        }
        if (!stopped) {
            // a plain map of plain values: readable in the sandbox, serializable with the program
            getContext().onSuccess(plain(result.toMap()));
        }
    }

    /** Maps and lists copied into the plain mutable ones the Pipeline sandbox and {@code program.dat} know best. */
    private static Object plain(Object value) {
        if (value instanceof Map<?, ?> map) {
            LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), v == null ? null : plain(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            ArrayList<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(v == null ? null : plain(v)));
            return copy;
        }
        return value;
    }

    /** As the step was configured; a policy name the engine does not know fails the step naming waitPolicy. */
    @NonNull
    protected final WaitSettings waitSettings() {
        return new WaitSettings(
                maxWaitAttempts, Duration.ofSeconds(pollInterval), WaitPolicyName.parse(waitPolicy), failOnTimeout);
    }

    /**
     * Starts the restart-surviving shift of {@code request}'s alias to its version (reading, or with createIfMissing
     * creating, the alias) and makes its first move. {@code deployed}, if any, is what a deploy did before: the result
     * is then both in one map.
     */
    protected final void startShift(
            @NonNull BackgroundContext context, @NonNull AliasRequest request, @CheckForNull LambdaResult deployed)
            throws Exception {
        this.deployed = deployed == null ? null : new LinkedHashMap<>(deployed.toMap());
        this.shiftRequest = new LinkedHashMap<>(request.toMap());
        markCallInFlight(LambdaOperationNames.UPDATE_ALIAS);
        ShiftState state = context.call(DeployerCalls.startShift(request));
        if (state.previousVersion().equals(state.newVersion())) {
            // created at the new version: nothing to shift
            finishShift(context, context.call(DeployerCalls.shiftResult(request, state, new ShiftDecision.Complete())));
            return;
        }
        shiftState = new LinkedHashMap<>(state.toMap());
        enter(StepPhase.SHIFTING);
        shiftTick(context);
    }

    /**
     * Points {@code request}'s alias at its version at once (UpdateAlias, or CreateAlias with createIfMissing) and
     * completes with what a deploy did before, if anything.
     */
    protected final void pointAlias(
            @NonNull BackgroundContext context, @NonNull AliasRequest request, @CheckForNull LambdaResult deployed)
            throws Exception {
        markCallInFlight(LambdaOperationNames.UPDATE_ALIAS);
        AliasResult pointed = context.call(DeployerCalls.updateAlias(request));
        complete(context, deployed == null ? pointed : new AliasedDeployResult(deployed, pointed));
    }

    /**
     * Concludes a finished wait for a step that does not publish next: ready goes on, Failed throws, a timeout warns
     * or throws, as the engine decides.
     */
    @NonNull
    protected final LambdaResult concludeWait(
            @NonNull BackgroundContext context, @NonNull LambdaResult soFar, @NonNull WaitOutcome outcome)
            throws IOException, InterruptedException {
        return context.call(
                DeployerCalls.concludeWait(awaitedFunction(), soFar, outcome, waitSettings(), afterTheWait()));
    }

    @NonNull
    protected final String awaitedFunction() {
        return Objects.requireNonNull(awaitedFunction, "no wait started");
    }

    /**
     * Records the new phase in {@code program.dat} before going on, so a restart never finds an older one. A step that
     * cannot record that it is about to call Lambda does not call it: after a crash it would claim nothing was sent.
     */
    private void enter(StepPhase next) throws InterruptedException, AbortException {
        phase = next;
        try {
            getContext().saveState().get(SAVE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            if (next == StepPhase.CALLING) {
                throw new AbortException(Messages.LambdaStepExecution_NotSavedBeforeCall(callInFlight, functionName));
            }
            LOGGER.log(Level.WARNING, "could not save the state of the step for " + functionName, e);
        }
    }

    /**
     * One look at the shift: reads the alarms, and either holds until the next look (on the timer) or moves the alias;
     * a move that ends the shift completes the step. The state is saved after every move, so that a restart resumes
     * from the move made. A failure puts all traffic back on the previous version first, as the engine decides.
     */
    private void shiftTick(BackgroundContext context) throws Exception {
        AliasRequest request = shiftRequest();
        ShiftState state = shiftState();
        try {
            while (true) {
                ShiftDecision decision = context.call(DeployerCalls.nextShiftDecision(request, state, Instant.now()));
                if (decision instanceof ShiftDecision.Hold hold) {
                    shiftState = new LinkedHashMap<>(hold.next().toMap());
                    scheduleTask(hold.delay(), this::shiftTick);
                    return;
                }
                ReentrantLock lock = moveLock();
                lock.lockInterruptibly();
                try {
                    if (stopped) {
                        return; // the abort puts everything back
                    }
                    if (decision instanceof ShiftDecision.RollBack) {
                        enter(StepPhase.RESTORING);
                    }
                    state = context.call(DeployerCalls.applyShiftDecision(request, state, decision));
                    shiftState = new LinkedHashMap<>(state.toMap());
                    if (decision instanceof ShiftDecision.Route) {
                        enter(StepPhase.SHIFTING);
                    }
                } finally {
                    lock.unlock();
                }
                if (!(decision instanceof ShiftDecision.Route)) {
                    finishShift(context, context.call(DeployerCalls.shiftResult(request, state, decision)));
                    return;
                }
            }
        } catch (RuntimeException e) {
            // a tick that outlived its Jenkins failed because that Jenkins closed its clients: the shift stays as it
            // is for the Jenkins that resumes it, never rolled back by the one that stopped
            if (!outlived()) {
                try {
                    context.call(DeployerCalls.shiftFailed(request, state, e));
                } catch (IOException | RuntimeException restore) {
                    e.addSuppressed(restore);
                }
            }
            throw e;
        }
    }

    private void finishShift(BackgroundContext context, AliasResult shifted) throws IOException, InterruptedException {
        LinkedHashMap<String, Object> before = deployed;
        complete(context, before == null ? shifted : new AliasedDeployResult(LambdaResult.fromMap(before), shifted));
    }

    private AliasRequest shiftRequest() {
        return AliasRequest.fromMap(Objects.requireNonNull(shiftRequest, "no shift started"));
    }

    private ShiftState shiftState() {
        return ShiftState.fromMap(Objects.requireNonNull(shiftState, "no shift started"));
    }

    /** The authentication the build runs as, whatever thread asks. */
    private Authentication buildAuthentication() {
        try {
            FlowExecution execution = getContext().get(FlowExecution.class);
            if (execution != null) {
                return execution.getAuthentication2();
            }
        } catch (IOException e) {
            LOGGER.log(Level.FINE, "no flow execution", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Jenkins.getAuthentication2();
    }

    /** One poll, the engine's step for it, and either the next timer or the end of the wait. */
    private void poll(BackgroundContext context) throws Exception {
        poll(context, null);
    }

    /**
     * One poll ({@code first}, when the wait starts from an update's response, else a GetFunction), the engine's step
     * for it with the wait's policy, and either the next timer or the end of the wait. Keeps when the polls were
     * planned, which is what the wait teaches the {@code history} policy.
     */
    private void poll(BackgroundContext context, @CheckForNull Observation first) throws Exception {
        if (deadline == 0) {
            throw new IllegalStateException("no wait started");
        }
        ResumableWait state = new ResumableWait(Instant.ofEpochMilli(deadline), attempts, lastSeen);
        Observation seen = first != null ? first : probe(context, state.pollTimeout(Instant.now()));
        AtomicReference<PlannedPolls> plan = new AtomicReference<>(
                new PlannedPolls(Duration.ofMillis(plannedLastNotReadyMillis), Duration.ofMillis(plannedNextMillis)));
        PollStep step = new PollStep(policy(), UpdateWaitLearning.notingPlannedPolls(context.log(), plan));
        WaitProgress progress = step.after(state, seen, Instant.now());
        plannedLastNotReadyMillis = plan.get().lastNotReady().toMillis();
        plannedNextMillis = plan.get().next().toMillis();
        switch (progress) {
            case WaitProgress.Continue next -> {
                attempts = next.next().attempts();
                lastSeen = next.next().lastSeen();
                schedule(next.delay());
            }
            case WaitProgress.Finished finished -> {
                learning().finished(finished.outcome(), plan.get(), Instant.now());
                afterWait(context, finished.outcome());
            }
        }
    }

    /** The wait's policy, around the durations recorded when it began. */
    private WaitPolicy policy() {
        List<Long> recorded = recordedMillis;
        return learning()
                .policy(
                        recorded == null
                                ? List.of()
                                : recorded.stream().map(Duration::ofMillis).toList());
    }

    /** Only a wait that follows this step's own update teaches the controller's history, as the engine's do. */
    private UpdateWaitLearning learning() {
        boolean teaches = waitFollowsOwnUpdate() && awaitedQualifier == null;
        return new UpdateWaitLearning(
                waitSettings(),
                new WaitKey(Objects.requireNonNull(connection, "not started").region(), awaitedFunction()),
                teaches ? ControllerWaitHistory.get() : WaitHistory.NONE);
    }

    private Observation probe(BackgroundContext context, Duration timeout) throws Exception {
        try {
            return probeOnce(context, timeout);
        } catch (LambdaDeployException e) {
            AwsErrorInfo error = e instanceof AwsCallException aws
                    ? aws.error()
                    : e instanceof CallSiteException remote ? remote.error() : null;
            if (error == null || !error.isExpiredCredentials()) {
                throw e;
            }
            // the wait outlived the session of credentials resolved at the start: look them up again, once
            credentials = null;
            sessionCredentials = null;
            return probeOnce(context, timeout);
        }
    }

    private Observation probeOnce(BackgroundContext context, Duration timeout) throws Exception {
        return context.probe(DeployerCalls.probe(awaitedFunction(), awaitedQualifier, timeout));
    }

    /** The next poll on the shared timer, which only hands it to the background pool as the user of the step. */
    private void schedule(Duration delay) {
        scheduleTask(delay, this::poll);
    }

    /** {@code task} after {@code delay} on the shared timer, handed to the background pool as the user of the step. */
    private void scheduleTask(Duration delay, Task task) {
        if (outlived()) {
            // stopped, or Jenkins is stopping: Timer.get() would even make a new pool after Jenkins shut the old one
            return;
        }
        Authentication as = Objects.requireNonNull(authentication, "not started");
        timer = Timer.get()
                .schedule(
                        () -> {
                            try (ACLContext ignored = ACL.as2(as)) {
                                inBackground(task);
                            }
                        },
                        delay.toMillis(),
                        TimeUnit.MILLISECONDS);
    }

    /**
     * Runs {@code task} with the base class's {@link #run}, which captures the caller's authentication (the CPS VM
     * thread's, or the one {@link #schedule} set), fails the step on an exception and is cancelled by {@link #stop}.
     * The engine's user errors fail it without a stack trace. Work begun by an earlier Jenkins in this JVM (a test's
     * restart) stays quiet: its build now belongs to the Jenkins that resumed it.
     */
    private void inBackground(Task task) {
        run(() -> {
            if (outlived()) {
                return;
            }
            synchronized (this) {
                worker = Thread.currentThread();
            }
            try {
                task.run(backgroundContext());
            } catch (Exception e) {
                if (outlived()) {
                    LOGGER.log(Level.FINE, "ignoring a failure after the step was stopped", e);
                    return;
                }
                throw e instanceof LambdaDeployException ? new AbortException(e.getMessage()) : e;
            } finally {
                synchronized (this) {
                    if (worker == Thread.currentThread()) {
                        worker = null;
                        // an interrupt meant for this step must not reach the pool thread's next task
                        Thread.interrupted();
                    }
                }
            }
        });
    }

    /**
     * Whether this execution's work is over: the step was stopped, or the Jenkins that ran it has stopped
     * ({@link AwsClients#generation}) and the build belongs to the one that resumed it.
     */
    private boolean outlived() {
        return stopped || generation != AwsClients.generation();
    }

    private BackgroundContext backgroundContext() throws IOException, InterruptedException {
        StepContext context = getContext();
        Run<?, ?> run = Objects.requireNonNull(context.get(Run.class), "no build");
        TaskListener listener = Objects.requireNonNull(context.get(TaskListener.class), "no build log");
        EnvVars environment = context.get(EnvVars.class);
        return new BackgroundContext(
                run, listener, BuildLog.of(listener), environment == null ? new EnvVars() : environment);
    }

    private static void cancel(@CheckForNull Future<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }

    @FunctionalInterface
    private interface Task {
        void run(BackgroundContext context) throws Exception;
    }

    /** What one piece of background work has: the build, its log and environment, and clients for Lambda. */
    final class BackgroundContext {

        private final Run<?, ?> run;
        private final TaskListener listener;
        private final DeployLog log;
        private final EnvVars environment;

        private BackgroundContext(Run<?, ?> run, TaskListener listener, DeployLog log, EnvVars environment) {
            this.run = run;
            this.listener = listener;
            this.log = log;
            this.environment = environment;
        }

        Run<?, ?> run() {
            return run;
        }

        DeployLog log() {
            return log;
        }

        /** Resolves {@code $VARIABLES} from the build's environment (withCredentials and withEnv included). */
        UnaryOperator<String> environmentExpander() {
            return environment::expand;
        }

        /** The workspace, or null outside a {@code node} block. */
        @CheckForNull
        FilePath workspace() throws IOException, InterruptedException {
            return getContext().get(FilePath.class);
        }

        /**
         * Resolves the step's credentials (once per step; with a role on an AWS Credentials entry that calls STS), so
         * that a step fails on its credentials before it changes anything.
         */
        void resolveCredentials() throws AbortException {
            if (!onAgent()) {
                credentials();
            } else if (connection().hasCredentialsId()) {
                sessionCredentials();
            }
        }

        /**
         * {@code call} where the step's AWS calls run: here, or with {@code callsFrom: 'agent'} on the agent of the
         * enclosing node block, through its channel.
         *
         * @throws CallSiteException when the agent is not connected
         */
        <T> T call(DeployerCall<T> call) throws IOException, InterruptedException {
            if (!onAgent()) {
                try (LambdaClients.Session session = session()) {
                    return call.call(deployer(session), session);
                }
            }
            FilePath workspace = liveWorkspace();
            if (workspace == null) {
                throw CallSite.agentGone(call.operation(), Objects.toString(functionName, ""), agentName());
            }
            return AgentCalls.run(
                    Objects.requireNonNull(workspace.getChannel(), "no channel"),
                    callSiteSettings(workspace.isRemote()),
                    call,
                    listener);
        }

        /**
         * One poll; with {@code callsFrom: 'agent'} and the agent not connected (a restart it has not come back from
         * yet), a poll that failed: the wait goes on until its deadline, and ends saying the agent was away.
         */
        Observation probe(DeployerCall<Observation> poll) throws IOException, InterruptedException {
            if (!onAgent()) {
                return call(poll);
            }
            if (liveWorkspace() != null) {
                try {
                    return call(poll);
                } catch (RequestAbortedException | ChannelClosedException e) {
                    // the channel went while the poll was on it: Jenkins stopping, or the agent lost
                    LOGGER.log(Level.FINE, "poll interrupted by the channel of " + agentName(), e);
                }
            }
            return new Observation.Unavailable(CallSite.agentOffline(poll.operation(), awaitedFunction(), agentName()));
        }

        private boolean onAgent() {
            return CallSite.parse(callsFrom) == CallSite.AGENT;
        }

        private String agentName() {
            return Objects.toString(agentName, "");
        }

        /** The workspace of the enclosing node block with a live channel, or null while its agent is away. */
        @CheckForNull
        private FilePath liveWorkspace() throws InterruptedException {
            try {
                FilePath workspace = getContext().get(FilePath.class);
                return workspace == null || workspace.getChannel() == null ? null : workspace;
            } catch (IOException e) {
                // workflow-durable-task-step: "Unable to create live FilePath for <agent>" while it is offline
                LOGGER.log(Level.FINE, "no live workspace on " + agentName(), e);
                return null;
            }
        }

        /**
         * What the agent builds its clients from: session credentials made here from {@code credentialsId}, or the
         * agent's own identity. On the built-in node that identity is the controller's, which only an administrator
         * may lend to builds.
         */
        private CallSiteSettings callSiteSettings(boolean remote) throws AbortException {
            Connection c = connection();
            if (c.hasCredentialsId()) {
                SessionCredentials session = sessionCredentials();
                ClientSettings issuing = issuing();
                return UserErrors.checked(() -> CallSiteSettings.withSession(issuing, session, true));
            }
            if (!remote && !LambdaDeployConfiguration.get().isAllowControllerCredentials()) {
                throw new AbortException(CallSite.controllerIdentityRefused(
                                io.jenkins.plugins.lambdadeploy.Messages.AwsCredentialsLookup_HowToConfigure())
                        .getMessage());
            }
            return UserErrors.checked(() -> c.agentIdentity(environment));
        }

        /** Session credentials for the agent, made once and again shortly before they expire; never persisted. */
        private SessionCredentials sessionCredentials() throws AbortException {
            SessionCredentials current = sessionCredentials;
            if (current == null || current.expiresWithin(RENEW_SESSION_BEFORE, Instant.now())) {
                ClientSettings settings = issuing();
                current = UserErrors.checked(() -> new SessionCredentialsIssuer(HttpClientFactory.apache4())
                        .issue(settings, SessionCredentialsIssuer.DEFAULT_DURATION));
                sessionCredentials = current;
            }
            return current;
        }

        private ClientSettings issuing() throws AbortException {
            CredentialsSource resolved = credentials();
            return UserErrors.checked(() -> connection().sessionIssuing(resolved, environment));
        }

        private Connection connection() {
            return Objects.requireNonNull(connection, "not started");
        }

        /** A client for one call or one poll, with credentials resolved once per step; close it afterwards. */
        private LambdaClients.Session session() throws AbortException {
            return AwsClients.open(connection().settings(credentials()));
        }

        /** The engine's operations on {@code session}; while one runs, {@link #stop} can say what is on the wire. */
        private LambdaDeployer deployer(LambdaClients.Session session) {
            LambdaDeployer created = LambdaDeployer.create(session, log, WaitHistory.NONE);
            deployer = created;
            return created;
        }

        private CredentialsSource credentials() throws AbortException {
            CredentialsSource current = credentials;
            if (current == null) {
                current = connection().credentials(run, environment);
                credentials = current;
            }
            return current;
        }
    }
}
