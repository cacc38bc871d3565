package dev.lambdadeploy.engine.release;

import dev.lambdadeploy.engine.InvalidParameterException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How an alias's traffic moves to a new version: the weights the new version gets, each held for a while, then all of
 * it. Named as AWS CodeDeploy names its predefined Lambda configurations ({@code Canary10Percent5Minutes},
 * {@code Linear10PercentEvery1Minute}, {@code AllAtOnce}, ...), or a custom list such as {@code 5%:2m,25%:5m,50%:5m}.
 *
 * @param name what the user wrote, for the log
 * @param steps the weights below 100 % in order, each with how long it is held; empty for all at once
 */
public record ShiftPlan(String name, List<Step> steps) implements java.io.Serializable {

    /** The new version gets {@code weight} (0 &lt; weight &lt; 1) of the traffic for {@code hold}. */
    public record Step(double weight, Duration hold) implements java.io.Serializable {

        public Step {
            if (!(weight > 0 && weight < 1)) {
                throw new IllegalArgumentException("weight must be between 0 and 1, exclusive: " + weight);
            }
            if (hold.isNegative() || hold.isZero()) {
                throw new IllegalArgumentException("hold must be positive: " + hold);
            }
        }
    }

    /** CodeDeploy's predefined Lambda configurations, without their {@code CodeDeployDefault.Lambda} prefix. */
    public static final List<String> PRESETS = List.of(
            "AllAtOnce",
            "Canary10Percent5Minutes",
            "Canary10Percent10Minutes",
            "Canary10Percent15Minutes",
            "Canary10Percent30Minutes",
            "Linear10PercentEvery1Minute",
            "Linear10PercentEvery2Minutes",
            "Linear10PercentEvery3Minutes",
            "Linear10PercentEvery10Minutes");

    /** The longest a whole shift may take: an alias is not left split for more than a day by one step. */
    public static final Duration LONGEST_SHIFT = Duration.ofHours(24);

    private static final Pattern CANARY = Pattern.compile("Canary(\\d+)Percent(\\d+)Minutes?");
    private static final Pattern LINEAR = Pattern.compile("Linear(\\d+)PercentEvery(\\d+)Minutes?");
    private static final Pattern CUSTOM_STEP = Pattern.compile("(\\d+(?:\\.\\d+)?)%:(\\d+)(s|m|h)");

    public ShiftPlan {
        steps = List.copyOf(steps);
        double previous = 0;
        for (Step step : steps) {
            if (step.weight() <= previous) {
                throw new IllegalArgumentException("weights must grow: " + steps);
            }
            previous = step.weight();
        }
    }

    /** The whole shift's duration: the holds added up. */
    public Duration duration() {
        return steps.stream().map(Step::hold).reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * The plan {@code text} names: a preset (with or without {@code CodeDeployDefault.Lambda}), or steps such as
     * {@code 10%:5m,50%:10m} (weights in percent, growing, below 100; holds in s, m or h).
     *
     * @param parameter the caller's name of the setting, for the error ({@code shift}, {@code --shift})
     * @throws InvalidParameterException naming {@code parameter}, saying what is accepted
     */
    public static ShiftPlan parse(@Nullable String text, String parameter) {
        String name = text == null ? "" : text.trim();
        try {
            return parseChecked(name, parameter);
        } catch (NumberFormatException e) {
            throw invalid(name, parameter, "has a number out of range");
        } catch (InvalidParameterException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw invalid(name, parameter, "has a weight or a time out of range (" + e.getMessage() + ")");
        }
    }

    private static ShiftPlan parseChecked(String name, String parameter) {
        String preset = name.startsWith("CodeDeployDefault.Lambda")
                ? name.substring("CodeDeployDefault.Lambda".length())
                : name;
        if (preset.equals("AllAtOnce")) {
            return new ShiftPlan(name, List.of());
        }
        Matcher canary = CANARY.matcher(preset);
        if (canary.matches()) {
            return checked(
                    name, parameter, List.of(step(canary.group(1), Duration.ofMinutes(minutes(canary.group(2))))));
        }
        Matcher linear = LINEAR.matcher(preset);
        if (linear.matches()) {
            int percent = Integer.parseInt(linear.group(1));
            Duration every = Duration.ofMinutes(minutes(linear.group(2)));
            List<Step> steps = new ArrayList<>();
            for (int weight = percent; weight < 100; weight += percent) {
                steps.add(new Step(weight / 100.0, every));
            }
            return checked(name, parameter, steps);
        }
        if (name.contains("%:")) {
            List<Step> steps = new ArrayList<>();
            for (String part : name.split(",")) {
                Matcher m = CUSTOM_STEP.matcher(part.trim().toLowerCase(Locale.ROOT));
                if (!m.matches()) {
                    throw invalid(name, parameter, "'" + part.trim() + "' is not PERCENT%:DURATION such as 10%:5m");
                }
                steps.add(step(m.group(1), custom(m.group(2), m.group(3))));
            }
            return checked(name, parameter, steps);
        }
        throw invalid(name, parameter, "is neither a preset nor a list of steps");
    }

    private static ShiftPlan checked(String name, String parameter, List<Step> steps) {
        ShiftPlan plan;
        try {
            plan = new ShiftPlan(name, steps);
        } catch (IllegalArgumentException e) {
            throw invalid(name, parameter, "weights must grow and stay between 0 and 100 percent, exclusive");
        }
        if (plan.duration().compareTo(LONGEST_SHIFT) > 0) {
            throw invalid(name, parameter, "takes " + plan.duration().toHours() + " h; a shift may take 24 h at most");
        }
        return plan;
    }

    private static Step step(String percent, Duration hold) {
        double weight = Double.parseDouble(percent) / 100.0;
        if (!(weight > 0 && weight < 1)) {
            throw new IllegalArgumentException("percent out of range: " + percent);
        }
        return new Step(weight, hold);
    }

    private static long minutes(String digits) {
        long minutes = Long.parseLong(digits);
        if (minutes <= 0) {
            throw new IllegalArgumentException("minutes must be positive: " + digits);
        }
        return minutes;
    }

    private static Duration custom(String amount, String unit) {
        long n = Long.parseLong(amount);
        return switch (unit) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    private static InvalidParameterException invalid(String name, String parameter, String problem) {
        return new InvalidParameterException(
                parameter,
                "'" + name + "' " + problem + ". Use one of " + String.join(", ", PRESETS)
                        + " (CodeDeploy's names), or steps such as 10%:5m,50%:10m");
    }
}
