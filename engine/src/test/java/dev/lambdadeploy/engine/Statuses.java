package dev.lambdadeploy.engine;

import org.jspecify.annotations.Nullable;

/** Test statuses. */
public final class Statuses {

    public static final String SHA = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

    private Statuses() {}

    public static FunctionStatus of(@Nullable String state, @Nullable String lastUpdateStatus) {
        return new FunctionStatus(
                "my-fn",
                "arn:aws:lambda:us-east-1:123456789012:function:my-fn",
                state,
                lastUpdateStatus,
                null,
                null,
                null,
                null,
                SHA,
                "11111111-2222-3333-4444-555555555555",
                "$LATEST",
                "req-1");
    }

    public static FunctionStatus failedUpdate(String code, String reason) {
        return new FunctionStatus(
                "my-fn",
                "arn:aws:lambda:us-east-1:123456789012:function:my-fn",
                "Active",
                "Failed",
                null,
                null,
                reason,
                code,
                SHA,
                "11111111-2222-3333-4444-555555555555",
                "$LATEST",
                "req-9");
    }
}
