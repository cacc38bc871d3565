package dev.lambdadeploy.engine;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A call that changes the function (UpdateFunctionCode, UpdateFunctionConfiguration, PublishVersion, DeleteFunction) and has been sent but not answered. If
 * the step is stopped now, the call may still reach Lambda and take effect: front ends say so, and how to check.
 *
 * @param codeSha256 the code the call uploads or publishes, when known (a zip's own hash; the pinned hash)
 */
public record InFlightCall(
        String operation, String functionName, @Nullable String codeSha256) {

    public InFlightCall {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(functionName, "functionName");
    }
}
