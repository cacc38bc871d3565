package dev.lambdadeploy.engine.wait;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdadeploy.engine.Statuses;
import dev.lambdadeploy.engine.aws.AwsErrorInfo;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReadinessDeciderTest {

    private final ReadinessDecider spec = new ReadinessDecider(WaitPolicy.fixed(30, Duration.ofSeconds(2)));
    private final AwsErrorInfo throttle =
            new AwsErrorInfo("GetFunction", "my-fn", "TooManyRequestsException", 429, "r", "Rate exceeded");

    @Test
    void activeAndSuccessfulIsReady() {
        var decision = spec.decide(new Observation.Seen(Statuses.of("Active", "Successful")), 1, Duration.ZERO);
        assertThat(decision).isInstanceOf(Decision.Ready.class);
    }

    @Test
    void pendingOrInProgressPollsAgainAfterTheInterval() {
        assertThat(spec.decide(new Observation.Seen(Statuses.of("Pending", "InProgress")), 1, Duration.ZERO))
                .isEqualTo(new Decision.PollAgain(Duration.ofSeconds(2)));
        assertThat(spec.decide(new Observation.Seen(Statuses.of("Active", "InProgress")), 2, Duration.ofSeconds(2)))
                .isEqualTo(new Decision.PollAgain(Duration.ofSeconds(2)));
    }

    @Test
    void nullLastUpdateStatusIsNotReady() {
        assertThat(spec.decide(new Observation.Seen(Statuses.of("Active", null)), 1, Duration.ZERO))
                .isInstanceOf(Decision.PollAgain.class);
    }

    @Test
    void inactiveIsNotReadyYet() {
        assertThat(spec.decide(new Observation.Seen(Statuses.of("Inactive", "Successful")), 1, Duration.ZERO))
                .isInstanceOf(Decision.PollAgain.class);
    }

    @Test
    void failedStateOrFailedUpdateFailsAtOnce() {
        assertThat(spec.decide(new Observation.Seen(Statuses.of("Failed", "Successful")), 1, Duration.ZERO))
                .isInstanceOf(Decision.Failed.class);
        var failedUpdate = Statuses.failedUpdate("InvalidZipFileException", "bad zip");
        assertThat(spec.decide(new Observation.Seen(failedUpdate), 1, Duration.ZERO))
                .isEqualTo(new Decision.Failed(failedUpdate));
    }

    @Test
    void failureWinsEvenOnTheLastAttempt() {
        assertThat(spec.decide(new Observation.Seen(Statuses.of("Failed", "Failed")), 30, Duration.ofSeconds(58)))
                .isInstanceOf(Decision.Failed.class);
    }

    @Test
    void pollsWhileTheAgentIsAwayDoNotCatchUpOnMissedPollTimes() {
        var offline = new Observation.Unavailable(
                dev.lambdadeploy.engine.aws.CallSite.agentOffline("GetFunction", "f", "aws-1"));
        // poll 3 at 20 s: the fixed schedule is behind (slot 3 was at 6 s), yet the next poll waits a second
        assertThat(spec.decide(offline, 3, Duration.ofSeconds(20)))
                .isEqualTo(new Decision.PollAgain(ReadinessDecider.MIN_THROTTLE_DELAY));
        var lambdaDown =
                new Observation.Unavailable(new AwsErrorInfo("GetFunction", "f", "ServiceException", 503, null, null));
        assertThat(spec.decide(lambdaDown, 3, Duration.ofSeconds(20))).isEqualTo(new Decision.PollAgain(Duration.ZERO));
    }

    @Test
    void theThirtiethNotReadyPollTimesOut() {
        var last = Statuses.of("Active", "InProgress");
        assertThat(spec.decide(new Observation.Seen(last), 29, Duration.ofSeconds(56)))
                .isInstanceOf(Decision.PollAgain.class);
        assertThat(spec.decide(new Observation.Seen(last), 30, Duration.ofSeconds(58)))
                .isEqualTo(new Decision.TimedOut(last));
    }

    @Test
    void theBudgetBoundsTimeWhateverTheAttemptCount() {
        assertThat(spec.decide(new Observation.Seen(Statuses.of("Active", "InProgress")), 3, Duration.ofSeconds(60)))
                .isInstanceOf(Decision.TimedOut.class);
        var adaptive = new ReadinessDecider(WaitPolicy.adaptive(30, Duration.ofSeconds(2)));
        assertThat(adaptive.decide(
                        new Observation.Seen(Statuses.of("Active", "InProgress")), 3, Duration.ofMillis(59_500)))
                .isEqualTo(new Decision.PollAgain(Duration.ofMillis(500)));
    }

    @Test
    void throttlingWaitsAtLeastWhatLambdaAskedAndAtLeastOneSecond() {
        var adaptive = new ReadinessDecider(WaitPolicy.adaptive(30, Duration.ofSeconds(2)));
        assertThat(adaptive.decide(new Observation.Throttled(Duration.ZERO, throttle), 1, Duration.ZERO))
                .isEqualTo(new Decision.PollAgain(Duration.ofSeconds(1)));
        assertThat(adaptive.decide(new Observation.Throttled(Duration.ofSeconds(3), throttle), 1, Duration.ZERO))
                .isEqualTo(new Decision.PollAgain(Duration.ofSeconds(3)));
    }

    @Test
    void aThrottledLastPollTimesOutWithoutAStatusButWithItsError() {
        assertThat(spec.decide(new Observation.Throttled(Duration.ZERO, throttle), 30, Duration.ofSeconds(58)))
                .isEqualTo(new Decision.TimedOut(null, throttle));
    }

    @Test
    void aShorterBudgetThanThePolicysEndsTheWaitSooner() {
        var withTenSecondsLeft =
                new ReadinessDecider(WaitPolicy.fixed(30, Duration.ofSeconds(2)), Duration.ofSeconds(10));
        var inProgress = new Observation.Seen(Statuses.of("Active", "InProgress"));
        assertThat(withTenSecondsLeft.decide(inProgress, 4, Duration.ofSeconds(6)))
                .isEqualTo(new Decision.PollAgain(Duration.ofSeconds(2)));
        assertThat(withTenSecondsLeft.decide(inProgress, 5, Duration.ofSeconds(10)))
                .isEqualTo(new Decision.TimedOut(inProgress.status(), null));
    }

    @Test
    void unavailableServicePollsAgainOnSchedule() {
        var error = new AwsErrorInfo("GetFunction", "my-fn", "ServiceException", 500, "r", "boom");
        assertThat(spec.decide(new Observation.Unavailable(error), 1, Duration.ZERO))
                .isEqualTo(new Decision.PollAgain(Duration.ofSeconds(2)));
    }
}
