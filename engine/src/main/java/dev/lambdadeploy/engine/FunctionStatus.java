package dev.lambdadeploy.engine;

import org.jspecify.annotations.Nullable;

/**
 * What one probe of a function saw: its state fields and the identity of the code it runs.
 * {@code lastUpdateStatus} is null when Lambda omits it (seen on SnapStart versions); that counts as not ready.
 */
public record FunctionStatus(
        String functionName,
        @Nullable String functionArn,
        @Nullable String state,
        @Nullable String lastUpdateStatus,
        @Nullable String stateReason,
        @Nullable String stateReasonCode,
        @Nullable String lastUpdateStatusReason,
        @Nullable String lastUpdateStatusReasonCode,
        @Nullable String codeSha256,
        @Nullable String revisionId,
        @Nullable String version,
        @Nullable String requestId)
        implements java.io.Serializable {

    public static final String ACTIVE = "Active";
    public static final String SUCCESSFUL = "Successful";
    public static final String FAILED = "Failed";

    /** Lambda accepts PublishVersion and further updates only in this state. */
    public boolean isReady() {
        return ACTIVE.equals(state) && SUCCESSFUL.equals(lastUpdateStatus);
    }

    /** A failed creation or a failed update: waiting longer cannot make it ready. */
    public boolean isFailed() {
        return FAILED.equals(state) || FAILED.equals(lastUpdateStatus);
    }

    /** The reason code and reason of the failure, as specific as Lambda reported them. */
    public String failureReason() {
        if (FAILED.equals(lastUpdateStatus)) {
            return describe(lastUpdateStatusReasonCode, lastUpdateStatusReason);
        }
        return describe(stateReasonCode, stateReason);
    }

    private static String describe(@Nullable String code, @Nullable String reason) {
        if (code == null && reason == null) {
            return "no reason given";
        }
        if (code == null) {
            return reason;
        }
        return reason == null ? code : code + ": " + reason;
    }
}
