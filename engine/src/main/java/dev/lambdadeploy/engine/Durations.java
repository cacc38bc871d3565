package dev.lambdadeploy.engine;

import java.time.Duration;
import java.util.Locale;

/** Small duration helpers shared by the waits and the log. */
public final class Durations {

    private Durations() {}

    /** As the log shows a duration: seconds with one decimal, "2.0s". */
    public static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }

    public static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
