package dev.lambdadeploy.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations on the command line: seconds with decimals ({@code 2}, {@code 0.5}) as the original script's SLEEP_INTERVAL,
 * or with a unit ({@code 500ms}, {@code 2s}, {@code 1m}). Range checks are the engine's, not this converter's.
 */
final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        BigDecimal nanosPerUnit = BigDecimal.valueOf(1_000_000_000L);
        if (v.endsWith("ms")) {
            v = v.substring(0, v.length() - 2);
            nanosPerUnit = BigDecimal.valueOf(1_000_000L);
        } else if (v.endsWith("s")) {
            v = v.substring(0, v.length() - 1);
        } else if (v.endsWith("m")) {
            v = v.substring(0, v.length() - 1);
            nanosPerUnit = BigDecimal.valueOf(60_000_000_000L);
        }
        try {
            BigDecimal nanos = new BigDecimal(v.trim()).multiply(nanosPerUnit);
            return Duration.ofNanos(
                    nanos.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new TypeConversionException("'" + value + "' is not a duration: give seconds such as 2 or 0.5, "
                    + "or a number with a unit such as 500ms, 2s or 1m");
        }
    }
}
