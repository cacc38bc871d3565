package dev.lambdadeploy.bench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One result table. The first two columns name the row (contender, case); the rest are measurements, which is
 * how the CSV flattens it. {@code keys} name each row's contender briefly for the CSV, e.g. {@code engine}.
 */
public record Table(
        String id, String title, List<String> headers, List<List<String>> rows, List<String> keys, List<String> notes) {

    public Table {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        keys = List.copyOf(keys);
        notes = List.copyOf(notes);
        if (keys.size() != rows.size()) {
            throw new IllegalArgumentException("one key per row");
        }
        if (headers.size() < 2) {
            throw new IllegalArgumentException("a table needs two key columns");
        }
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("row " + row + " does not match headers " + headers);
            }
        }
    }

    public static Builder builder(String id, String title, String... headers) {
        return new Builder(id, title, List.of(headers));
    }

    public static final class Builder {
        private final String id;
        private final String title;
        private final List<String> headers;
        private final List<List<String>> rows = new ArrayList<>();
        private final List<String> keys = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        private Builder(String id, String title, List<String> headers) {
            this.id = id;
            this.title = title;
            this.headers = headers;
        }

        /** A row whose CSV key is its first cell. */
        public Builder row(Object... cells) {
            return keyedRow(String.valueOf(cells[0]), cells);
        }

        public Builder keyedRow(String key, Object... cells) {
            rows.add(Arrays.stream(cells).map(String::valueOf).toList());
            keys.add(key);
            return this;
        }

        public Builder note(String note) {
            notes.add(note);
            return this;
        }

        public Table build() {
            return new Table(id, title, headers, rows, keys, notes);
        }
    }
}
