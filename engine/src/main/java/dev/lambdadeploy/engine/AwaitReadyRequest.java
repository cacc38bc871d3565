package dev.lambdadeploy.engine;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Wait until a function (or a version or alias of it) is Active with its last update Successful. */
public record AwaitReadyRequest(
        String functionName, @Nullable String qualifier, WaitSettings waitSettings) implements java.io.Serializable {

    public AwaitReadyRequest {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(waitSettings, "waitSettings");
    }

    /** Validates raw input and names the first bad parameter. */
    public static AwaitReadyRequest of(
            @Nullable String functionName, @Nullable String qualifier, WaitSettings waitSettings) {
        String name = Validation.functionName(functionName);
        String q = Validation.qualifier(qualifier);
        if (q != null && Validation.qualifierOf(name) != null) {
            throw new InvalidParameterException(
                    "qualifier",
                    "'" + q + "' given, but " + Parameter.FUNCTION_NAME.ref()
                            + " already names "
                            + Validation.qualifierOf(name) + "; give the qualifier in one place only");
        }
        return new AwaitReadyRequest(name, q, waitSettings.validated());
    }
}
