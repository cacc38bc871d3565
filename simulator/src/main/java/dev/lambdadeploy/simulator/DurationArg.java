package dev.lambdadeploy.simulator;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Command-line durations: 500ms, 2s, 1.5s, 3m, or ISO-8601 (PT2S). */
final class DurationArg {
    private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)");

    private DurationArg() {}

    static Duration parse(String s) {
        Matcher m = SHORT.matcher(s.trim());
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            long millis = Math.round(amount
                    * switch (m.group(2)) {
                        case "ms" -> 1;
                        case "s" -> 1_000;
                        default -> 60_000;
                    });
            return Duration.ofMillis(millis);
        }
        return Duration.parse(s.trim());
    }
}
