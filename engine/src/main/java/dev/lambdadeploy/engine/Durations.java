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

    /**
     * An age as users write it: days ({@code 30d}, or just {@code 30}), hours ({@code 12h}) or minutes ({@code 90m}).
     *
     * @throws InvalidParameterException naming {@code parameter}, saying what is accepted
     */
    public static Duration parseAge(String value, Parameter parameter) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("d")) {
                return Duration.ofDays(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            if (v.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            if (v.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            return Duration.ofDays(Long.parseLong(v));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidParameterException(
                    parameter,
                    "'" + value + "' is not an age: give days such as 30d (or 30), hours such as 12h, or minutes such"
                            + " as 90m");
        }
    }

    public static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** {@code value} within [{@code low}, {@code high}]; {@code low} must not be above {@code high}. */
    public static Duration clamp(Duration value, Duration low, Duration high) {
        return min(max(value, low), high);
    }
}
