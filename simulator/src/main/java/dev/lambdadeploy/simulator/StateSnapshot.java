package dev.lambdadeploy.simulator;

import org.jspecify.annotations.Nullable;

/**
 * One scripted answer to GetFunction/GetFunctionConfiguration. The reason code and reason go to
 * StateReason* when the state is not Active, and to LastUpdateStatusReason* when the update status is
 * neither null nor Successful.
 */
public record StateSnapshot(
        String state,
        @Nullable String lastUpdateStatus,
        @Nullable String reasonCode,
        @Nullable String reason) {

    public static StateSnapshot of(String state, @Nullable String lastUpdateStatus) {
        return new StateSnapshot(state, lastUpdateStatus, null, null);
    }
}
