package dev.lambdadeploy.simulator;

import org.jspecify.annotations.Nullable;

/** The state fields of a function configuration. */
record FunctionStatus(
    String state,
    @Nullable String stateReasonCode,
    @Nullable String stateReason,
    @Nullable String lastUpdateStatus,
    @Nullable String lastUpdateStatusReasonCode,
    @Nullable String lastUpdateStatusReason) {

  // Live AWS answers use this code and reason for updates as well as for creation.
  private static final String CREATING = "Creating";
  private static final String BEING_CREATED = "The function is being created.";

  static FunctionStatus creating() {
    return new FunctionStatus("Pending", CREATING, BEING_CREATED, "InProgress", CREATING, BEING_CREATED);
  }

  static FunctionStatus active() {
    return new FunctionStatus("Active", null, null, "Successful", null, null);
  }

  static FunctionStatus createFailed(Failure f) {
    return new FunctionStatus("Failed", f.reasonCode(), f.reason(), "Failed", f.reasonCode(), f.reason());
  }

  FunctionStatus updating() {
    return new FunctionStatus(state, stateReasonCode, stateReason, "InProgress", CREATING, BEING_CREATED);
  }

  FunctionStatus updateFailed(Failure f) {
    return new FunctionStatus(state, stateReasonCode, stateReason, "Failed", f.reasonCode(), f.reason());
  }

  /** A forced State, with the reason AWS gives for it where there is one. */
  FunctionStatus withState(String newState) {
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
    return new FunctionStatus(
        newState, code, reason, lastUpdateStatus, lastUpdateStatusReasonCode, lastUpdateStatusReason);
  }

  static FunctionStatus scripted(StateSnapshot s) {
    boolean stateNeedsReason = !"Active".equals(s.state());
    boolean updateNeedsReason = s.lastUpdateStatus() != null && !"Successful".equals(s.lastUpdateStatus());
    return new FunctionStatus(
        s.state(),
        stateNeedsReason ? s.reasonCode() : null,
        stateNeedsReason ? s.reason() : null,
        s.lastUpdateStatus(),
        updateNeedsReason ? s.reasonCode() : null,
        updateNeedsReason ? s.reason() : null);
  }
}
