package dev.lambdadeploy.engine.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdadeploy.engine.FakeTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuotaLimiterTest {

    @Test
    void otherCallsShareFifteenPerSecondAfterAHalfBurst() throws InterruptedException {
        FakeTime time = new FakeTime();
        QuotaLimiter limiter = new QuotaLimiter(time, time, 100, 15);
        for (int i = 0; i < 150; i++) {
            limiter.acquire(i % 2 == 0 ? "UpdateFunctionCode" : "PublishVersion");
        }
        // 7.5 tokens of burst, then one every 1/15 s
        assertThat(time.slept()).isBetween(Duration.ofMillis(9400), Duration.ofMillis(9600));
    }

    @Test
    void getFunctionHasItsOwnLargerQuota() throws InterruptedException {
        FakeTime time = new FakeTime();
        QuotaLimiter limiter = new QuotaLimiter(time, time, 100, 15);
        for (int i = 0; i < 7; i++) {
            limiter.acquire("PublishVersion");
        }
        assertThat(limiter.acquire("GetFunction")).isZero();
        for (int i = 0; i < 49; i++) {
            limiter.acquire("GetFunction");
        }
        assertThat(time.slept()).isZero();
        assertThat(limiter.acquire("GetFunction")).isPositive();
    }

    @Test
    void neverMoreThanTheQuotaInAnySecondOnceTheBurstIsSpent() throws InterruptedException {
        FakeTime time = new FakeTime();
        QuotaLimiter limiter = new QuotaLimiter(time, time, 100, 15);
        var start = time.instant();
        int calls = 0;
        while (Duration.between(start, time.instant()).compareTo(Duration.ofSeconds(10)) < 0) {
            limiter.acquire("UpdateFunctionCode");
            calls++;
        }
        assertThat(calls).isLessThanOrEqualTo(8 + 15 * 10);
    }
}
