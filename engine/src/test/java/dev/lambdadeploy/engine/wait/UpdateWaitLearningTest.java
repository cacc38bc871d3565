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

        learning.finished(
                ready(3, Duration.ofMillis(1060)),
                new PlannedPolls(Duration.ofMillis(1000), Duration.ofMillis(1060)),
                NOW);

        assertThat(history.recent(KEY, NOW)).containsExactly(Duration.ofMillis(1030));
        assertThat(learning.policy(NOW)).isInstanceOf(HistoryWaitPolicy.class);
    }

    @Test
    void aWideBracketIsRecordedNearThePollThatSawTheUpdateReady() {
        // polls 0.5 s apart before a history's window: the midpoint, 0.75 s, would make the next wait poll densely too
        // early
        assertThat(UpdateWaitLearning.estimatedEnd(Duration.ofMillis(500), Duration.ofMillis(1000)))
                .isEqualTo(Duration.ofMillis(950));
        // a twentieth of the time: 1 s back from 40 s would be more than the densest gap's cap of 0.5 s
        assertThat(UpdateWaitLearning.estimatedEnd(Duration.ofSeconds(30), Duration.ofSeconds(40)))
                .isEqualTo(Duration.ofMillis(39_500));
        assertThat(UpdateWaitLearning.estimatedEnd(Duration.ofMillis(4000), Duration.ofMillis(4200)))
                .isEqualTo(Duration.ofMillis(4100));
    }

    @Test
    void withoutAHistoryTheScheduleIsAdaptiveAndARecordedDurationSetsIt() {
        UpdateWaitLearning learning = new UpdateWaitLearning(settings(WaitPolicyName.HISTORY), KEY, history);

        assertThat(((HistoryWaitPolicy) learning.policy(NOW)).expected()).isNull();

        learning.finished(
                ready(4, Duration.ofMillis(12_100)),
                new PlannedPolls(Duration.ofMillis(12_000), Duration.ofMillis(12_100)),
                NOW);
        assertThat(((HistoryWaitPolicy) learning.policy(NOW)).expected())
                .isEqualTo(ExpectedEnd.fromHistory(java.util.List.of(Duration.ofMillis(12_050))));
    }

    @Test
    void aWaitKeepsTheDurationsRecordedWhenItBegan() {
        UpdateWaitLearning learning = new UpdateWaitLearning(settings(WaitPolicyName.HISTORY), KEY, history);
        java.util.List<Duration> atStart = learning.recorded(NOW);
        assertThat(atStart).isEmpty();

        // another build records a duration mid-wait: the wait under way keeps its schedule
        history.record(KEY, Duration.ofSeconds(3), NOW);
        assertThat(learning.policy(atStart)).isEqualTo(learning.policy(java.util.List.of()));
        assertThat(((HistoryWaitPolicy) learning.policy(atStart)).pollsAtOnce()).isTrue();
        assertThat(learning.recorded(NOW)).containsExactly(Duration.ofSeconds(3));
        assertThat(learning.policy(NOW)).isEqualTo(learning.policy(learning.recorded(NOW)));

        UpdateWaitLearning adaptive = new UpdateWaitLearning(settings(WaitPolicyName.ADAPTIVE), KEY, history);
        assertThat(adaptive.recorded(NOW)).isEmpty();
    }

    @Test
    void onlyAHistoryScheduleTakesTheUpdatesResponseAsItsFirstObservation() {
        var accepted = Statuses.of("Active", "InProgress");
        UpdateWaitLearning learning = new UpdateWaitLearning(settings(WaitPolicyName.HISTORY), KEY, history);
        // no history yet: the adaptive wait, GetFunction at once included
        assertThat(UpdateWaitLearning.firstObservation(learning.policy(NOW), accepted))
                .isNull();

        history.record(KEY, Duration.ofSeconds(3), NOW);
        assertThat(UpdateWaitLearning.firstObservation(learning.policy(NOW), accepted))
                .isEqualTo(new Observation.Seen(accepted));
        assertThat(UpdateWaitLearning.firstObservation(learning.policy(NOW), null))
                .isNull();
        for (WaitPolicyName other : java.util.List.of(WaitPolicyName.ADAPTIVE, WaitPolicyName.FIXED)) {
            UpdateWaitLearning notLearning = new UpdateWaitLearning(settings(other), KEY, history);
            assertThat(UpdateWaitLearning.firstObservation(notLearning.policy(NOW), accepted))
                    .isNull();
        }
    }

    @Test
    void nothingIsLearntFromAFirstPollThatWasReadyOrFromOtherPolicies() {
        new UpdateWaitLearning(settings(WaitPolicyName.HISTORY), KEY, history)
                .finished(ready(1, Duration.ZERO), PlannedPolls.START, NOW);
        UpdateWaitLearning adaptive = new UpdateWaitLearning(settings(WaitPolicyName.ADAPTIVE), KEY, history);
        adaptive.finished(
                ready(3, Duration.ofSeconds(2)), new PlannedPolls(Duration.ofSeconds(1), Duration.ofSeconds(2)), NOW);

        assertThat(history.recent(KEY, NOW)).isEmpty();
        assertThat(adaptive.policy(NOW))
                .isEqualTo(settings(WaitPolicyName.ADAPTIVE).toPolicy());
    }

    @Test
    void theListenerNotesWhenTheLastNotReadyPollAndTheNextWerePlannedAndPassesEveryPollOn() {
        java.util.concurrent.atomic.AtomicReference<PlannedPolls> plan =
                new java.util.concurrent.atomic.AtomicReference<>(PlannedPolls.START);
        java.util.List<Integer> passedOn = new java.util.ArrayList<>();
        WaitListener listener = UpdateWaitLearning.notingPlannedPolls(
                (seen, decision, attempt, maxAttempts, elapsed) -> passedOn.add(attempt), plan);
        Observation running = new Observation.Seen(Statuses.of("Active", "InProgress"));

        listener.polled(running, new Decision.PollAgain(Duration.ofMillis(250)), 1, 45, Duration.ZERO);
        listener.polled(running, new Decision.PollAgain(Duration.ofMillis(250)), 2, 45, Duration.ofMillis(260));
        listener.polled(
                new Observation.Seen(Statuses.of("Active", "Successful")),
                new Decision.Ready(Statuses.of("Active", "Successful")),
                3,
                45,
                Duration.ofMillis(530));

        assertThat(plan.get()).isEqualTo(new PlannedPolls(Duration.ofMillis(250), Duration.ofMillis(510)));
        assertThat(passedOn).containsExactly(1, 2, 3);
    }
}
