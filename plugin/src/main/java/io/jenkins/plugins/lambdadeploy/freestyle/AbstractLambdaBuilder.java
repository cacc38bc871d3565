package io.jenkins.plugins.lambdadeploy.freestyle;

import dev.lambdadeploy.engine.DeployOperation;
import dev.lambdadeploy.engine.LambdaDeployException;
import dev.lambdadeploy.engine.LambdaDeployer;
import dev.lambdadeploy.engine.OperationResult;
import dev.lambdadeploy.engine.aws.CallSite;
import dev.lambdadeploy.engine.aws.CallSiteSettings;
import dev.lambdadeploy.engine.aws.ClientSettings;
import dev.lambdadeploy.engine.aws.CredentialsSource;
import dev.lambdadeploy.engine.aws.HttpClientFactory;
import dev.lambdadeploy.engine.aws.LambdaClients;
import dev.lambdadeploy.engine.aws.SessionCredentials;
import dev.lambdadeploy.engine.aws.SessionCredentialsIssuer;
import dev.lambdadeploy.engine.wait.CarriedWaitHistory;
import dev.lambdadeploy.engine.wait.WaitHistory;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.Computer;
import hudson.model.Result;
import hudson.remoting.VirtualChannel;
import hudson.tasks.Builder;
import io.jenkins.plugins.lambdadeploy.AgentCalls;
import io.jenkins.plugins.lambdadeploy.AwsClients;
import io.jenkins.plugins.lambdadeploy.BuildLog;
import io.jenkins.plugins.lambdadeploy.Connection;
import io.jenkins.plugins.lambdadeploy.ControllerWaitHistory;
import io.jenkins.plugins.lambdadeploy.DeployerCalls;
import io.jenkins.plugins.lambdadeploy.LambdaDeployConfiguration;
import io.jenkins.plugins.lambdadeploy.Messages;
import io.jenkins.plugins.lambdadeploy.steps.AbstractLambdaStep;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;

/**
 * A freestyle build step that holds its Pipeline step: the step is the one describable with every field, form check
 * and help text (the inverse of workflow-basic-steps' {@code CoreStep}, which holds a build step for Pipeline). It runs
 * blocking on the build's executor (an abort interrupts it) with the engine's blocking operations, and exports its
 * result to the build steps after it as LAMBDA_* variables. Not a {@code SimpleBuildStep}, so not offered to Pipeline
 * through {@code step}: Pipeline has the steps themselves, which survive a restart and need no workspace.
 *
 * @param <S> the step this build step runs
 */
public abstract class AbstractLambdaBuilder<S extends AbstractLambdaStep> extends Builder {

    private final S step;

    protected AbstractLambdaBuilder(@NonNull S step) {
        this.step = Objects.requireNonNull(step, "step");
    }

    @NonNull
    public S getStep() {
        return step;
    }

    /** Text fields expand build variables ({@code ${LAMBDA_CODE_SHA256}} of an earlier step, parameters). */
    @Override
    public boolean perform(
            @NonNull AbstractBuild<?, ?> build, @NonNull Launcher launcher, @NonNull BuildListener listener)
            throws InterruptedException, IOException {
        EnvVars env = build.getEnvironment(listener);
        env.overrideAll(build.getBuildVariables());
        OperationResult result;
        try {
            DeployOperation operation = step.prepare(build.getWorkspace(), env::expand);
            Connection connection = Connection.resolve(step, env, env::expand);
            CallSite site = CallSite.parse(
                    step.getCallsFrom(), LambdaDeployConfiguration.get().callSite());
            if (site == CallSite.AGENT) {
                result = onAgent(build, listener, env, operation, connection);
            } else {
                CredentialsSource credentials = connection.credentials(build, env);
                try (LambdaClients.Session session = AwsClients.open(connection.settings(credentials))) {
                    result = operation.run(
                            LambdaDeployer.create(session, BuildLog.of(listener), ControllerWaitHistory.get()));
                }
            }
        } catch (LambdaDeployException e) {
            throw new AbortException(e.getMessage());
        }
        // replaces an earlier Lambda build step's variables, all of them: none of its values outlives it
        build.replaceAction(new LambdaResultAction(result.environment()));
        if (result.warning() != null && (step.isUnstableOnWarning() || result.marksUnstable())) {
            build.setResult(Result.UNSTABLE);
        }
        return true;
    }

    /**
     * {@code callsFrom: 'agent'}: the operation runs on the build's node through its workspace's channel, with session
     * credentials made here from {@code credentialsId}, or the node's own identity (on the built-in node only if an
     * administrator lends the controller's identity to builds).
     */
    private OperationResult onAgent(
            AbstractBuild<?, ?> build,
            BuildListener listener,
            EnvVars env,
            DeployOperation operation,
            Connection connection)
            throws IOException, InterruptedException {
        FilePath workspace = build.getWorkspace();
        VirtualChannel channel = workspace == null ? null : workspace.getChannel();
        if (workspace == null || channel == null) {
            throw CallSite.noAgent();
        }
        Computer computer = workspace.toComputer();
        listener.getLogger()
                .println(CallSite.announce(computer == null ? "" : computer.getName(), connection.hasCredentialsId()));
        CallSiteSettings settings;
        if (connection.hasCredentialsId()) {
            ClientSettings issuing = connection.sessionIssuing(connection.credentials(build, env), env);
            SessionCredentials session = new SessionCredentialsIssuer(HttpClientFactory.apache4())
                    .issue(issuing, SessionCredentialsIssuer.DEFAULT_DURATION);
            settings = CallSiteSettings.withSession(issuing, session, true);
        } else if (!workspace.isRemote() && !LambdaDeployConfiguration.get().isAllowControllerCredentials()) {
            throw CallSite.controllerIdentityRefused(Messages.AwsCredentialsLookup_HowToConfigure());
        } else {
            settings = connection.agentIdentity(env);
        }
        // the deploy waits on the agent; the function's durations go with it and what it learns comes back here
        WaitHistory home = ControllerWaitHistory.get();
        return AgentCalls.run(
                channel,
                settings,
                DeployerCalls.operation(operation, getDescriptor().getDisplayName()),
                listener,
                CarriedWaitHistory.of(home, env.expand(step.getFunctionName()), Instant.now()),
                home);
    }
}
