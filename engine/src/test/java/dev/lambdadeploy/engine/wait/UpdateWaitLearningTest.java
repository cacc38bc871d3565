package dev.lambdadeploy.engine.wait;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdadeploy.engine.Statuses;
import dev.lambdadeploy.engine.WaitSettings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UpdateWaitLearningTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final WaitKey KEY = new WaitKey("eu-west-1", "orders-api");
    private final InMemoryWaitHistory history = new InMemoryWaitHistory();

    private static WaitSettings settings(WaitPolicyName policy) {
        return new WaitSettings(30, Duration.ofSeconds(2), policy, false);
    }

    private static WaitOutcome ready(int attempts, Duration waited) {
        return new WaitOutcome(WaitOutcome.Kind.READY, Statuses.of("Active", "Successful"), attempts, waited);
    }

    @Test
    void theHistoryPolicyRecordsTheMidpointAfterTheLastPollThatSawTheUpdateRunning() {
        UpdateWaitLearning learning = new UpdateWaitLearning(settings(WaitPolicyName.HISTORY), KEY, history);

        learning.finished(ready(3, Duration.ofMillis(1400)), Duration.ofMillis(1000), NOW);

        assertThat(history.recent(KEY, NOW)).containsExactly(Duration.ofMillis(1200));
        assertThat(learning.policy(NOW)).isInstanceOf(HistoryWaitPolicy.class);
    }

    @Test
    void nothingIsLearntFromAFirstPollThatWasReadyOrFromOtherPolicies() {
        new UpdateWaitLearning(settings(WaitPolicyName.HISTORY), KEY, history)
                .finished(ready(1, Duration.ZERO), Duration.ZERO, NOW);
        UpdateWaitLearning adaptive = new UpdateWaitLearning(settings(WaitPolicyName.ADAPTIVE), KEY, history);
        adaptive.finished(ready(3, Duration.ofSeconds(2)), Duration.ofSeconds(1), NOW);

        assertThat(history.recent(KEY, NOW)).isEmpty();
        assertThat(adaptive.policy(NOW))
                .isEqualTo(settings(WaitPolicyName.ADAPTIVE).toPolicy());
    }

    @Test
    void theListenerNotesPollsThatSawTheFunctionNotReadyAndPassesEveryPollOn() {
        java.util.List<Duration> notReady = new java.util.ArrayList<>();
        java.util.List<Integer> passedOn = new java.util.ArrayList<>();
        WaitListener listener = UpdateWaitLearning.notingNotReady(
                (seen, decision, attempt, maxAttempts, elapsed) -> passedOn.add(attempt), notReady::add);
        Observation running = new Observation.Seen(Statuses.of("Active", "InProgress"));

        listener.polled(running, new Decision.PollAgain(Duration.ofMillis(250)), 1, 45, Duration.ZERO);
        listener.polled(running, new Decision.PollAgain(Duration.ofMillis(250)), 2, 45, Duration.ofMillis(250));
        listener.polled(
                new Observation.Seen(Statuses.of("Active", "Successful")),
                new Decision.Ready(Statuses.of("Active", "Successful")),
                3,
                45,
                Duration.ofMillis(500));

        assertThat(notReady).containsExactly(Duration.ZERO, Duration.ofMillis(250));
        assertThat(passedOn).containsExactly(1, 2, 3);
    }
}
