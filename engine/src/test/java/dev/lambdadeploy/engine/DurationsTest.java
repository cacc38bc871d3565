package dev.lambdadeploy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void aDurationIsClampedIntoItsBounds() {
        Duration low = Duration.ofMillis(50);
        Duration high = Duration.ofMillis(500);
        assertThat(Durations.clamp(Duration.ofMillis(10), low, high)).isEqualTo(low);
        assertThat(Durations.clamp(Duration.ofMillis(200), low, high)).isEqualTo(Duration.ofMillis(200));
        assertThat(Durations.clamp(Duration.ofSeconds(2), low, high)).isEqualTo(high);
        assertThat(Durations.min(low, high)).isEqualTo(low);
        assertThat(Durations.max(low, high)).isEqualTo(high);
    }

    @Test
    void anAgeIsDaysHoursOrMinutes() {
        assertThat(Durations.parseAge("30", Parameter.KEEP_YOUNGER_THAN)).isEqualTo(Duration.ofDays(30));
        assertThat(Durations.parseAge(" 30D ", Parameter.KEEP_YOUNGER_THAN)).isEqualTo(Duration.ofDays(30));
        assertThat(Durations.parseAge("12h", Parameter.KEEP_YOUNGER_THAN)).isEqualTo(Duration.ofHours(12));
        assertThat(Durations.parseAge("90m", Parameter.KEEP_YOUNGER_THAN)).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void aBadAgeNamesTheParameterAndWhatIsAccepted() {
        assertThatThrownBy(() -> Durations.parseAge("a month", Parameter.KEEP_YOUNGER_THAN))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("keepYoungerThan")
                .hasMessageContaining("30d");
    }

    @Test
    void listsAreSplitOnCommasAndLineBreaks() {
        assertThat(Validation.listOf("errors, latency\n throttles,,"))
                .containsExactly("errors", "latency", "throttles");
        assertThat(Validation.listOf(" ")).isNull();
        assertThat(Validation.listOf(null)).isNull();
    }
}
