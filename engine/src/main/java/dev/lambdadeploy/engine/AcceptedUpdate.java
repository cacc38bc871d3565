package dev.lambdadeploy.engine;

import java.io.Serializable;
import java.util.Objects;

/**
 * What Lambda answered to an update this engine sent, for the wait that follows it: the status the response reported
 * (with the {@code history} policy and a function with a history, the wait's first observation, no GetFunction
 * needed).
 *
 * @param result the step's result so far, as {@link LambdaDeployer#updateCode} returns it
 * @param status the function's status as the response reported it
 */
public record AcceptedUpdate(LambdaResult result, FunctionStatus status) implements Serializable {

    private static final long serialVersionUID = 1L;

    public AcceptedUpdate {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(status, "status");
    }
}
