package dev.lambdadeploy.bench.report;

import java.util.List;

/** One long CSV for every table: {@code table,contender,case,metric,value}, one measurement per line. */
public final class CsvRenderer {

    private CsvRenderer() {}

    public static String render(Report report) {
        StringBuilder out = new StringBuilder("table,contender,case,metric,value\n");
        report.facts()
                .forEach((k, v) -> out.append(String.join(",", "run", "", "", quote(k), quote(v)))
                        .append('\n'));
        for (Table t : report.tables()) {
            List<String> h = t.headers();
            for (int r = 0; r < t.rows().size(); r++) {
                List<String> row = t.rows().get(r);
                for (int i = 2; i < h.size(); i++) {
                    out.append(String.join(
                                    ",",
                                    quote(t.id()),
                                    quote(t.keys().get(r)),
                                    quote(row.get(1)),
                                    quote(h.get(i)),
                                    quote(row.get(i))))
                            .append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
