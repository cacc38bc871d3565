package dev.lambdadeploy.cli;

import dev.lambdadeploy.engine.release.FunctionSettings;
import dev.lambdadeploy.engine.release.FunctionSettings.EnvironmentMode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The configuration a command may change (UpdateFunctionConfiguration), shared by update-config and deploy. */
final class ConfigurationOptions {

    @Option(
            names = {"--env", "--environment"},
            paramLabel = "KEY=VALUE",
            description = "An environment variable; repeat for more. Merged into the function's unless "
                    + "--env-mode replace.")
    @Nullable
    Map<String, String> environment;

    @Option(
            names = {"--env-mode", "--environment-mode"},
            paramLabel = "MODE",
            defaultValue = "merge",
            description = "merge (the default: the variables given are added to or change the function's) or "
                    + "replace (they become all of its variables).")
    EnvironmentMode environmentMode = EnvironmentMode.MERGE;

    @Option(names = "--memory-size", paramLabel = "MB", description = "128 to 10240.")
    @Nullable
    Integer memorySize;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "The function's timeout, 1 to 900.")
    @Nullable
    Integer timeout;

    @Option(names = "--handler", paramLabel = "HANDLER", description = "e.g. app.handler.")
    @Nullable
    String handler;

    @Option(names = "--runtime", paramLabel = "RUNTIME", description = "e.g. java21, python3.13.")
    @Nullable
    String runtime;

    @Option(
            names = "--layers",
            paramLabel = "ARN",
            split = ",",
            description = "Layer version ARNs, comma-separated: they replace the function's layers.")
    @Nullable
    List<String> layers;

    @Option(names = "--ephemeral-storage", paramLabel = "MB", description = "/tmp size, 512 to 10240.")
    @Nullable
    Integer ephemeralStorage;

    /** Whether any field was given: deploy changes the configuration only then. */
    boolean any() {
        return environment != null
                || memorySize != null
                || timeout != null
                || handler != null
                || runtime != null
                || layers != null
                || ephemeralStorage != null;
    }

    /** The change, with the function's {@code description} (update-config has the option; deploy's is the version's). */
    FunctionSettings settings(@Nullable String description) {
        return new FunctionSettings(
                environment, memorySize, timeout, handler, runtime, layers, description, ephemeralStorage);
    }
}
