package dev.lambdadeploy.bench.report;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalDouble;

/** Number formats shared by every table, so the CSV parses the same as the Markdown reads. */
public final class Fmt {

    private Fmt() {}

    public static String seconds(double s) {
        return Double.isNaN(s) ? "n/a" : String.format(Locale.ROOT, s < 10 ? "%.3f" : "%.1f", s);
    }

    public static String seconds(OptionalDouble s) {
        return s.isPresent() ? seconds(s.getAsDouble()) : "n/a";
    }

    public static String seconds(Duration d) {
        return seconds(d.toNanos() / 1e9);
    }

    /** Whole seconds when whole: 1, 5, 25, 120; else a decimal. */
    public static String duration(Duration d) {
        return d.toNanosPart() == 0 ? d.toSeconds() + " s" : seconds(d) + " s";
    }

    /** A round trip: milliseconds to a tenth, e.g. 22.1 ms. */
    public static String millis(Duration d) {
        return number(Math.round(d.toNanos() / 1e5) / 10.0) + " ms";
    }

    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    public static String ratio(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2fx", v);
    }

    public static String percent(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", v * 100);
    }
}
