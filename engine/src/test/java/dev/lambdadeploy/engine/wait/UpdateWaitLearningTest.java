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
}
