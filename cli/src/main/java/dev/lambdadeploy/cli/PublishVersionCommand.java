package dev.lambdadeploy.cli;

import dev.lambdadeploy.engine.DeployOperation;
import dev.lambdadeploy.engine.PublishVersionRequest;
import dev.lambdadeploy.engine.UpdateCodeRequest;
import dev.lambdadeploy.engine.wait.WaitHistory;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "publish-version",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Waits until the function is ready, then publishes a version with a description, retrying "
                    + "409s with backoff. Publishes only the expected code: --code-sha256, else what was live when ready."
        })
final class PublishVersionCommand extends AwsCommand {

    @Option(
            names = "--description",
            paramLabel = "TEXT",
            description = "Version description (at most 256 characters), e.g. \"prod: 1.2.3 | abc123 | 2026-11-27\".")
    @Nullable
    String description;

    @Option(
            names = "--code-sha256",
            paramLabel = "SHA",
            description = "Publish only if $LATEST has this CodeSha256 (from update-code).")
    @Nullable
    String codeSha256;

    @Option(
            names = "--revision-id",
            paramLabel = "ID",
            description = "Publish only if the function is at this RevisionId.")
    @Nullable
    String revisionId;

    @Option(
            names = "--max-retries",
            paramLabel = "N",
            defaultValue = "" + UpdateCodeRequest.DEFAULT_MAX_RETRIES,
            description = "Retries of a failed publish, with backoff. Default: ${DEFAULT-VALUE}.")
    int maxRetries;

    @Option(names = "--rollback", description = PublishVersionRequest.ROLLBACK_MEANING)
    boolean rollback;

    @Option(
            names = "--wait-for-ready",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Wait for readiness before publishing (default). --no-wait-for-ready publishes at once.")
    boolean waitForReady = true;

    @Mixin
    WaitOptions wait;

    @Override
    WaitHistory waitHistory() {
        return wait.history(context);
    }

    PublishVersionCommand(CliContext context) {
        super(context);
    }

    @Override
    DeployOperation prepare() {
        PublishVersionRequest request = PublishVersionRequest.builder()
                .functionName(function.functionName)
                .description(description)
                .codeSha256(codeSha256)
                .revisionId(revisionId)
                .maxRetries(maxRetries)
                .rollback(rollback)
                .waitForReady(waitForReady)
                .waitSettings(wait.settings())
                .build();
        return deployer -> deployer.publishVersion(request);
    }
}
