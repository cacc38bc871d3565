package dev.lambdadeploy.engine;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Lambda reports State or LastUpdateStatus Failed. The previous code stays live; nothing was published. */
public final class FunctionFailedException extends LambdaDeployException {

    private static final long serialVersionUID = 1L;

    private final transient FunctionStatus status;

    public FunctionFailedException(FunctionStatus status) {
        this(status, null);
    }

    /** {@code updateRequestId}: the UpdateFunctionCode that failed, when this step sent it. */
    public FunctionFailedException(FunctionStatus status, @Nullable String updateRequestId) {
        super("Lambda function update failed: " + status.functionName() + " is State " + status.state()
                + ", LastUpdateStatus " + status.lastUpdateStatus() + " (" + status.failureReason() + ")"
                + (updateRequestId != null
                        ? ", UpdateFunctionCode request id " + updateRequestId
                        : status.requestId() != null ? ", seen by GetFunction request id " + status.requestId() : "")
                + ". The previous code stays live.");
        this.status = Objects.requireNonNull(status, "status");
    }

    /**
     * A failed update this step sent with {@code operation} (e.g. UpdateFunctionConfiguration) and request id
     * {@code requestId}; {@code what} is what stays live ("configuration").
     */
    public FunctionFailedException(FunctionStatus status, String operation, @Nullable String requestId, String what) {
        super("Lambda function update failed: " + status.functionName() + " is State " + status.state()
                + ", LastUpdateStatus " + status.lastUpdateStatus() + " (" + status.failureReason() + ")"
                + (requestId != null ? ", " + operation + " request id " + requestId : "")
                + ". The previous " + what + " stays live.");
        this.status = Objects.requireNonNull(status, "status");
    }

    public FunctionStatus status() {
        return status;
    }
}
