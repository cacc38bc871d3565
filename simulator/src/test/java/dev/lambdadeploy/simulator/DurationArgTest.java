package dev.lambdadeploy.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationArgTest {
    @Test
    void readsShortAndIsoDurations() {
        assertThat(DurationArg.parse("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(DurationArg.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(DurationArg.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(DurationArg.parse("3m")).isEqualTo(Duration.ofMinutes(3));
        assertThat(DurationArg.parse("PT25S")).isEqualTo(Duration.ofSeconds(25));
    }
}
