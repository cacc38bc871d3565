package dev.lambdadeploy.engine.wait;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@link WaitHistory} in one small text file, for the CLI: one line per recorded wait, {@code region TAB function
 * TAB epoch-millis TAB duration-millis}, bounded and expiring as the interface says. Read on each call and replaced
 * whole (write to a temporary file, then move) on each record, so concurrent CLI runs at worst lose a record. A file
 * that is missing, unreadable or corrupt counts as empty (bad lines are skipped); a file that cannot be written is
 * left as it is. Nothing here ever fails a deploy.
 */
public final class FileWaitHistory implements WaitHistory {

    /** The file's name in the cache directory. */
    public static final String FILE_NAME = "wait-history.tsv";

    private final Path file;

    public FileWaitHistory(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /**
     * The CLI's file: {@code $XDG_CACHE_HOME/lambda-deploy/wait-history.tsv}, else
     * {@code ~/.cache/lambda-deploy/wait-history.tsv}; null when neither can be named.
     */
    public static @Nullable Path defaultFile(Map<String, String> env, @Nullable String userHome) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path cache;
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            cache = Path.of(xdg);
        } else if (userHome != null && !userHome.isBlank()) {
            cache = Path.of(userHome, ".cache");
        } else {
            return null;
        }
        return cache.resolve("lambda-deploy").resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void record(WaitKey key, Duration took, Instant at) {
        Objects.requireNonNull(key, "key");
        if (!printable(key.region()) || !printable(key.functionName())) {
            return;
        }
        HistoryEntries entries = load();
        entries.add(key, took, at);
        entries.expire(at);
        save(entries);
    }

    @Override
    public synchronized List<Duration> recent(WaitKey key, Instant now) {
        return load().recent(key, now);
    }

    @Override
    public synchronized List<CarriedWaitHistory.Recorded> recordedFor(String functionName, Instant now) {
        return load().forFunction(functionName, now);
    }

    private HistoryEntries load() {
        HistoryEntries entries = new HistoryEntries();
        List<String> lines;
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > 1_000_000) {
                return entries;
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return entries;
        }
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            if (f.length != 4 || !printable(f[0]) || !printable(f[1])) {
                continue;
            }
            try {
                long at = Long.parseLong(f[2]);
                long took = Long.parseLong(f[3]);
                if (took >= 0) {
                    entries.add(new WaitKey(f[0], f[1]), Duration.ofMillis(took), Instant.ofEpochMilli(at));
                }
            } catch (NumberFormatException | java.time.DateTimeException e) {
                // a corrupt line: skipped
            }
        }
        return entries;
    }

    private void save(HistoryEntries entries) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<WaitKey, List<HistoryEntries.Entry>> e :
                entries.snapshot().entrySet()) {
            for (HistoryEntries.Entry entry : e.getValue()) {
                out.append(e.getKey().region())
                        .append('\t')
                        .append(e.getKey().functionName())
                        .append('\t')
                        .append(entry.at().toEpochMilli())
                        .append('\t')
                        .append(entry.took().toMillis())
                        .append('\n');
            }
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, FILE_NAME, ".tmp");
            try {
                Files.writeString(tmp, out, StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be written: the next deploy just knows less
        }
    }

    private static boolean printable(String s) {
        return !s.isEmpty() && s.length() <= 256 && s.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    @Override
    public String toString() {
        return "FileWaitHistory[" + file + "]";
    }
}
