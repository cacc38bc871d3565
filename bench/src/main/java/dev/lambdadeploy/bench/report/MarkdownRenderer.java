package dev.lambdadeploy.bench.report;

import java.util.ArrayList;
import java.util.List;

/** Markdown with padded columns, so the same text reads well on a terminal and renders on GitHub. */
public final class MarkdownRenderer {

    private MarkdownRenderer() {}

    public static String render(Report report, String heading) {
        StringBuilder out = new StringBuilder("# ").append(heading).append("\n\n");
        report.facts()
                .forEach((k, v) ->
                        out.append("- ").append(k).append(": ").append(v).append('\n'));
        for (Table t : report.tables()) {
            out.append('\n').append(table(t));
        }
        return out.toString();
    }

    public static String table(Table t) {
        StringBuilder out = new StringBuilder("## ").append(t.title()).append("\n\n");
        int[] widths = new int[t.headers().size()];
        List<List<String>> all = new ArrayList<>();
        all.add(t.headers());
        all.addAll(t.rows());
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(Math.max(widths[i], 3), escape(row.get(i)).length());
            }
        }
        line(out, t.headers(), widths);
        List<String> rule = new ArrayList<>();
        for (int w : widths) {
            rule.add("-".repeat(w));
        }
        line(out, rule, widths);
        t.rows().forEach(row -> line(out, row, widths));
        if (!t.notes().isEmpty()) {
            out.append('\n');
            t.notes().forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        out.append('|');
        for (int i = 0; i < cells.size(); i++) {
            String c = escape(cells.get(i));
            out.append(' ').append(c).append(" ".repeat(widths[i] - c.length())).append(" |");
        }
        out.append('\n');
    }

    private static String escape(String cell) {
        return cell.replace("|", "\\|");
    }
}
