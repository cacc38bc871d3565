package dev.lambdadeploy.engine.wait;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdadeploy.engine.Statuses;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PlannedPollsTest {

    private static final Decision READY = new Decision.Ready(Statuses.of("Active", "Successful"));

    @Test
    void keepsThePlannedTimesOfTheLastRunningPollAndTheOneAfterIt() {
        PlannedPolls plan = PlannedPolls.START
                // the response at 0 s: next poll planned at 0.5 s
                .after(new Decision.PollAgain(Duration.ofMillis(500)), Duration.ZERO)
                // that poll went out late and ended at 0.56 s: the next is planned at 1 s
                .after(new Decision.PollAgain(Duration.ofMillis(440)), Duration.ofMillis(560))
                .after(READY, Duration.ofMillis(1060));

        assertThat(plan).isEqualTo(new PlannedPolls(Duration.ofMillis(500), Duration.ofMillis(1000)));
    }

    @Test
    void theEngineRecordsInPlannedTimeSoThePollsDelaysAreNotCountedTwice() {
        InMemoryWaitHistory history = new InMemoryWaitHistory();
        WaitKey key = new WaitKey("eu-west-1", "f");
        UpdateWaitLearning learning = new UpdateWaitLearning(
                new dev.lambdadeploy.engine.WaitSettings(30, Duration.ofSeconds(2), WaitPolicyName.HISTORY, false),
                key,
                history);
        AtomicReference<PlannedPolls> plan = new AtomicReference<>(PlannedPolls.START);
        WaitListener listener = UpdateWaitLearning.notingPlannedPolls(WaitListener.NONE, plan);
        Observation running = new Observation.Seen(Statuses.of("Active", "InProgress"));
        listener.polled(running, new Decision.PollAgain(Duration.ofMillis(1000)), 1, 45, Duration.ZERO);
        listener.polled(running, new Decision.PollAgain(Duration.ofMillis(50)), 2, 45, Duration.ofMillis(1040));
        listener.polled(running, READY, 3, 45, Duration.ofMillis(1130));

        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        learning.finished(
                new WaitOutcome(
                        WaitOutcome.Kind.READY, Statuses.of("Active", "Successful"), 3, Duration.ofMillis(1130)),
                plan.get(),
                now);

        // planned 1 s (running) and 1.09 s (ready): the midpoint, not the 1.085 s of the actual times
        assertThat(history.recent(key, now)).containsExactly(Duration.ofMillis(1045));
    }
}
