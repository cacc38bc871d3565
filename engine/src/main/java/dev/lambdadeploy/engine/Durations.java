package dev.lambdadeploy.engine;

import java.time.Duration;
import java.util.Locale;

/** Durations as the log shows them: seconds with one decimal, "2.0s". */
public final class Durations {

    private Durations() {
    }

    public static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }
}
