package io.jenkins.plugins.lambdadeploy.steps;

import dev.lambdadeploy.engine.AwsCallException;
import dev.lambdadeploy.engine.FunctionStatus;
import dev.lambdadeploy.engine.LambdaResult;
import dev.lambdadeploy.engine.WaitSettings;
import dev.lambdadeploy.engine.aws.CredentialsSource;
import dev.lambdadeploy.engine.aws.FunctionProbe;
import dev.lambdadeploy.engine.aws.LambdaClients;
import dev.lambdadeploy.engine.log.DeployLog;
import dev.lambdadeploy.engine.wait.Decision;
import dev.lambdadeploy.engine.wait.Observation;
import dev.lambdadeploy.engine.wait.ResumableWait;
import dev.lambdadeploy.engine.wait.WaitOutcome;
import dev.lambdadeploy.engine.wait.WaitPolicy;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.lambdadeploy.AwsClients;
import io.jenkins.plugins.lambdadeploy.Background;
import io.jenkins.plugins.lambdadeploy.BuildLog;
import io.jenkins.plugins.lambdadeploy.Connection;
import io.jenkins.plugins.lambdadeploy.ConnectionParameters;
import io.jenkins.plugins.lambdadeploy.UserErrors;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * Runs a step without ever blocking the CPS VM thread, and waits for readiness in a way that survives a controller
 * restart, as {@code sleep} does: the wait's whole state is an absolute deadline and a count of polls (the engine's
 * {@link ResumableWait}), persisted with what to poll; the timer is re-armed on resume and cancelled on stop.
 * Each timer tick hands one poll to a {@link Background} thread, so the shared timer never waits on the network.
 * Calls that change the function (UpdateFunctionCode, PublishVersion) run on a background thread too; a restart
 * in the middle of one fails the step, since nobody can tell whether Lambda received it.
 * Nothing here holds a secret across a restart: credentials are transient and looked up again.
 */
abstract class LambdaStepExecution extends StepExecution {

    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(LambdaStepExecution.class.getName());

    /** What the step is doing; only a wait can be resumed after a restart. */
    enum Phase { STARTING, CALLING, WAITING }

    private final @CheckForNull String functionName;
    private final boolean unstableOnWarning;
    private final int maxWaitAttempts;
    private final int pollInterval;
    private final String waitPolicy;
    private final boolean failOnTimeout;

