package dev.lambdadeploy.engine.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShiftStateTest {

    @Test
    void aPersistedStateComesBackEqualFromItsPlainMap() {
        ShiftState state = new ShiftState(
                "live", "8", "7", 1, Instant.parse("2026-12-01T12:00:00Z").toEpochMilli());
        assertThat(ShiftState.fromMap(state.toMap())).isEqualTo(state);
        ShiftState starting = ShiftState.start("live", "8", "7", Instant.parse("2026-12-01T12:00:00Z"));
        assertThat(ShiftState.fromMap(starting.toMap())).isEqualTo(starting);
        assertThat(starting.toMap().values()).allMatch(v -> v instanceof String || v instanceof Number);
    }

    @Test
    void aMapThatIsNotAStateIsRefused() {
        assertThatThrownBy(() -> ShiftState.fromMap(Map.of("alias", "live")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
