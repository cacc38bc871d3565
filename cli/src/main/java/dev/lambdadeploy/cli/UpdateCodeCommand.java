package dev.lambdadeploy.cli;

import dev.lambdadeploy.engine.DeployOperation;
import dev.lambdadeploy.engine.UpdateCodeRequest;
import dev.lambdadeploy.engine.wait.WaitHistory;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "update-code",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Uploads new code (UpdateFunctionCode), waiting out an update already in progress, then waits "
                    + "until the function is ready unless --no-wait-for-ready."
        })
final class UpdateCodeCommand extends AwsCommand {

    @ArgGroup(exclusive = true, multiplicity = "1", heading = CodeOptions.HEADING)
    CodeOptions code;

    @Option(names = "--architectures", paramLabel = "ARCH", split = ",", description = "x86_64 or arm64.")
    @Nullable
    List<String> architectures;

    @Option(names = "--dry-run", description = "Only validate the code with Lambda (DryRun); change nothing.")
    boolean dryRun;

    @Option(
            names = "--publish",
            description = "Publish a version with the update (no description possible; "
                    + "use publish-version or deploy for one).")
    boolean publish;

    @Option(
            names = "--revision-id",
            paramLabel = "ID",
            description = "Update only if the function is still at this RevisionId.")
    @Nullable
    String revisionId;

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
            description =
                    "Wait until State is Active and LastUpdateStatus Successful (default). --no-wait-for-ready returns once Lambda accepts the code.")
    boolean waitForReady = true;

    @Mixin
    WaitOptions wait;

    @Override
    WaitHistory waitHistory() {
        return wait.history(context);
    }

    UpdateCodeCommand(CliContext context) {
        super(context);
    }

    @Override
    DeployOperation prepare() {
        UpdateCodeRequest request = UpdateCodeRequest.builder()
                .functionName(function.functionName)
                .code(code.codeSource())
                .architectures(architectures)
                .dryRun(dryRun)
                .publish(publish)
                .revisionId(revisionId)
                .maxRetries(maxRetries)
                .waitForReady(waitForReady)
                .waitSettings(wait.settings())
                .build();
        return deployer -> deployer.updateCode(request);
    }
}
