package io.jenkins.plugins.lambdadeploy;

import dev.lambdadeploy.engine.LambdaDeployer;
import dev.lambdadeploy.engine.aws.LambdaClients;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * One use of the engine's operations (a call, or one poll of a wait) where the AWS calls run: on the controller, or
 * sent through an agent's channel ({@link AgentCalls}). Serializable, holding plain values only (the engine's
 * requests and states); see {@link DeployerCalls} for the named implementations.
 *
 * @param <T> what it answers: a serializable engine value
 */
@Restricted(NoExternalUse.class)
public interface DeployerCall<T> extends Serializable {

    /** {@code deployer} logs to the build and calls Lambda (and CloudWatch) through {@code session}. */
    T call(@NonNull LambdaDeployer deployer, @NonNull LambdaClients.Session session) throws InterruptedException;

    /** The Lambda operation this is, for a message when it cannot be made. */
    @NonNull
    String operation();
}
