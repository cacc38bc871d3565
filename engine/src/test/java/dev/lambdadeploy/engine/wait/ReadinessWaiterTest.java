package dev.lambdadeploy.engine.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdadeploy.engine.FakeTime;
import dev.lambdadeploy.engine.FunctionStatus;
import dev.lambdadeploy.engine.RecordingLog;
import dev.lambdadeploy.engine.Statuses;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadinessWaiterTest {

    private final FakeTime time = new FakeTime();
    private final RecordingLog log = new RecordingLog();
    private final ReadinessWaiter waiter = new ReadinessWaiter(time, time);

    private static ReadinessProbe scripted(FunctionStatus... statuses) {
        Deque<FunctionStatus> queue = new ArrayDeque<>(List.of(statuses));
        return () -> new Observation.Seen(queue.size() > 1 ? queue.poll() : queue.peek());
    }

    @Test
    void reproducesTheSpecsDeploymentWithWaitLog() throws InterruptedException {
        var outcome = waiter.await(
                scripted(
                        Statuses.of("Pending", "InProgress"),
                        Statuses.of("Active", "InProgress"),
                        Statuses.of("Active", "Successful")),
                WaitPolicy.fixed(30, Duration.ofSeconds(2)),
                log.deployLog());

        assertThat(outcome.kind()).isEqualTo(WaitOutcome.Kind.READY);
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(outcome.waited()).isEqualTo(Duration.ofSeconds(4));
        assertThat(log.lines())
                .containsExactly(
                        "  Function State: Pending, Last Update Status: InProgress",
                        "  Waiting... (attempt 1/30)",
                        "  Function State: Active, Last Update Status: InProgress",
                        "  Waiting... (attempt 2/30)",
                        "  Function State: Active, Last Update Status: Successful");
    }

    @Test
    void timesOutAfterThirtyPollsWithinSixtySeconds() throws InterruptedException {
        var outcome = waiter.await(
                scripted(Statuses.of("Active", "InProgress")),
                WaitPolicy.fixed(30, Duration.ofSeconds(2)),
                log.deployLog());

        assertThat(outcome.kind()).isEqualTo(WaitOutcome.Kind.TIMED_OUT);
        assertThat(outcome.attempts()).isEqualTo(30);
        assertThat(outcome.lastSeen()).isEqualTo(Statuses.of("Active", "InProgress"));
        assertThat(time.slept()).isEqualTo(Duration.ofSeconds(58));
        assertThat(log.lines())
                .endsWith("  Waiting... (attempt 29/30)", "  Function State: Active, Last Update Status: InProgress");
    }

    @Test
    void adaptiveSeesAOneSecondUpdateWithinAQuarterSecond() throws InterruptedException {
        var start = time.instant();
        ReadinessProbe probe = () -> new Observation.Seen(
                Duration.between(start, time.instant()).compareTo(Duration.ofSeconds(1)) >= 0
                        ? Statuses.of("Active", "Successful")
                        : Statuses.of("Active", "InProgress"));

        var outcome = waiter.await(probe, WaitPolicy.adaptive(30, Duration.ofSeconds(2)), WaitListener.NONE);

        assertThat(outcome.isReady()).isTrue();
        assertThat(outcome.waited()).isBetween(Duration.ofSeconds(1), Duration.ofMillis(1250));
    }

    @Test
    void failedEndsTheWaitAtOnce() throws InterruptedException {
        var outcome = waiter.await(
                scripted(
                        Statuses.of("Active", "InProgress"),
                        Statuses.failedUpdate("InvalidZipFileException", "bad zip")),
                WaitPolicy.fixed(30, Duration.ofSeconds(2)),
                WaitListener.NONE);
        assertThat(outcome.kind()).isEqualTo(WaitOutcome.Kind.FAILED);
        assertThat(outcome.attempts()).isEqualTo(2);
    }

    @Test
    void anInterruptEndsTheWaitWithoutAnotherPoll() {
        int[] polls = {0};
        ReadinessProbe probe = () -> {
            polls[0]++;
            Thread.currentThread().interrupt();
            return new Observation.Seen(Statuses.of("Active", "InProgress"));
        };
        assertThatThrownBy(() -> waiter.await(probe, WaitPolicy.fixed(30, Duration.ofSeconds(2)), WaitListener.NONE))
                .isInstanceOf(InterruptedException.class);
        assertThat(polls[0]).isEqualTo(1);
        Thread.interrupted();
    }
}
