package dev.lambdadeploy.engine;

import dev.lambdadeploy.engine.wait.UpdateTraits;
import java.io.Serializable;
import java.util.Objects;

/**
 * What Lambda answered to an update this engine sent, for the wait that follows it: the status the response reported
 * (the wait's first observation, no GetFunction needed) and what it said about the function (the prior of the
 * {@code history} policy when the function has no history yet).
 *
 * @param result the step's result so far, as {@link LambdaDeployer#updateCode} returns it
 * @param status the function's status as the response reported it
 * @param traits package type, code size and VPC from the response
 */
public record AcceptedUpdate(LambdaResult result, FunctionStatus status, UpdateTraits traits) implements Serializable {

    private static final long serialVersionUID = 1L;

    public AcceptedUpdate {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(traits, "traits");
    }
}
