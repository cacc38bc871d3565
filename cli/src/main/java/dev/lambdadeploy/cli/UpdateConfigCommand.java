package dev.lambdadeploy.cli;

import dev.lambdadeploy.engine.UpdateCodeRequest;
import dev.lambdadeploy.engine.UpdateConfigurationRequest;
import dev.lambdadeploy.engine.release.FunctionSettings;
import dev.lambdadeploy.engine.release.FunctionSettings.EnvironmentMode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "update-config",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Changes the function's configuration (UpdateFunctionConfiguration), waiting out an update already in "
                    + "progress first, pinned to the RevisionId read (or --revision-id), then waits until the function "
                    + "is ready unless --no-wait-for-ready. The log lists each field that changes; environment "
                    + "values are never shown."
        })
final class UpdateConfigCommand extends AwsCommand {

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

    @Option(names = "--description", paramLabel = "TEXT", description = "The function's description.")
    @Nullable
    String description;

    @Option(names = "--ephemeral-storage", paramLabel = "MB", description = "/tmp size, 512 to 10240.")
    @Nullable
    Integer ephemeralStorage;

    @Option(
            names = "--revision-id",
            paramLabel = "ID",
            description = "Update only if the function is still at this RevisionId (default: the one read first).")
    @Nullable
    String revisionId;

    @Option(names = "--dry-run", description = "Only list what would change; change nothing.")
    boolean dryRun;

    @Option(
            names = "--max-retries",
            paramLabel = "N",
            defaultValue = "" + UpdateCodeRequest.DEFAULT_MAX_RETRIES,
            description = "Times to wait out and retry a 409 (update in progress). Default: ${DEFAULT-VALUE}.")
    int maxRetries;

    @Option(
            names = "--wait-for-ready",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Wait until LastUpdateStatus is Successful (default). --no-wait-for-ready returns once "
                    + "Lambda accepts the change.")
    boolean waitForReady = true;

    @Mixin
    WaitOptions wait;

    UpdateConfigCommand(CliContext context) {
        super(context);
    }

    @Override
    MapOperation prepare() {
        UpdateConfigurationRequest request = UpdateConfigurationRequest.builder()
                .functionName(function.functionName)
                .settings(new FunctionSettings(
                        environment, memorySize, timeout, handler, runtime, layers, description, ephemeralStorage))
                .environmentMode(environmentMode)
                .revisionId(revisionId)
                .maxRetries(maxRetries)
                .waitForReady(waitForReady)
                .waitSettings(wait.settings())
                .dryRun(dryRun)
                .build();
        return printed(deployer -> deployer.updateConfiguration(request));
    }
}
