package dev.lambdadeploy.engine.wait;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdadeploy.engine.FakeTime;
import dev.lambdadeploy.engine.Statuses;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResumableWaitTest {

    @Test
    void decidesExactlyAsTheBlockingWaiterDoes() throws InterruptedException {
        WaitPolicy policy = WaitPolicy.adaptive(30, Duration.ofSeconds(2));
        FakeTime time = new FakeTime();
        Instant readyAt = time.instant().plusSeconds(7);
        List<Decision> blocking = new ArrayList<>();
        new ReadinessWaiter(time, time).await(() -> seen(time.instant(), readyAt), policy,
                (seen, decision, attempt, max, elapsed) -> blocking.add(decision));

        List<Decision> resumable = new ArrayList<>();
        Instant now = Instant.parse("2026-11-27T00:00:00Z");
        Instant resumableReadyAt = now.plusSeconds(7);
        ResumableWait wait = ResumableWait.start(policy, now);
        while (true) {
            ResumableWait.Step step = wait.observe(policy, seen(now, resumableReadyAt), now);
            resumable.add(step.decision());
            if (!(step.decision() instanceof Decision.PollAgain again)) {
                break;
            }
            wait = step.next();
            now = now.plus(again.delay());
        }
        assertThat(resumable).isEqualTo(blocking);
    }

    @Test
    void survivesARestartThatTookLongerThanTheBudget() {
        WaitPolicy policy = WaitPolicy.fixed(30, Duration.ofSeconds(2));
        Instant start = Instant.parse("2026-11-27T00:00:00Z");
        ResumableWait persisted = new ResumableWait(start.plus(policy.budget()), 4);

        ResumableWait.Step afterRestart = persisted.observe(policy,
                new Observation.Seen(Statuses.of("Active", "InProgress")), start.plusSeconds(300));

        assertThat(afterRestart.decision()).isInstanceOf(Decision.TimedOut.class);
        assertThat(afterRestart.next().attempts()).isEqualTo(5);
    }

    @Test
    void keepsOnlyDeadlineAndAttempts() {
        WaitPolicy policy = WaitPolicy.fixed(30, Duration.ofSeconds(2));
        Instant start = Instant.parse("2026-11-27T00:00:00Z");
        ResumableWait wait = ResumableWait.start(policy, start);
        assertThat(wait).isEqualTo(new ResumableWait(start.plusSeconds(60), 0));
        assertThat(wait.started(policy)).isEqualTo(start);
        ResumableWait.Step step = wait.observe(policy, new Observation.Seen(Statuses.of("Pending", "InProgress")), start);
        assertThat(step.next()).isEqualTo(new ResumableWait(start.plusSeconds(60), 1));
        assertThat(step.decision()).isEqualTo(new Decision.PollAgain(Duration.ofSeconds(2)));
    }

    private static Observation seen(Instant now, Instant readyAt) {
        return new Observation.Seen(now.isBefore(readyAt) ? Statuses.of("Active", "InProgress") : Statuses.of("Active", "Successful"));
    }
}
