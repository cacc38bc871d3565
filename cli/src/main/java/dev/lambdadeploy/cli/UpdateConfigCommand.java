package dev.lambdadeploy.cli;

import dev.lambdadeploy.engine.DeployOperation;
import dev.lambdadeploy.engine.UpdateCodeRequest;
import dev.lambdadeploy.engine.UpdateConfigurationRequest;
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

    @Mixin
    ConfigurationOptions configuration;

    @Option(names = "--description", paramLabel = "TEXT", description = "The function's description.")
    @Nullable
    String description;

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
    DeployOperation prepare() {
        UpdateConfigurationRequest request = UpdateConfigurationRequest.builder()
                .functionName(function.functionName)
                .settings(configuration.settings(description))
                .environmentMode(configuration.environmentMode)
                .revisionId(revisionId)
                .maxRetries(maxRetries)
                .waitForReady(waitForReady)
                .waitSettings(wait.settings())
                .dryRun(dryRun)
                .build();
        return deployer -> deployer.updateConfiguration(request);
    }
}
