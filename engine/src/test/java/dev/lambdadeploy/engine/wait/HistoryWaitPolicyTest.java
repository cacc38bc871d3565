package dev.lambdadeploy.engine.wait;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdadeploy.engine.Statuses;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class HistoryWaitPolicyTest {

    private static final Duration TWO = Duration.ofSeconds(2);

    @Test
    void withoutHistoryItIsTheAdaptiveSchedule() {
        var history = HistoryWaitPolicy.withinBudgetOf(30, TWO, List.of());
        var adaptive = AdaptiveWaitPolicy.withinBudgetOf(30, TWO);
        assertThat(history.budget()).isEqualTo(adaptive.budget());
        for (int s = 0; s < 60; s++) {
            assertThat(history.delayAfter(1, Duration.ofSeconds(s)))
                    .isEqualTo(adaptive.delayAfter(1, Duration.ofSeconds(s)));
        }
    }

    @Test
    void pollsSparselyBeforeTheWindowAndDenselyInIt() {
        var policy = HistoryWaitPolicy.withinBudgetOf(30, TWO, List.of(Duration.ofSeconds(25)));
        // window 21.25 s .. 30 s; hops of at most 5 s before it
        assertThat(policy.delayAfter(1, Duration.ZERO)).isEqualTo(Duration.ofMillis(4250));
        assertThat(policy.delayAfter(2, Duration.ofMillis(21_250))).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.delayAfter(3, Duration.ofSeconds(29))).isEqualTo(Duration.ofMillis(500));
        // past the window the gap grows back to the adaptive schedule's
        assertThat(policy.delayAfter(9, Duration.ofSeconds(40))).isEqualTo(TWO);
    }

    @Test
    void aOneSecondHistoryPollsATenthOfASecondApart() {
        var policy = HistoryWaitPolicy.withinBudgetOf(30, TWO, List.of(Duration.ofSeconds(1)));
        assertThat(policy.delayAfter(1, Duration.ZERO)).isEqualTo(Duration.ofMillis(850));
        assertThat(policy.delayAfter(2, Duration.ofMillis(850))).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void theBudgetIsTheSpecsAndTheAttemptCountCoversEveryPollInIt() {
        var policy = HistoryWaitPolicy.withinBudgetOf(30, TWO, List.of(Duration.ofMillis(100)));
        assertThat(policy.budget()).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.maxAttempts())
                .isGreaterThanOrEqualTo(
                        AdaptiveWaitPolicy.withinBudgetOf(30, TWO).maxAttempts());
    }

    /**
     * Any history, any true update duration: driven through {@link ReadinessWaiter} on a fake clock, the wait is ready
     * at the first poll after the update ends (never a wrong outcome), never runs past its budget, and an update longer
     * than the budget times out rather than running over.
     */
    @Property(tries = 300)
    void neverPastTheDeadlineNeverAWrongOutcome(
            @ForAll @Size(max = 10) List<@IntRange(min = 0, max = 400_000) Integer> historyMillis,
            @ForAll @IntRange(min = 0, max = 400_000) int updateMillis,
            @ForAll @IntRange(min = 1, max = 200) int attempts,
            @ForAll @IntRange(min = 1, max = 30) int pollSeconds,
            @ForAll @IntRange(min = 0, max = 300) int latencyMillis)
            throws InterruptedException {
        List<Duration> history = historyMillis.stream().map(Duration::ofMillis).toList();
        Duration interval = Duration.ofSeconds(pollSeconds);
        var policy = HistoryWaitPolicy.withinBudgetOf(attempts, interval, history);
        var time = new dev.lambdadeploy.engine.FakeTime();
        var start = time.instant();
        Duration update = Duration.ofMillis(updateMillis);
        Duration latency = Duration.ofMillis(latencyMillis);
        ReadinessProbe probe = () -> {
            time.advance(latency);
            boolean ready = Duration.between(start, time.instant()).compareTo(update) >= 0;
            return new Observation.Seen(
                    ready ? Statuses.of("Active", "Successful") : Statuses.of("Active", "InProgress"));
        };
        WaitOutcome outcome = new ReadinessWaiter(time, time).await(probe, policy, WaitListener.NONE);
        Duration waited = Duration.between(start, time.instant());
        Duration budget = interval.multipliedBy(attempts);
        assertThat(policy.budget()).isEqualTo(budget);
        // the last poll may start at the deadline and take one round trip
        assertThat(waited).isLessThanOrEqualTo(budget.plus(latency));
        if (outcome.isReady()) {
            assertThat(waited).isGreaterThanOrEqualTo(update);
        } else {
            assertThat(outcome.kind()).isEqualTo(WaitOutcome.Kind.TIMED_OUT);
            // timed out only because the budget was spent, never because the attempts ran out early
            assertThat(waited.plus(latency).plus(HistoryWaitPolicy.MIN_GAP)).isGreaterThanOrEqualTo(budget);
            assertThat(update).isGreaterThan(waited.minus(latency));
        }
    }
}
