package dev.lambdadeploy.engine.wait;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CarriedWaitHistoryTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final WaitKey EU = new WaitKey("eu-west-1", "orders-api");
    private static final WaitKey US = new WaitKey("us-east-1", "orders-api");
    private static final WaitKey OTHER = new WaitKey("eu-west-1", "billing-api");

    @TempDir
    Path dir;

    @Test
    void carriesOneFunctionsDurationsAwayAndWhatItsDeployRecordedBack() throws Exception {
        FileWaitHistory home = new FileWaitHistory(dir.resolve("wait-history.tsv"));
        home.record(EU, Duration.ofSeconds(2), NOW.minusSeconds(60));
        home.record(US, Duration.ofSeconds(5), NOW.minusSeconds(50));
        home.record(OTHER, Duration.ofSeconds(9), NOW.minusSeconds(40));
        home.record(EU, Duration.ofSeconds(3), NOW.minus(WaitHistory.MAX_AGE).minusSeconds(1));

        CarriedWaitHistory carried = CarriedWaitHistory.of(home, "orders-api", NOW);
        // only this function's, every region, nothing expired, nothing of another function travels
        assertThat(carried.recordedFor("orders-api", NOW)).hasSize(2);
        assertThat(carried.recordedFor("billing-api", NOW)).isEmpty();

        CarriedWaitHistory there = roundTrip(carried);
        assertThat(there.recent(EU, NOW)).containsExactly(Duration.ofSeconds(2));
        there.record(EU, Duration.ofMillis(2500), NOW);
        assertThat(there.recent(EU, NOW)).containsExactly(Duration.ofSeconds(2), Duration.ofMillis(2500));

        CarriedWaitHistory back = roundTrip(there);
        assertThat(back.recorded()).containsExactly(new CarriedWaitHistory.Recorded(EU, Duration.ofMillis(2500), NOW));
        back.keepIn(home);
        assertThat(home.recent(EU, NOW)).containsExactly(Duration.ofSeconds(2), Duration.ofMillis(2500));
        assertThat(home.recent(US, NOW)).containsExactly(Duration.ofSeconds(5));
        assertThat(home.recent(OTHER, NOW)).containsExactly(Duration.ofSeconds(9));
    }

    @Test
    void keepsTheBoundsOfEveryHistory() {
        InMemoryWaitHistory home = new InMemoryWaitHistory();
        CarriedWaitHistory carried = CarriedWaitHistory.of(home, "orders-api", NOW);
        for (int i = 0; i < WaitHistory.MAX_PER_FUNCTION + 3; i++) {
            carried.record(EU, Duration.ofSeconds(i), NOW.plusSeconds(i));
        }
        carried.record(EU, Duration.ofSeconds(-1), NOW);
        assertThat(carried.recent(EU, NOW.plusSeconds(100)))
                .hasSize(WaitHistory.MAX_PER_FUNCTION)
                .last()
                .isEqualTo(Duration.ofSeconds(WaitHistory.MAX_PER_FUNCTION + 2));
        assertThat(carried.recorded()).hasSize(WaitHistory.MAX_PER_FUNCTION + 3);
    }

    private static CarriedWaitHistory roundTrip(CarriedWaitHistory history) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(history);
        }
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (CarriedWaitHistory) in.readObject();
        }
    }
}
