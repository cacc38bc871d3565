package dev.lambdadeploy.engine.aws;

import dev.lambdadeploy.engine.AwsCallException;
import dev.lambdadeploy.engine.LambdaDeployException;
import org.jspecify.annotations.Nullable;

/**
 * A failure where the AWS calls run (a Jenkins agent), as it travels back to where the step runs: the engine's
 * message as it was, the AWS error if there was one, and the stack trace, but no cause. The SDK's exceptions carry
 * objects (error details, HTTP responses) that need not be serializable and that a controller's class filter may
 * refuse, so they stay where they were thrown.
 */
public final class CallSiteException extends LambdaDeployException {

    private static final long serialVersionUID = 1L;

    private final @Nullable AwsErrorInfo error;
    private final String failure;

    CallSiteException(String message, @Nullable AwsErrorInfo error) {
        super(message);
        this.error = error;
        this.failure = getClass().getSimpleName();
    }

    private CallSiteException(String message, @Nullable AwsErrorInfo error, Throwable original) {
        super(message);
        this.error = error;
        this.failure = original.getClass().getSimpleName();
        setStackTrace(original.getStackTrace());
    }

    /**
     * {@code failure} made safe to send: an engine failure keeps its message (parameters spelt as the Jenkins steps
     * spell them) and AWS error; anything else says what it was.
     */
    public static CallSiteException of(RuntimeException failure) {
        if (failure instanceof CallSiteException already) {
            return already;
        }
        AwsErrorInfo error = failure instanceof AwsCallException aws ? aws.error() : null;
        String message = failure instanceof LambdaDeployException
                ? failure.getMessage()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return new CallSiteException(message == null ? failure.getClass().getSimpleName() : message, error, failure);
    }

    /** The AWS error behind the failure, if it was one: e.g. to tell expired credentials. */
    public @Nullable AwsErrorInfo error() {
        return error;
    }

    /** The simple name of the exception that was thrown where the calls run. */
    public String failure() {
        return failure;
    }
}
