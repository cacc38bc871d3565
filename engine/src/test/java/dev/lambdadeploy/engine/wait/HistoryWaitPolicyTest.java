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
    void approachesTheDenseWindowOnAGridThenPollsOnAGridThroughTheTypicalEndThenBacksOff() {
        var policy = HistoryWaitPolicy.withinBudgetOf(30, TWO, List.of(Duration.ofSeconds(25)));
        // dense gap min(25 s / 8, 0.5 s) = 0.5 s, from 24.5 s; earliest 20 s: the grid 0.5 s apart ending on 24.5 s
        // starts there, reached in hops of at most 5 s
        assertThat(policy.denseFrom(policy.expected())).isEqualTo(Duration.ofMillis(24_500));
        assertThat(policy.delayAfter(1, Duration.ZERO)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.delayAfter(4, Duration.ofMillis(15_020))).isEqualTo(Duration.ofMillis(4980));
        assertThat(policy.delayAfter(2, Duration.ofMillis(21_500))).isEqualTo(Duration.ofMillis(500));
        // a poll that took 30 ms does not shift the grid, before the typical end or after it
        assertThat(policy.delayAfter(3, Duration.ofMillis(24_530))).isEqualTo(Duration.ofMillis(470));
        assertThat(policy.delayAfter(4, Duration.ofMillis(25_030))).isEqualTo(Duration.ofMillis(470));
        assertThat(policy.delayAfter(9, Duration.ofSeconds(29))).isEqualTo(Duration.ofMillis(500));
        // a round trip of more than half a gap skips a grid point: 25.3 s + 0.25 s is past 25.5 s, so 26 s
        assertThat(policy.delayAfter(4, Duration.ofMillis(25_300))).isEqualTo(Duration.ofMillis(700));
        // past 120 % of the longest the gap grows back to the adaptive schedule's
        assertThat(policy.delayAfter(20, Duration.ofSeconds(40))).isEqualTo(TWO);
    }

    @Test
    void aOneSecondHistoryPollsAnEighthBeforeTheTypicalEndThenEveryEighthOnAGridTheRoundTripDoesNotShift() {
        var policy = HistoryWaitPolicy.withinBudgetOf(30, TWO, List.of(Duration.ofSeconds(1)));
        assertThat(policy.denseGap(policy.expected())).isEqualTo(Duration.ofMillis(125));
        // the update's response is the first poll; the next is one gap before the typical end
        assertThat(policy.delayAfter(1, Duration.ZERO)).isEqualTo(Duration.ofMillis(875));
        // a 40 ms round trip: the polls go out at 0.875, 1, 1.125 s all the same
        assertThat(policy.delayAfter(2, Duration.ofMillis(915))).isEqualTo(Duration.ofMillis(85));
        assertThat(policy.delayAfter(3, Duration.ofMillis(1040))).isEqualTo(Duration.ofMillis(85));
        // a 70 ms round trip, more than half the gap: 1.125 s is skipped, the next poll is at 1.25 s
        assertThat(policy.delayAfter(3, Duration.ofMillis(1070))).isEqualTo(Duration.ofMillis(180));
    }

    @Test
    void theDenseGapIsAnEighthOfTheTypicalDurationAtMostHalfASecond() {
        var narrow = HistoryWaitPolicy.withinBudgetOf(30, TWO, List.of(Duration.ofSeconds(2), Duration.ofSeconds(2)));
        // typical 2 s: an eighth is 0.25 s, on the grid from 1.75 s
        assertThat(narrow.denseGap(narrow.expected())).isEqualTo(Duration.ofMillis(250));
        assertThat(narrow.delayAfter(5, Duration.ofMillis(2100))).isEqualTo(Duration.ofMillis(150));
        var longer = HistoryWaitPolicy.withinBudgetOf(30, TWO, List.of(Duration.ofSeconds(7), Duration.ofSeconds(8)));
        assertThat(longer.denseGap(longer.expected())).isEqualTo(HistoryWaitPolicy.MAX_GAP);
    }

    /**
     * A history that spreads wide (a 10 s and a 60 s update) is no expectation: polling its whole span every half
     * second would cost more than twice the adaptive wait's calls, so the wait is adaptive's, poll for poll.
     */
    @Test
    void aWidelySpreadHistoryWaitsAsAdaptiveDoes() {
        var spread = HistoryWaitPolicy.withinBudgetOf(30, TWO, List.of(Duration.ofSeconds(10), Duration.ofSeconds(60)));
        var adaptive = AdaptiveWaitPolicy.withinBudgetOf(30, TWO);
        assertThat(spread.pollsAtOnce()).isTrue();
        assertThat(spread.maxAttempts()).isEqualTo(adaptive.maxAttempts());
        for (int ms = 0; ms < 60_000; ms += 250) {
            assertThat(spread.delayAfter(2, Duration.ofMillis(ms)))
                    .isEqualTo(adaptive.delayAfter(2, Duration.ofMillis(ms)));
        }
    }

    @Test
    void onlyWithAHistoryDoesItTakeTheUpdatesResponseAsItsFirstPoll() {
        assertThat(HistoryWaitPolicy.withinBudgetOf(30, TWO, List.of()).pollsAtOnce())
                .isTrue();
        assertThat(HistoryWaitPolicy.withinBudgetOf(30, TWO, List.of(Duration.ofSeconds(3)))
                        .pollsAtOnce())
                .isFalse();
    }

    /**
     * Issue 13's bar for a first deploy, no worse than the default: with no history, driven as every driver does (the
     * response offered as the first poll through {@link UpdateWaitLearning#firstObservation}), the wait polls at the
     * adaptive wait's very instants, as many times, to the same outcome, whatever the update's duration and the
     * round trip.
     */
    @Property(tries = 300)
    void aFirstDeployPollsWhenTheDefaultDoesPollForPoll(
            @ForAll @IntRange(min = 0, max = 200_000) int updateMillis,
            @ForAll @IntRange(min = 1, max = 100) int attempts,
            @ForAll @IntRange(min = 1, max = 10) int pollSeconds,
            @ForAll @IntRange(min = 0, max = 300) int latencyMillis)
            throws InterruptedException {
        Duration interval = Duration.ofSeconds(pollSeconds);
        Duration update = Duration.ofMillis(updateMillis);
        Duration latency = Duration.ofMillis(latencyMillis);
        var history = HistoryWaitPolicy.withinBudgetOf(attempts, interval, List.of());
        var adaptive = AdaptiveWaitPolicy.withinBudgetOf(attempts, interval);
        var response = Statuses.of("Active", "InProgress");
        assertThat(history.maxAttempts()).as("the log's attempt n/N total").isEqualTo(adaptive.maxAttempts());
        assertThat(pollTimes(adaptive, UpdateWaitLearning.firstObservation(adaptive, response), update, latency))
                .isEqualTo(pollTimes(history, UpdateWaitLearning.firstObservation(history, response), update, latency));
    }

    /** When each poll of a wait went out, in ms since the wait began, and how the wait ended. */
    private static List<String> pollTimes(
            WaitPolicy policy, @org.jspecify.annotations.Nullable Observation first, Duration update, Duration latency)
            throws InterruptedException {
        var time = new dev.lambdadeploy.engine.FakeTime();
        var start = time.instant();
        List<String> polls = new java.util.ArrayList<>();
        ReadinessProbe probe = () -> {
            polls.add("poll at " + Duration.between(start, time.instant()).toMillis());
            time.advance(latency);
            boolean ready = Duration.between(start, time.instant()).compareTo(update) >= 0;
            return new Observation.Seen(
                    ready ? Statuses.of("Active", "Successful") : Statuses.of("Active", "InProgress"));
        };
        WaitOutcome outcome =
                new ReadinessWaiter(time, time).await(probe, policy, policy.budget(), WaitListener.NONE, first);
        polls.add(outcome.kind() + " after " + outcome.attempts() + " attempts");
        return polls;
    }

    @Test
    void theBudgetIsTheSpecsAndTheAttemptCountCoversEveryPollInIt() throws InterruptedException {
        for (Duration recorded : List.of(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(25))) {
            var policy = HistoryWaitPolicy.withinBudgetOf(30, TWO, List.of(recorded));
            assertThat(policy.budget()).isEqualTo(Duration.ofSeconds(60));
            // an update that never ends, polls that take no time: the wait spends the whole budget, and its last poll,
            // at the deadline, is the count's last
            var time = new dev.lambdadeploy.engine.FakeTime();
            var start = time.instant();
            WaitOutcome outcome = new ReadinessWaiter(time, time)
                    .await(
                            () -> new Observation.Seen(Statuses.of("Active", "InProgress")),
                            policy,
                            policy.budget(),
                            WaitListener.NONE,
                            null);
            assertThat(outcome.kind()).isEqualTo(WaitOutcome.Kind.TIMED_OUT);
            assertThat(Duration.between(start, time.instant()))
                    .as("waited, " + recorded)
                    .isEqualTo(policy.budget());
            assertThat(outcome.attempts()).as("polls, " + recorded).isEqualTo(policy.maxAttempts());
        }
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
            @ForAll @IntRange(min = 0, max = 300) int latencyMillis,
            @ForAll boolean responseFirst,
            @ForAll boolean narrow)
            throws InterruptedException {
        // a narrow history (within half as long again, as one function's updates are) sets a schedule; most random
        // lists spread wider and are adaptive's
        int floor = historyMillis.stream().mapToInt(Integer::intValue).min().orElse(0);
        List<Duration> history = historyMillis.stream()
                .map(ms -> narrow ? floor + ms % (floor / 2 + 1) : ms)
                .map(Duration::ofMillis)
                .toList();
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
        // the update's response, at the wait's start, says InProgress unless the update took no time
        Observation response = new Observation.Seen(
                update.isZero() ? Statuses.of("Active", "Successful") : Statuses.of("Active", "InProgress"));
        WaitOutcome outcome = new ReadinessWaiter(time, time)
                .await(probe, policy, policy.budget(), WaitListener.NONE, responseFirst ? response : null);
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
