package dev.lambdadeploy.engine.wait;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * When the last two polls of a wait were planned, in time since the wait began: the last one that saw the update
 * running and the one after it. What {@link UpdateWaitLearning#finished(WaitOutcome, PlannedPolls, java.time.Instant)}
 * learns from once that one saw it ready. Serializable, for a driver that persists its wait. Planned, not actual, times: a poll goes out a little after its planned time
 * (the sleep, the client, half the round trip) in every wait alike, so a duration recorded in planned time is what the
 * next wait must plan for; one recorded from the polls' actual times would count those delays twice.
 *
 * @param lastNotReady when the last poll that saw the update running was planned (zero: the first observation)
 * @param next when the poll after it is planned
 */
public record PlannedPolls(Duration lastNotReady, Duration next) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Before the first poll, which is planned at the wait's start. */
    public static final PlannedPolls START = new PlannedPolls(Duration.ZERO, Duration.ZERO);

    public PlannedPolls {
        Objects.requireNonNull(lastNotReady, "lastNotReady");
        Objects.requireNonNull(next, "next");
    }

    /** After a poll that ended {@code elapsed} into the wait and was decided {@code decision}. */
    public PlannedPolls after(Decision decision, Duration elapsed) {
        return decision instanceof Decision.PollAgain again
                ? new PlannedPolls(next, elapsed.plus(again.delay()))
                : this;
    }
}
