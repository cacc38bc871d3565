package dev.lambdadeploy.engine.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectedEndTest {

    @Test
    void fromAHistoryItRunsFromMostOfTheShortestThroughTheMedianToMoreThanTheLongest() {
        ExpectedEnd end = ExpectedEnd.fromHistory(
                List.of(Duration.ofSeconds(12), Duration.ofSeconds(10), Duration.ofSeconds(20)));
        assertThat(end)
                .isEqualTo(new ExpectedEnd(Duration.ofMillis(8000), Duration.ofSeconds(12), Duration.ofSeconds(24)));
    }

    @Test
    void anEmptyHistoryExpectsNothing() {
        assertThat(ExpectedEnd.fromHistory(List.of())).isNull();
    }

    @Test
    void itsBoundsAreOrdered() {
        assertThatThrownBy(() -> new ExpectedEnd(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(3)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExpectedEnd.fromHistory(List.of(Duration.ofSeconds(-1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
