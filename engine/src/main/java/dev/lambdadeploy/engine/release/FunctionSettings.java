package dev.lambdadeploy.engine.release;

import dev.lambdadeploy.engine.InvalidParameterException;
import dev.lambdadeploy.engine.Validation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The configuration of a function that a deploy may change (UpdateFunctionConfiguration), each field null when it is
 * left as it is. {@link #validated()} checks every value against Lambda's limits before any call; {@link #diff}
 * says what a change would do, with environment values never shown (they often hold secrets).
 */
public record FunctionSettings(
        @Nullable Map<String, String> environment,
        @Nullable Integer memorySize,
        @Nullable Integer timeout,
        @Nullable String handler,
        @Nullable String runtime,
        @Nullable List<String> layers,
        @Nullable String description,
        @Nullable Integer ephemeralStorage)
        implements java.io.Serializable {

    /** How requested environment variables meet the function's: added to them, or instead of them. */
    public enum EnvironmentMode {
        MERGE,
        REPLACE;

        /**
         * {@code merge} (the default, also for a blank value) or {@code replace}, in any case.
         *
         * @throws InvalidParameterException naming {@code environmentMode}
         */
        public static EnvironmentMode parse(@Nullable String value) {
            if (value == null || value.isBlank()) {
                return MERGE;
            }
            try {
                return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException("environmentMode", "'" + value + "' is neither merge nor replace");
            }
        }
    }

    /** One field that a change would set: {@code before} and {@code after} as shown to users. */
    public record Change(String field, String before, String after) {
        @Override
        public String toString() {
            return field + ": " + before + " -> " + after;
        }
    }

    /** Keys Lambda reserves for itself; a function may not set them. */
    static final Set<String> RESERVED_KEYS = Set.of(
            "_HANDLER",
            "_X_AMZN_TRACE_ID",
            "AWS_DEFAULT_REGION",
            "AWS_REGION",
            "AWS_EXECUTION_ENV",
            "AWS_LAMBDA_FUNCTION_NAME",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION",
            "AWS_LAMBDA_INITIALIZATION_TYPE",
            "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME",
            "AWS_ACCESS_KEY",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN",
            "AWS_LAMBDA_RUNTIME_API",
            "LAMBDA_TASK_ROOT",
            "LAMBDA_RUNTIME_DIR");

    /** Lambda's limit on all of a function's environment variables together. */
    public static final int ENVIRONMENT_LIMIT_BYTES = 4 * 1024;

    private static final Pattern KEY = Pattern.compile("[a-zA-Z]\\w*");
    private static final Pattern LAYER =
            Pattern.compile("arn:aws[a-zA-Z-]*:lambda:[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d"
                    + ":\\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+");
    private static final Pattern RUNTIME = Pattern.compile("[a-z]+[0-9]*(\\.[0-9a-z]+)*(\\.al2(023)?)?");
    private static final Pattern HANDLER = Pattern.compile("[^\\s]{1,128}");

    public FunctionSettings {
        environment = environment == null ? null : Map.copyOf(environment);
        layers = layers == null ? null : List.copyOf(layers);
    }

    /**
     * Environment variables as a text field holds them: one {@code KEY=VALUE} a line (the value may contain
     * {@code =}; blank lines are skipped). Null for a blank text: the environment is left alone. A bad line is
     * reported by number and key, never with its value.
     *
     * @throws InvalidParameterException naming {@code environment}
     */
    public static @Nullable Map<String, String> parseEnvironment(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Map<String, String> variables = new LinkedHashMap<>();
        String[] lines = text.split("\\r?\\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new InvalidParameterException(
                        "environment",
                        "line " + (i + 1) + " is not KEY=VALUE (one variable a line, e.g. LOG_LEVEL=debug)");
            }
            String key = line.substring(0, eq).strip();
            if (variables.put(key, line.substring(eq + 1)) != null) {
                throw new InvalidParameterException(
                        "environment", "line " + (i + 1) + " sets " + key + " a second time");
            }
        }
        return variables;
    }

    /** The fields, with environment variables by name only: their values often hold secrets. */
    @Override
    public String toString() {
        return "FunctionSettings[environment=" + (environment == null ? null : new TreeSet<>(environment.keySet()))
                + ", memorySize=" + memorySize + ", timeout=" + timeout + ", handler=" + handler + ", runtime="
                + runtime + ", layers=" + layers + ", description=" + description + ", ephemeralStorage="
                + ephemeralStorage + "]";
    }

    /** Nothing to change. */
    public static FunctionSettings unchanged() {
        return new FunctionSettings(null, null, null, null, null, null, null, null);
    }

    public boolean isEmpty() {
        return equals(unchanged());
    }

    /**
     * This change checked against Lambda's limits, before any call.
     *
     * @throws InvalidParameterException naming the first bad field (as the Jenkins steps name it)
     */
    public FunctionSettings validated() {
        if (memorySize != null && (memorySize < 128 || memorySize > 10_240)) {
            throw new InvalidParameterException("memorySize", "must be between 128 and 10240 MB, was " + memorySize);
        }
        if (timeout != null && (timeout < 1 || timeout > 900)) {
            throw new InvalidParameterException("timeout", "must be between 1 and 900 seconds, was " + timeout);
        }
        if (ephemeralStorage != null && (ephemeralStorage < 512 || ephemeralStorage > 10_240)) {
            throw new InvalidParameterException(
                    "ephemeralStorage", "must be between 512 and 10240 MB, was " + ephemeralStorage);
        }
        if (handler != null && !HANDLER.matcher(handler).matches()) {
            throw new InvalidParameterException(
                    "handler", "'" + handler + "' is not a handler: up to 128 characters, no spaces");
        }
        if (runtime != null && !RUNTIME.matcher(runtime).matches()) {
            throw new InvalidParameterException(
                    "runtime", "'" + runtime + "' is not a Lambda runtime identifier such as java21 or python3.13");
        }
        if (layers != null) {
            if (layers.size() > 5) {
                throw new InvalidParameterException("layers", "at most 5 layers, " + layers.size() + " given");
            }
            for (String layer : layers) {
                if (!LAYER.matcher(layer).matches()) {
                    throw new InvalidParameterException(
                            "layers",
                            "'" + layer
                                    + "' is not a layer version ARN (arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION)");
                }
            }
        }
        if (description != null) {
            Validation.description(description);
        }
        if (environment != null) {
            for (String key : environment.keySet()) {
                if (!KEY.matcher(key).matches()) {
                    throw new InvalidParameterException(
                            "environment", "'" + key + "' is not a variable name: a letter, then letters, digits or _");
                }
                if (RESERVED_KEYS.contains(key)) {
                    throw new InvalidParameterException("environment", key + " is reserved by Lambda");
                }
            }
            checkEnvironmentSize(environment);
        }
        return this;
    }

    /**
     * What the function's configuration would be: {@code current} with this change applied, the environment merged or
     * replaced as {@code mode} says.
     */
    public FunctionSettings appliedTo(FunctionSettings current, EnvironmentMode mode) {
        Map<String, String> env = environment;
        if (env != null && mode == EnvironmentMode.MERGE && current.environment != null) {
            Map<String, String> merged = new LinkedHashMap<>(current.environment);
            merged.putAll(env);
            env = merged;
        }
        if (env != null) {
            checkEnvironmentSize(env);
        }
        return new FunctionSettings(
                env != null ? env : current.environment,
                memorySize != null ? memorySize : current.memorySize,
                timeout != null ? timeout : current.timeout,
                handler != null ? handler : current.handler,
                runtime != null ? runtime : current.runtime,
                layers != null ? layers : current.layers,
                description != null ? description : current.description,
                ephemeralStorage != null ? ephemeralStorage : current.ephemeralStorage);
    }

    /**
     * What changes from {@code current} to {@code after}, field by field, for a dry run or the log. Environment
     * variables are named with what happens to them (added, changed, removed), never with their values.
     */
    public static List<Change> diff(FunctionSettings current, FunctionSettings after) {
        List<Change> changes = new ArrayList<>();
        field(changes, "memorySize", current.memorySize, after.memorySize);
        field(changes, "timeout", current.timeout, after.timeout);
        field(changes, "handler", current.handler, after.handler);
        field(changes, "runtime", current.runtime, after.runtime);
        field(changes, "layers", current.layers, after.layers);
        field(changes, "description", current.description, after.description);
        field(changes, "ephemeralStorage", current.ephemeralStorage, after.ephemeralStorage);
        Map<String, String> before = current.environment == null ? Map.of() : current.environment;
        Map<String, String> now = after.environment == null ? Map.of() : after.environment;
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(now.keySet());
        for (String key : keys) {
            String was = before.get(key);
            String is = now.get(key);
            if (was == null) {
                changes.add(new Change("environment." + key, "(not set)", "(set, value hidden)"));
            } else if (is == null) {
                changes.add(new Change("environment." + key, "(set, value hidden)", "(removed)"));
            } else if (!was.equals(is)) {
                changes.add(new Change("environment." + key, "(value hidden)", "(new value hidden)"));
            }
        }
        return changes;
    }

    private static void field(List<Change> changes, String name, @Nullable Object before, @Nullable Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(new Change(name, shown(before), shown(after)));
        }
    }

    private static String shown(@Nullable Object value) {
        return value == null ? "(not set)" : value.toString();
    }

    private static void checkEnvironmentSize(Map<String, String> env) {
        int bytes = 0;
        for (Map.Entry<String, String> e : env.entrySet()) {
            bytes += e.getKey().getBytes(StandardCharsets.UTF_8).length
                    + e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes > ENVIRONMENT_LIMIT_BYTES) {
            throw new InvalidParameterException(
                    "environment",
                    "the variables would take " + bytes + " bytes; Lambda allows " + ENVIRONMENT_LIMIT_BYTES
                            + " in all. Keep large values in SSM Parameter Store or Secrets Manager");
        }
    }
}
