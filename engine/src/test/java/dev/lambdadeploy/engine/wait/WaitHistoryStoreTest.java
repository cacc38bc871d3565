package dev.lambdadeploy.engine.wait;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaitHistoryStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final WaitKey FN = new WaitKey("eu-west-1", "my-fn");

    @TempDir
    Path dir;

    @Test
    void keepsTheLastTenPerFunction() {
        for (WaitHistory h : List.of(new InMemoryWaitHistory(), new FileWaitHistory(dir.resolve("h.tsv")))) {
            for (int i = 1; i <= 12; i++) {
                h.record(FN, Duration.ofSeconds(i), T0.plusSeconds(i));
            }
            assertThat(h.recent(FN, T0.plusSeconds(20))).hasSize(10).first().isEqualTo(Duration.ofSeconds(3));
            assertThat(h.recent(new WaitKey("us-east-1", "my-fn"), T0)).isEmpty();
        }
    }

    @Test
    void keepsTheLastTwoHundredFunctions() {
        var mem = new InMemoryWaitHistory();
        var file = new FileWaitHistory(dir.resolve("h.tsv"));
        for (int i = 0; i < 205; i++) {
            mem.record(new WaitKey("r", "fn-" + i), Duration.ofSeconds(1), T0.plusSeconds(i));
            file.record(new WaitKey("r", "fn-" + i), Duration.ofSeconds(1), T0.plusSeconds(i));
        }
        assertThat(mem.functions()).isEqualTo(200);
        assertThat(mem.recent(new WaitKey("r", "fn-0"), T0.plusSeconds(300))).isEmpty();
        assertThat(file.recent(new WaitKey("r", "fn-4"), T0.plusSeconds(300))).isEmpty();
        assertThat(file.recent(new WaitKey("r", "fn-5"), T0.plusSeconds(300))).hasSize(1);
    }

    @Test
    void forgetsWhatIsOlderThanThirtyDays() {
        var file = new FileWaitHistory(dir.resolve("h.tsv"));
        file.record(FN, Duration.ofSeconds(5), T0);
        assertThat(file.recent(FN, T0.plus(Duration.ofDays(29)))).containsExactly(Duration.ofSeconds(5));
        assertThat(file.recent(FN, T0.plus(Duration.ofDays(31)))).isEmpty();
    }

    @Test
    void aCorruptFileCountsAsEmptyAndIsRepairedByTheNextRecord() throws Exception {
        Path f = dir.resolve("h.tsv");
        Files.writeString(
                f,
                "garbage\n\u0000\u0001\teu-west-1\tmy-fn\tx\t5\neu-west-1\tmy-fn\t" + T0.toEpochMilli() + "\t7000\n");
        var file = new FileWaitHistory(f);
        assertThat(file.recent(FN, T0.plusSeconds(1))).containsExactly(Duration.ofSeconds(7));
        Files.write(f, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        assertThat(file.recent(FN, T0)).isEmpty();
        file.record(FN, Duration.ofSeconds(3), T0);
        assertThat(file.recent(FN, T0.plusSeconds(1))).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void aFileThatCannotBeWrittenIsIgnored() throws Exception {
        Path blocker = dir.resolve("not-a-dir");
        Files.writeString(blocker, "x");
        var file = new FileWaitHistory(blocker.resolve("h.tsv"));
        file.record(FN, Duration.ofSeconds(3), T0);
        assertThat(file.recent(FN, T0)).isEmpty();
    }

    @Test
    void theDefaultFileIsUnderTheUsersCacheDirectory() {
        assertThat(FileWaitHistory.defaultFile(Map.of("XDG_CACHE_HOME", "/x/cache"), "/home/u"))
                .isEqualTo(Path.of("/x/cache/lambda-deploy/wait-history.tsv"));
        assertThat(FileWaitHistory.defaultFile(Map.of(), "/home/u"))
                .isEqualTo(Path.of("/home/u/.cache/lambda-deploy/wait-history.tsv"));
        assertThat(FileWaitHistory.defaultFile(Map.of(), null)).isNull();
    }
}
