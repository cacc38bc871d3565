package dev.lambdadeploy.engine.aws;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * What users need to act on an AWS error, and nothing else: the operation, the function, the AWS error code,
 * the HTTP status and the request id AWS support asks for. Never carries credentials.
 */
public record AwsErrorInfo(
        String operation,
        String functionName,
        String errorCode,
        int statusCode,
        @Nullable String requestId,
        @Nullable String message)
        implements java.io.Serializable {

    public AwsErrorInfo {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(errorCode, "errorCode");
    }

    public static AwsErrorInfo from(String operation, String functionName, SdkException e) {
        if (e instanceof AwsServiceException ase && ase.awsErrorDetails() != null) {
            var details = ase.awsErrorDetails();
            return new AwsErrorInfo(
                    operation,
                    functionName,
                    details.errorCode() != null
                            ? details.errorCode()
                            : ase.getClass().getSimpleName(),
                    ase.statusCode(),
                    ase.requestId(),
                    details.errorMessage());
        }
        if (e instanceof SdkServiceException sse) {
            return new AwsErrorInfo(
                    operation,
                    functionName,
                    sse.getClass().getSimpleName(),
                    sse.statusCode(),
                    sse.requestId(),
                    sse.getMessage());
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new AwsErrorInfo(
                operation,
                functionName,
                e.getClass().getSimpleName(),
                0,
                null,
                root == e ? e.getMessage() : root.getClass().getSimpleName() + ": " + root.getMessage());
    }

    /** A 429: Lambda's quota for this call is spent for now. */
    public boolean isThrottling() {
        return statusCode == 429 || "TooManyRequestsException".equals(errorCode);
    }

    /** Temporary credentials ran out, e.g. when a wait outlives an STS session: resolve them again. */
    public boolean isExpiredCredentials() {
        return switch (errorCode) {
            case "ExpiredToken", "ExpiredTokenException", "RequestExpired" -> true;
            default -> false;
        };
    }

    /** A 5xx, or no answer at all: another try may succeed. */
    public boolean isTransient() {
        return statusCode >= 500 || statusCode == 0;
    }

    /**
     * "PublishVersion on my-fn failed: ResourceConflictException (HTTP 409, request id 1a2b): message", without a
     * closing full stop, so callers can go on with ". " and what to do.
     */
    public String describe() {
        StringBuilder text = new StringBuilder(operation)
                .append(" on ")
                .append(functionName)
                .append(" failed: ")
                .append(errorCode);
        if (statusCode > 0 || requestId != null) {
            text.append(" (");
            if (statusCode > 0) {
                text.append("HTTP ").append(statusCode);
            }
            if (requestId != null) {
                text.append(statusCode > 0 ? ", " : "").append("request id ").append(requestId);
            }
            text.append(')');
        }
        if (message != null && !message.isBlank()) {
            // without AWS's closing full stop: callers go on with ". " and a hint, and two would show
            text.append(": ").append(message.strip().replaceFirst("\\.+$", ""));
        }
        return text.toString();
    }
}
