package dev.lambdadeploy.engine;

import dev.lambdadeploy.engine.aws.AwsErrorInfo;
import java.util.Objects;

/**
 * STS did not give the credentials of the role to assume ({@code roleArn}): the AssumeRole call failed, so no
 * Lambda call was made with them. The message names the AssumeRole call, the role, STS's error code and request id,
 * never Lambda's operation, and never a credential.
 */
public final class RoleAssumptionException extends LambdaDeployException {

    private static final long serialVersionUID = 1L;

    private final AwsErrorInfo error;

    /** {@code error.functionName()} holds the role ARN: the resource AssumeRole acted on. */
    public RoleAssumptionException(AwsErrorInfo error, Throwable cause) {
        super(AwsCallException.withHint(error.describe(), hint(error)), cause);
        this.error = Objects.requireNonNull(error, "error");
    }

    /** The STS error: operation AssumeRole, the role ARN, STS's error code, HTTP status and request id. */
    public AwsErrorInfo error() {
        return error;
    }

    public String roleArn() {
        return error.functionName();
    }

    private static String hint(AwsErrorInfo error) {
        if (error.statusCode() == 0) {
            return "STS did not answer: check the network, the proxy and the STS endpoint (AWS_ENDPOINT_URL_STS).";
        }
        return switch (error.errorCode()) {
            case "AccessDenied", "AccessDeniedException" ->
                "The base credentials may not assume this role: check the "
                        + "role's trust policy (and " + Parameter.EXTERNAL_ID.ref()
                        + " if it asks for one) and that the "
                        + "identity is allowed sts:AssumeRole on it.";
            case "InvalidClientTokenId", "SignatureDoesNotMatch" ->
                "Check the base credentials: the access key is unknown or the secret does not match.";
            case "RegionDisabledException" ->
                "STS is not activated in this region for the account; activate it or " + "use another "
                        + Parameter.REGION.ref() + ".";
            case "ExpiredToken", "ExpiredTokenException" -> "The base credentials have expired; renew them.";
            default -> "";
        };
    }
}
