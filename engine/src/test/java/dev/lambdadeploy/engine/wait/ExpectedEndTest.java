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
                List.of(Duration.ofSeconds(12), Duration.ofSeconds(10), Duration.ofSeconds(14)));
        assertThat(end)
                .isEqualTo(new ExpectedEnd(Duration.ofMillis(8000), Duration.ofSeconds(12), Duration.ofMillis(16_800)));
    }

    /** Durations that spread wider than half as long again say too little about the next: the wait is adaptive's. */
    @Test
    void aHistoryThatSpreadsTooWideExpectsNothing() {
        assertThat(ExpectedEnd.fromHistory(List.of(Duration.ofSeconds(10), Duration.ofSeconds(15))))
                .isNotNull();
        assertThat(ExpectedEnd.fromHistory(List.of(Duration.ofSeconds(10), Duration.ofMillis(15_001))))
                .isNull();
        assertThat(ExpectedEnd.fromHistory(
                        List.of(Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(1))))
                .isNull();
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
