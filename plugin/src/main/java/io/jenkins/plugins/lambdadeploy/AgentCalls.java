package io.jenkins.plugins.lambdadeploy;

import dev.lambdadeploy.engine.LambdaDeployer;
import dev.lambdadeploy.engine.aws.CallSiteClients;
import dev.lambdadeploy.engine.aws.CallSiteException;
import dev.lambdadeploy.engine.aws.CallSiteSettings;
import dev.lambdadeploy.engine.aws.HttpClientFactory;
import dev.lambdadeploy.engine.aws.LambdaClients;
import dev.lambdadeploy.engine.wait.CarriedWaitHistory;
import dev.lambdadeploy.engine.wait.WaitHistory;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.TaskListener;
import hudson.remoting.Future;
import hudson.remoting.VirtualChannel;
import java.io.IOException;
import java.io.Serializable;
import java.util.concurrent.ExecutionException;
import jenkins.security.MasterToSlaveCallable;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Runs a {@link DeployerCall} on an agent ({@code callsFrom: 'agent'}): one {@link MasterToSlaveCallable} per call or
 * per poll, sent with {@link VirtualChannel#callAsync}; the AWS clients are built there ({@link CallSiteClients} with
 * the Apache 4 HTTP client, the agent's own environment for its proxy and default chain, and the agent JVM's quota
 * limiter), the engine logs to the build's listener, and the result (a serializable engine value) comes back. An
 * interrupt (the step aborted) cancels the call on the agent too. Failures come back as {@link CallSiteException}:
 * message and AWS error, no SDK objects.
 */
@Restricted(NoExternalUse.class)
public final class AgentCalls {

    private AgentCalls() {}

    /**
     * {@code call} on the other side of {@code channel} with {@code settings}, which may hold session credentials: they
     * travel in the request only, never persisted.
     */
    public static <T> T run(
            @NonNull VirtualChannel channel,
            @NonNull CallSiteSettings settings,
            @NonNull DeployerCall<T> call,
            @NonNull TaskListener listener)
            throws IOException, InterruptedException {
        return run(channel, settings, call, listener, null, WaitHistory.NONE);
    }

    /**
     * As {@link #run(VirtualChannel, CallSiteSettings, DeployerCall, TaskListener)}, for a call that waits itself (a
     * freestyle build step's whole deploy): its wait polls around {@code carried}, the function's durations from
     * {@code home}, and what it records there is kept in {@code home} when it returns.
     */
    public static <T> T run(
            @NonNull VirtualChannel channel,
            @NonNull CallSiteSettings settings,
            @NonNull DeployerCall<T> call,
            @NonNull TaskListener listener,
            @CheckForNull CarriedWaitHistory carried,
            @NonNull WaitHistory home)
            throws IOException, InterruptedException {
        Future<Returned<T>> future = channel.callAsync(new OnAgent<>(settings, call, listener, carried));
        try {
            Returned<T> returned = future.get();
            CarriedWaitHistory learnt = returned.history();
            if (learnt != null) {
                learnt.keepIn(home);
            }
            return returned.value();
        } catch (InterruptedException e) {
            // Request's get() has sent the Cancel already; cancel(true) says the same and marks the future
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException("the AWS call " + call.operation() + " failed on the agent", cause);
        }
    }

    /** What comes back: the call's value and, for a call given a history, that history with what the call recorded. */
    private record Returned<T>(T value, @CheckForNull CarriedWaitHistory history) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** What travels: the settings, the call and the build's (remotable) listener. */
    private static final class OnAgent<T> extends MasterToSlaveCallable<Returned<T>, InterruptedException> {

        private static final long serialVersionUID = 1L;

        /** Sent, never persisted: the callable exists only on the wire and while it runs. */
        private final CallSiteSettings settings;

        private final DeployerCall<T> call;
        private final TaskListener listener;
        private final @CheckForNull CarriedWaitHistory history;

        OnAgent(
                CallSiteSettings settings,
                DeployerCall<T> call,
                TaskListener listener,
                @CheckForNull CarriedWaitHistory history) {
            this.settings = settings;
            this.call = call;
            this.listener = listener;
            this.history = history;
        }

        @Override
        public Returned<T> call() throws InterruptedException {
            try (LambdaClients.Session session = AgentClients.get().open(settings)) {
                LambdaDeployer deployer = LambdaDeployer.create(
                        session, BuildLog.of(listener), history == null ? WaitHistory.NONE : history);
                return new Returned<>(call.call(deployer, session), history);
            } catch (RuntimeException e) {
                throw CallSiteException.of(e);
            } finally {
                listener.getLogger().flush();
            }
        }

        @Override
        public String toString() {
            return "Lambda Deploy " + call.operation() + " (callsFrom: 'agent')";
        }
    }

    /** The clients of the JVM the calls run in: one connection pool and one set of assumed roles per agent. */
    private static final class AgentClients {

        private static CallSiteClients clients;

        private AgentClients() {}

        static synchronized CallSiteClients get() {
            if (clients == null) {
                clients = new CallSiteClients(HttpClientFactory.apache4(), System.getenv());
            }
            return clients;
        }
    }
}
