package dev.lambdadeploy.engine.wait;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdadeploy.engine.FakeTime;
import dev.lambdadeploy.engine.RecordingLog;
import dev.lambdadeploy.engine.Statuses;
import dev.lambdadeploy.engine.aws.AwsErrorInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PollStepTest {

    private static final Instant START = Instant.parse("2026-11-27T00:00:00Z");
    private static final WaitPolicy FIXED = WaitPolicy.fixed(30, Duration.ofSeconds(2));

    @Test
    void aTimerDrivenWaitDecidesAndTellsExactlyAsTheBlockingWaiterDoes() throws InterruptedException {
        WaitPolicy policy = WaitPolicy.adaptive(30, Duration.ofSeconds(2));
        FakeTime time = new FakeTime();
        Instant readyAt = time.instant().plusSeconds(7);
        RecordingLog blockingLog = new RecordingLog();
        WaitOutcome blocking = new ReadinessWaiter(time, time)
                .await(() -> seen(time.instant(), readyAt), policy, blockingLog.deployLog());

        // a timer-driven driver: no sleeper, the state handed from one tick to the next
        RecordingLog timerLog = new RecordingLog();
        PollStep step = new PollStep(policy, timerLog.deployLog());
        Instant now = time.instant().minus(time.slept());
        ResumableWait state = step.start(now);
        WaitProgress progress;
        while ((progress = step.after(state, seen(now, readyAt), now)) instanceof WaitProgress.Continue again) {
            state = again.next();
            now = now.plus(again.delay());
        }

        assertThat(progress).isEqualTo(new WaitProgress.Finished(blocking));
        assertThat(timerLog.lines()).isEqualTo(blockingLog.lines());
    }

    @Test
    void continuesWithTheNextStateAndTheDelay() {
        PollStep step = new PollStep(FIXED, WaitListener.NONE);
        ResumableWait state = step.start(START);

        WaitProgress progress = step.after(state, new Observation.Seen(Statuses.of("Pending", "InProgress")), START);

        assertThat(state).isEqualTo(new ResumableWait(START.plusSeconds(60), 0));
        assertThat(progress)
                .isEqualTo(new WaitProgress.Continue(
                        new ResumableWait(START.plusSeconds(60), 1, Statuses.of("Pending", "InProgress")),
                        Duration.ofSeconds(2)));
    }

    @Test
    void aWaitWhoseLastPollsWentUnansweredTimesOutWithTheLastStatusSeenBefore() {
        PollStep step = new PollStep(FIXED, WaitListener.NONE);
        ResumableWait state = new ResumableWait(START.plusSeconds(60), 29, Statuses.of("Active", "InProgress"));

        WaitProgress progress = step.after(state, new Observation.Unavailable(error()), START.plusSeconds(58));

        assertThat(progress)
                .isEqualTo(new WaitProgress.Finished(new WaitOutcome(
                        WaitOutcome.Kind.TIMED_OUT,
                        Statuses.of("Active", "InProgress"),
                        30,
                        Duration.ofSeconds(58),
                        error())));
    }

    @Test
    void aWaitThatNeverSawTheFunctionIsUnobservedNotTimedOut() {
        PollStep step = new PollStep(FIXED, WaitListener.NONE);
        ResumableWait state = new ResumableWait(START.plusSeconds(60), 29);

        WaitProgress progress = step.after(state, new Observation.Unavailable(error()), START.plusSeconds(58));

        assertThat(progress)
                .isInstanceOfSatisfying(
                        WaitProgress.Finished.class,
                        finished -> assertThat(finished.outcome().kind()).isEqualTo(WaitOutcome.Kind.UNOBSERVED));
    }

    @Test
    void survivesARestartThatTookLongerThanTheBudget() {
        ResumableWait persisted = new ResumableWait(START.plus(FIXED.budget()), 4);
        List<Decision> told = new ArrayList<>();
        PollStep step = new PollStep(FIXED, (seen, decision, attempt, max, elapsed) -> told.add(decision));

        WaitProgress afterRestart = step.after(
                persisted, new Observation.Seen(Statuses.of("Active", "InProgress")), START.plusSeconds(300));

        assertThat(afterRestart)
                .isEqualTo(new WaitProgress.Finished(new WaitOutcome(
                        WaitOutcome.Kind.TIMED_OUT, Statuses.of("Active", "InProgress"), 5, Duration.ofSeconds(300))));
        assertThat(told).containsExactly(new Decision.TimedOut(Statuses.of("Active", "InProgress")));
    }

    @Test
    void aShorterBudgetBringsTheDeadlineForwardAndCutsTheLastDelay() {
        PollStep step = new PollStep(new ReadinessDecider(FIXED, Duration.ofSeconds(9)), WaitListener.NONE);
        ResumableWait state = step.start(START);
        assertThat(state.deadline()).isEqualTo(START.plusSeconds(9));

        // the fixed policy's fifth poll would be due at 10 s, after the deadline
        WaitProgress progress = step.after(
                new ResumableWait(state.deadline(), 4),
                new Observation.Seen(Statuses.of("Active", "InProgress")),
                START.plusSeconds(8));

        assertThat(progress)
                .isEqualTo(new WaitProgress.Continue(
                        new ResumableWait(START.plusSeconds(9), 5, Statuses.of("Active", "InProgress")),
                        Duration.ofSeconds(1)));
    }

    @Test
    void timeLeftIsWhatRemainsOfTheDeadlineAndAPollAlwaysGetsAtLeastASecond() {
        ResumableWait state = new ResumableWait(START.plusSeconds(60), 3);

        assertThat(state.timeLeft(START.plusSeconds(15))).isEqualTo(Duration.ofSeconds(45));
        assertThat(state.pollTimeout(START.plusSeconds(15))).isEqualTo(Duration.ofSeconds(45));
        assertThat(state.timeLeft(START.plusMillis(59_800))).isEqualTo(Duration.ofMillis(200));
        assertThat(state.pollTimeout(START.plusMillis(59_800))).isEqualTo(ReadinessWaiter.MIN_CALL_TIMEOUT);
        assertThat(state.timeLeft(START.plusSeconds(90))).isEqualTo(Duration.ZERO);
        assertThat(state.pollTimeout(START.plusSeconds(90))).isEqualTo(ReadinessWaiter.MIN_CALL_TIMEOUT);
    }

    @Property
    void everyPollIsToldOnceAndNeverPastTheDeadline(
            @ForAll @IntRange(min = 0, max = 40) int readyAfterPolls,
            @ForAll @IntRange(min = 1, max = 40) int attempts) {
        WaitPolicy policy = WaitPolicy.adaptive(attempts, Duration.ofSeconds(2));
        int[] told = {0};
        PollStep step = new PollStep(policy, (seen, decision, attempt, max, elapsed) -> told[0]++);
        Instant now = START;
        ResumableWait state = step.start(now);
        int polls = 0;
        WaitProgress progress;
        while ((progress = step.after(
                        state,
                        new Observation.Seen(
                                polls++ < readyAfterPolls
                                        ? Statuses.of("Active", "InProgress")
                                        : Statuses.of("Active", "Successful")),
                        now))
                instanceof WaitProgress.Continue again) {
            assertThat(again.delay())
                    .isPositive()
                    .isLessThanOrEqualTo(again.next().timeLeft(now));
            state = again.next();
            now = now.plus(again.delay());
        }
        WaitOutcome outcome = ((WaitProgress.Finished) progress).outcome();
        assertThat(outcome.attempts()).isEqualTo(polls).isEqualTo(told[0]);
        assertThat(now).isBeforeOrEqualTo(state.deadline());
        assertThat(outcome.kind()).isIn(WaitOutcome.Kind.READY, WaitOutcome.Kind.TIMED_OUT);
    }

    private static AwsErrorInfo error() {
        return new AwsErrorInfo("GetFunction", "my-fn", "ServiceException", 503, "req-5", "try later");
    }

    private static Observation seen(Instant now, Instant readyAt) {
        return new Observation.Seen(
                now.isBefore(readyAt) ? Statuses.of("Active", "InProgress") : Statuses.of("Active", "Successful"));
    }
}
