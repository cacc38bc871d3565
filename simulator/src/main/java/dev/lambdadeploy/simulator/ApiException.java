package dev.lambdadeploy.simulator;

import java.util.Map;

/** An error answer of the Lambda API: status, error type, message, and the few extras some types carry. */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final String type;
    final boolean serviceFault;
    final Map<String, String> headers;
    final Map<String, String> bodyFields;

    ApiException(
            int status,
            String type,
            String message,
            boolean serviceFault,
            Map<String, String> headers,
            Map<String, String> bodyFields) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.serviceFault = serviceFault;
        this.headers = headers;
        this.bodyFields = bodyFields;
    }

    static ApiException user(int status, String type, String message) {
        return new ApiException(status, type, message, false, Map.of(), Map.of());
    }

    static ApiException notFound(String what) {
        return user(404, "ResourceNotFoundException", "Function not found: " + what);
    }

    static ApiException updateInProgress(String functionArn) {
        return user(
                409,
                "ResourceConflictException",
                "The operation cannot be performed at this time. An update is in progress for resource: "
                        + functionArn);
    }

    static ApiException conflict(String message) {
        return user(409, "ResourceConflictException", message);
    }

    static ApiException revisionMismatch() {
        return user(
                412,
                "PreconditionFailedException",
                "The Revision Id provided does not match the latest Revision Id. "
                        + "Call the GetFunction/GetAlias API to retrieve the latest Revision Id");
    }

    static ApiException invalidParameter(String message) {
        return user(400, "InvalidParameterValueException", message);
    }

    /** What AWS answers when a request member breaks a modelled constraint (length, pattern, range). */
    static ApiException validation(String member, Object value, String constraint) {
        return user(
                400,
                "ValidationException",
                "1 validation error detected: Value '"
                        + value
                        + "' at '"
                        + member
                        + "' failed to satisfy constraint: "
                        + constraint);
    }

    static ApiException badContent(String message) {
        return user(400, "InvalidRequestContentException", message);
    }

    static ApiException tooManyRequests() {
        return new ApiException(
                429,
                "TooManyRequestsException",
                "Rate exceeded",
                false,
                Map.of("Retry-After", "1"),
                Map.of("Reason", "CallerRateLimitExceeded", "retryAfterSeconds", "1"));
    }

    static ApiException unrecognizedClient() {
        return user(403, "UnrecognizedClientException", "The security token included in the request is invalid.");
    }

    static ApiException expiredToken() {
        return user(403, "ExpiredTokenException", "The security token included in the request is expired");
    }

    static ApiException invalidSignature(String message) {
        return user(403, "InvalidSignatureException", message);
    }

    static ApiException incompleteSignature(String message) {
        return user(403, "IncompleteSignatureException", message);
    }

    static ApiException unknownOperation() {
        return user(404, "UnknownOperationException", "Unknown operation");
    }

    static ApiException service(int status, String type, String message) {
        return new ApiException(status, type, message, true, Map.of(), Map.of());
    }
}
