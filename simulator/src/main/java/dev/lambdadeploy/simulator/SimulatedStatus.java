package dev.lambdadeploy.simulator;

import org.jspecify.annotations.Nullable;

/**
 * The state fields of a simulated function configuration (State, LastUpdateStatus and their reasons), as the
 * simulator models and serves them; not the engine's {@code FunctionStatus}, what a probe of a real or simulated function saw.
 */
record SimulatedStatus(
        String state,
        @Nullable String stateReasonCode,
        @Nullable String stateReason,
        @Nullable String lastUpdateStatus,
        @Nullable String lastUpdateStatusReasonCode,
        @Nullable String lastUpdateStatusReason) {

    // Live AWS answers use this code and reason for updates as well as for creation.
    private static final String CREATING = "Creating";
    private static final String BEING_CREATED = "The function is being created.";

    static SimulatedStatus creating() {
        return new SimulatedStatus("Pending", CREATING, BEING_CREATED, "InProgress", CREATING, BEING_CREATED);
    }

    static SimulatedStatus active() {
        return new SimulatedStatus("Active", null, null, "Successful", null, null);
    }

    static SimulatedStatus createFailed(Failure f) {
        return new SimulatedStatus("Failed", f.reasonCode(), f.reason(), "Failed", f.reasonCode(), f.reason());
    }

    SimulatedStatus updating() {
        return new SimulatedStatus(state, stateReasonCode, stateReason, "InProgress", CREATING, BEING_CREATED);
    }

    SimulatedStatus updateFailed(Failure f) {
        return new SimulatedStatus(state, stateReasonCode, stateReason, "Failed", f.reasonCode(), f.reason());
    }

    /** A forced State, with the reason AWS gives for it where there is one. */
    SimulatedStatus withState(String newState) {
        String code = switch (newState) {
            case "Inactive" -> "Idle";
            case "Failed" -> "InternalError";
            default -> null;
        };
        String reason = switch (newState) {
            case "Inactive" -> "The function is inactive because it has not been invoked for a long time.";
            case "Failed" -> "The function failed (state set by the simulator).";
            default -> null;
        };
        return new SimulatedStatus(
                newState, code, reason, lastUpdateStatus, lastUpdateStatusReasonCode, lastUpdateStatusReason);
    }

    static SimulatedStatus ofScriptedAnswer(StateSnapshot s) {
        boolean stateNeedsReason = !"Active".equals(s.state());
        boolean updateNeedsReason = s.lastUpdateStatus() != null && !"Successful".equals(s.lastUpdateStatus());
        return new SimulatedStatus(
                s.state(),
                stateNeedsReason ? s.reasonCode() : null,
                stateNeedsReason ? s.reason() : null,
                s.lastUpdateStatus(),
                updateNeedsReason ? s.reasonCode() : null,
                updateNeedsReason ? s.reason() : null);
    }
}
