package dev.lambdadeploy.engine;

import java.util.Objects;

/** Lambda reports State or LastUpdateStatus Failed. The previous code stays live; nothing was published. */
public final class FunctionFailedException extends LambdaDeployException {

    private static final long serialVersionUID = 1L;

    private final transient FunctionStatus status;

    public FunctionFailedException(FunctionStatus status) {
        super("Lambda function update failed: " + status.functionName() + " is State " + status.state()
                + ", LastUpdateStatus " + status.lastUpdateStatus() + " (" + status.failureReason() + ")"
                + (status.requestId() != null ? ", request id " + status.requestId() : "")
                + ". The previous code stays live.");
        this.status = Objects.requireNonNull(status, "status");
    }

    public FunctionStatus status() {
        return status;
    }
}
