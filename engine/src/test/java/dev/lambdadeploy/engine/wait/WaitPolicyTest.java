package dev.lambdadeploy.engine.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WaitPolicyTest {

    @Test
    void fixedIsTheSpecsSchedule() {
        WaitPolicy spec = WaitPolicy.fixed(30, Duration.ofSeconds(2));
        assertThat(spec.budget()).isEqualTo(Duration.ofSeconds(60));
        assertThat(spec.maxAttempts()).isEqualTo(30);
        assertThat(spec.delayAfter(1, Duration.ZERO)).isEqualTo(Duration.ofSeconds(2));
        assertThat(spec.delayAfter(29, Duration.ofSeconds(56))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void fixedKeepsToItsGridWhenPollsTakeTime() {
        WaitPolicy spec = WaitPolicy.fixed(30, Duration.ofSeconds(2));
        assertThat(spec.delayAfter(1, Duration.ofMillis(150))).isEqualTo(Duration.ofMillis(1850));
        assertThat(spec.delayAfter(2, Duration.ofMillis(4100))).isZero();
    }

    @Test
    void adaptiveKeepsTheSpecsBudgetStartsFastAndBacksOffToTheInterval() {
        WaitPolicy adaptive = WaitPolicy.adaptive(30, Duration.ofSeconds(2));
        assertThat(adaptive.budget()).isEqualTo(Duration.ofSeconds(60));
        assertThat(adaptive.delayAfter(1, Duration.ZERO)).isEqualTo(Duration.ofMillis(250));
        assertThat(adaptive.delayAfter(5, Duration.ofSeconds(3))).isEqualTo(Duration.ofMillis(500));
        assertThat(adaptive.delayAfter(20, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void adaptiveDelayNeverShrinksAsTimePasses() {
        WaitPolicy adaptive = WaitPolicy.adaptive(30, Duration.ofSeconds(2));
        Duration previous = Duration.ZERO;
        for (int ms = 0; ms <= 60_000; ms += 100) {
            Duration delay = adaptive.delayAfter(1, Duration.ofMillis(ms));
            assertThat(delay).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(Duration.ofSeconds(2));
            previous = delay;
        }
    }

    @Test
    void adaptiveCountsThePollsItsScheduleMakesWithinTheBudget() {
        WaitPolicy adaptive = WaitPolicy.adaptive(30, Duration.ofSeconds(2));
        int polls = 1;
        Duration at = Duration.ZERO;
        while (at.compareTo(adaptive.budget()) < 0) {
            at = at.plus(adaptive.delayAfter(polls, at));
            polls++;
        }
        assertThat(adaptive.maxAttempts()).isEqualTo(polls);
        // fewer GetFunction calls over the whole budget than the spec's two per poll
        assertThat(adaptive.maxAttempts()).isLessThan(2 * 30);
    }

    @Test
    void adaptiveWithAShortIntervalStartsAtThatInterval() {
        WaitPolicy adaptive = WaitPolicy.adaptive(10, Duration.ofMillis(100));
        assertThat(adaptive.delayAfter(1, Duration.ZERO)).isEqualTo(Duration.ofMillis(100));
        assertThat(adaptive.budget()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void namedPolicies() {
        assertThat(WaitPolicy.named("fixed", 3, Duration.ofSeconds(1))).isInstanceOf(FixedWaitPolicy.class);
        assertThat(WaitPolicy.named("adaptive", 3, Duration.ofSeconds(1))).isInstanceOf(AdaptiveWaitPolicy.class);
        assertThatThrownBy(() -> WaitPolicy.named("eager", 3, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> WaitPolicy.fixed(0, Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WaitPolicy.fixed(3, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WaitPolicy.adaptive(3, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
