package dev.lambdadeploy.engine;

import dev.lambdadeploy.engine.aws.AwsErrorInfo;
import java.util.Objects;

/** An AWS call failed in a way retrying did not cure; the message names operation, function, code, request id. */
public final class AwsCallException extends LambdaDeployException {

    private static final long serialVersionUID = 1L;

    private final AwsErrorInfo error;

    public AwsCallException(AwsErrorInfo error, Throwable cause) {
        super(withHint(error.describe(), hint(error)), cause);
        this.error = Objects.requireNonNull(error, "error");
    }

    public AwsErrorInfo error() {
        return error;
    }

    /** AWS's message may end in a full stop of its own: never two. */
    /** Joins AWS's description and a hint with exactly one full stop between them. */
    public static String withHint(String description, String hint) {
        if (hint.isEmpty()) {
            return description;
        }
        String text = description.strip();
        while (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        return text + ". " + hint;
    }

    private static String hint(AwsErrorInfo error) {
        return switch (error.errorCode()) {
            case "ResourceNotFoundException" ->
                "Check " + Parameter.FUNCTION_NAME.ref() + " and " + Parameter.REGION.ref() + ".";
            case "UnrecognizedClientException", "InvalidSignatureException" ->
                "Check the credentials: the access key is unknown or the secret does not match.";
            case "AccessDeniedException", "AccessDeniedExceptionException" ->
                "The credentials lack an IAM permission; see the least-privilege policy in the docs.";
            case "ResourceConflictException" ->
                "Another update kept the function busy; raise " + Parameter.MAX_RETRIES.ref() + " or the wait.";
            case "TooManyRequestsException" ->
                "Lambda's request quota stayed exhausted; deploy fewer functions at once.";
            default -> "";
        };
    }
}
