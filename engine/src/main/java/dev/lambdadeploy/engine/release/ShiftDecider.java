package dev.lambdadeploy.engine.release;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The heart of a gradual shift, pure: from where the shift stands, what the alarms showed and the time, what comes
 * next. Alarms are read before every move: one in ALARM rolls the shift back at once; no step advances on alarms that
 * could not be read, and a shift blind for longer than {@link #BLIND_LIMIT} past a due step rolls back rather than go
 * on unwatched. A step held up that way starts its hold late, so a shift takes at most the plan's duration plus, for
 * each step and the completion, the blind limit and one alarm poll.
 */
public final class ShiftDecider {

    /** How long a due step may wait for readable alarms before the shift gives up and rolls back. */
    public static final Duration BLIND_LIMIT = Duration.ofMinutes(5);

    private final ShiftPlan plan;
    private final Duration alarmPollInterval;

    /**
     * @param alarmPollInterval how often the alarms are read while a weight holds (CloudWatch's DescribeAlarms quota is
     *     shared by the account: every 30 s, say, rather than every second)
     */
    public ShiftDecider(ShiftPlan plan, Duration alarmPollInterval) {
        this.plan = Objects.requireNonNull(plan, "plan");
        if (alarmPollInterval.isNegative() || alarmPollInterval.isZero()) {
            throw new IllegalArgumentException("alarmPollInterval must be positive: " + alarmPollInterval);
        }
        this.alarmPollInterval = alarmPollInterval;
    }

    public ShiftDecision decide(ShiftState state, AlarmsSeen alarms, Instant now) {
        if (alarms instanceof AlarmsSeen.Read read && !read.firing().isEmpty()) {
            AlarmsSeen.Firing first = read.firing().get(0);
            return new ShiftDecision.RollBack("alarm " + first.name() + " is in ALARM", first.name(), first.since());
        }
        Instant due = state.nextStepAt();
        if (now.isBefore(due)) {
            return new ShiftDecision.Hold(shorter(alarmPollInterval, Duration.between(now, due)), state);
        }
        if (alarms instanceof AlarmsSeen.Unreadable unreadable) {
            if (Duration.between(due, now).compareTo(BLIND_LIMIT) > 0) {
                return new ShiftDecision.RollBack(
                        "the alarms could not be read for " + BLIND_LIMIT.toMinutes() + " minutes ("
                                + unreadable.reason() + ")",
                        null,
                        due);
            }
            return new ShiftDecision.Hold(alarmPollInterval, state);
        }
        int next = state.step() + 1;
        if (next >= plan.steps().size()) {
            return new ShiftDecision.Complete();
        }
        ShiftPlan.Step step = plan.steps().get(next);
        return new ShiftDecision.Route(step.weight(), state.atStep(next, now.plus(step.hold())));
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
