package dev.lambdadeploy.simulator;

import java.time.Instant;

/**
 * A CloudWatch metric alarm as DescribeAlarms shows it at the simulator clock's instant: its StateValue (OK, ALARM or
 * INSUFFICIENT_DATA), StateReason, StateUpdatedTimestamp (last change of state or reason) and
 * StateTransitionedTimestamp (last change of state).
 */
public record AlarmView(
        String name, String state, String stateReason, Instant stateUpdatedAt, Instant stateTransitionedAt) {}