    private volatile Phase phase = Phase.STARTING;
    private @CheckForNull Connection connection;
    /** What the wait polls, as the engine validated it. */
    private @CheckForNull String waitFunction;
    private @CheckForNull String waitQualifier;
    /**
     * The {@link ResumableWait}: its deadline, in epoch milliseconds as {@code sleep} keeps its end (0 before the wait
     * starts), and the polls made so far. Plain values, so {@code program.dat} needs nothing from {@code java.time}.
     */
    private long deadline;
    private int attempts;

    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED",
            justification = "Secrets are never persisted: credentials are looked up again after a restart.")
    private transient @CheckForNull CredentialsSource credentials;
    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED",
            justification = "Only refines a timeout message; a restarted wait starts without it.")
    private transient @CheckForNull FunctionStatus lastSeen;
    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "Re-armed in onResume.")
    private transient volatile @CheckForNull Future<?> timer;
    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "Re-armed in onResume.")
    private transient volatile @CheckForNull Future<?> work;
    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "A stopped step is not resumed.")
    private transient volatile boolean stopped;
    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "Set again in onResume.")
    private transient long generation;

    LambdaStepExecution(@NonNull LambdaDeployStep step, @NonNull StepContext context) {
        super(context);
        this.functionName = step.getFunctionName();
        this.unstableOnWarning = step.isUnstableOnWarning();
        this.maxWaitAttempts = step.getMaxWaitAttempts();
        this.pollInterval = step.getPollInterval();
        this.waitPolicy = step.getWaitPolicy();
        this.failOnTimeout = step.isFailOnTimeout();
        this.generation = Background.generation();
    }

    /**
     * Validates the step and does what comes before any wait; runs on a background thread. Ends by calling
     * {@link #startWait} or {@link #complete}.
     */
    protected abstract void begin(@NonNull Call call) throws Exception;

    /** What a finished wait means for this step, and what comes after it; runs on a background thread. */
    @NonNull
    protected abstract LambdaResult afterWait(@NonNull Call call, @NonNull WaitOutcome outcome) throws Exception;

    @Override
    public boolean start() {
        inBackground(this::begin);
        return false;
    }

    @Override
    public void onResume() {
        generation = Background.generation();
        if (phase != Phase.WAITING) {
            getContext().onFailure(new AbortException(Messages.LambdaStepExecution_RestartedDuringCall(functionName)));
            return;
        }
        inBackground(call -> {
            call.log().waitResumed(waitFunction(), attempts, waitSettings().toPolicy().maxAttempts());
            poll(call);
        });
    }

    @Override
    public void stop(@NonNull Throwable cause) throws Exception {
        stopped = true;
        cancel(timer, false);
        cancel(work, true);
        TaskListener listener = getContext().get(TaskListener.class);
        if (listener != null && functionName != null) {
            BuildLog.of(listener).aborted(functionName);
        }
        getContext().onFailure(cause);
    }

    @Override
    public String getStatus() {
        return switch (phase) {
            case STARTING -> "starting";
            case CALLING -> "calling AWS Lambda for " + functionName;
            case WAITING -> "waiting for " + waitFunction + " to be ready: " + attempts + " polls so far, giving up at "
                    + Instant.ofEpochMilli(deadline);
        };
    }

    /** A wait may be interrupted by a restart; a call that changes the function may not. */
    @Override
    public boolean blocksRestart() {
        return phase != Phase.WAITING;
    }

    /** Settles region and connection from the step and the build's environment; no AWS call yet. */
    protected final void connect(@NonNull ConnectionParameters parameters, @NonNull Call call) {
        connection = Connection.resolve(parameters, call.environment(), UnaryOperator.identity());
    }

    /** Marks the start of a call that changes the function: a restart now cannot be resumed. */
    protected final void calling() {
        phase = Phase.CALLING;
    }

    /** Starts the restart-surviving wait for {@code function} and polls at once. */
    protected final void startWait(@NonNull Call call, @NonNull String function, @CheckForNull String qualifier)
            throws Exception {
        ResumableWait wait = ResumableWait.start(waitSettings().toPolicy(), Instant.now());
        waitFunction = function;
        waitQualifier = qualifier;
        deadline = wait.deadline().toEpochMilli();
        attempts = wait.attempts();
        lastSeen = null;
        phase = Phase.WAITING;
        call.log().waitingForReady();
        getContext().saveState();
        poll(call);
    }

    /** Returns the result map, after marking the step's node (and, if asked, the build) for a warning. */
    protected final void complete(@NonNull Call call, @NonNull LambdaResult result)
            throws IOException, InterruptedException {
        String warning = result.warning();
        if (warning != null) {
            FlowNode node = getContext().get(FlowNode.class);
            if (node != null) {
                node.addAction(new WarningAction(Result.UNSTABLE).withMessage(warning));
            }
            if (unstableOnWarning) {
                call.run().setResult(Result.UNSTABLE);
            }
        }
        if (!stopped) {
            // a plain map of plain values: readable in the sandbox, serializable with the program
            getContext().onSuccess(new LinkedHashMap<>(result.toMap()));
        }
    }

    @NonNull
    protected final WaitSettings waitSettings() {
        return new WaitSettings(maxWaitAttempts, Duration.ofSeconds(pollInterval), waitPolicy, failOnTimeout);
    }

    @NonNull
    protected final String waitFunction() {
        return Objects.requireNonNull(waitFunction, "no wait started");
    }

    /** One poll, its decision, and either the next timer or the end of the wait. */
    private void poll(Call call) throws Exception {
        WaitPolicy policy = waitSettings().toPolicy();
        Observation seen = probe(call);
        if (deadline == 0) {
            throw new IllegalStateException("no wait started");
        }
        ResumableWait.Step step = new ResumableWait(Instant.ofEpochMilli(deadline), attempts)
                .observe(policy, seen, Instant.now());
        attempts = step.next().attempts();
        if (seen instanceof Observation.Seen s) {
            lastSeen = s.status();
        }
        call.log().polled(seen, step.decision(), attempts, policy.maxAttempts(), step.elapsed());
        WaitOutcome outcome = WaitOutcome.of(step.decision(), lastSeen, attempts, step.elapsed());
        if (outcome == null) {
            getContext().saveState();
            schedule(((Decision.PollAgain) step.decision()).delay());
            return;
        }
        calling();
        complete(call, afterWait(call, outcome));
    }

    private Observation probe(Call call) throws Exception {
        try {
            return probeOnce(call);
        } catch (AwsCallException e) {
            if (!e.error().isExpiredCredentials()) {
                throw e;
            }
            // the wait outlived the session of credentials resolved at the start: look them up again, once
            credentials = null;
            return probeOnce(call);
        }
    }

    private Observation probeOnce(Call call) throws Exception {
        try (LambdaClients.Session session = call.session()) {
            return new FunctionProbe(session.lambda(), waitFunction(), waitQualifier).probe();
        }
    }

    private void schedule(Duration delay) {
        long armedIn = generation;
        if (stopped || armedIn != Background.generation()) {
            // stopped, or Jenkins is stopping: Timer.get() would even make a new pool after Jenkins shut the old one
            return;
        }
        timer = Timer.get().schedule(() -> {
            if (!stopped && armedIn == Background.generation()) {
                inBackground(this::poll);
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void inBackground(Task task) {
        long armedIn = generation;
        work = Background.submit(() -> {
            if (stopped || armedIn != Background.generation()) {
                return;
            }
            try {
                task.run(call());
            } catch (Throwable t) {
                fail(t, armedIn);
            }
        });
    }

    private void fail(Throwable error, long armedIn) {
        if (stopped || armedIn != Background.generation()) {
            LOGGER.log(Level.FINE, "ignoring a failure after the step was stopped", error);
            return;
        }
        getContext().onFailure(error instanceof InterruptedException ? error : UserErrors.forBuild(error));
    }

    private Call call() throws IOException, InterruptedException {
        StepContext context = getContext();
        Run<?, ?> run = Objects.requireNonNull(context.get(Run.class), "no build");
        TaskListener listener = Objects.requireNonNull(context.get(TaskListener.class), "no build log");
        EnvVars environment = context.get(EnvVars.class);
        return new Call(run, BuildLog.of(listener), environment == null ? new EnvVars() : environment);
    }

    private CredentialsSource credentials(Call call) throws AbortException {
        CredentialsSource current = credentials;
        if (current == null) {
            current = Objects.requireNonNull(connection, "not connected").credentials(call.run(), call.environment());
            credentials = current;
        }
        return current;
    }

    private static void cancel(@CheckForNull Future<?> future, boolean interrupt) {
        if (future != null) {
            future.cancel(interrupt);
        }
    }

    @FunctionalInterface
    private interface Task {
        void run(Call call) throws Exception;
    }

    /** What one background task works with: the build, its log and environment, and clients for Lambda. */
    final class Call {

        private final Run<?, ?> run;
        private final DeployLog log;
        private final EnvVars environment;

        private Call(Run<?, ?> run, DeployLog log, EnvVars environment) {
            this.run = run;
            this.log = log;
            this.environment = environment;
        }

        Run<?, ?> run() {
            return run;
        }

        EnvVars environment() {
            return environment;
        }

        DeployLog log() {
            return log;
        }

        /** The workspace, or null outside a {@code node} block. */
        @CheckForNull
        FilePath workspace() throws IOException, InterruptedException {
            return getContext().get(FilePath.class);
        }

        /** A client for one call or one poll, with credentials resolved once per step; close it afterwards. */
        LambdaClients.Session session() throws AbortException {
            return AwsClients.open(Objects.requireNonNull(connection, "not connected").settings(credentials(this)));
        }
    }
}
