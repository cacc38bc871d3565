package dev.lambdadeploy.cli;

import dev.lambdadeploy.engine.AliasRequest;
import dev.lambdadeploy.engine.DeployOperation;
import dev.lambdadeploy.engine.InvalidParameterException;
import dev.lambdadeploy.engine.Parameter;
import dev.lambdadeploy.engine.PublishVersionRequest;
import dev.lambdadeploy.engine.UpdateCodeRequest;
import dev.lambdadeploy.engine.UpdateConfigurationRequest;
import dev.lambdadeploy.engine.wait.WaitHistory;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "deploy",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "The original script's whole flow: update the code, wait until the function is ready, publish a version "
                    + "of exactly that code with a description. With --rollback a failed publish only warns; a changed "
                    + "function or a Failed update still exits 1. With configuration options (--memory-size, --env, ...) "
                    + "the configuration is changed first and waited for; with --alias the version published is then "
                    + "pointed at, or shifted to with --shift and --alarms."
        })
final class DeployCommand extends AwsCommand {

    @ArgGroup(exclusive = true, multiplicity = "1", heading = CodeOptions.HEADING)
    CodeOptions code;

    @Option(
            names = "--description",
            paramLabel = "TEXT",
            description = "Version description (at most 256 characters), e.g. \"prod: 1.2.3 | abc123 | 2026-11-27\".")
    @Nullable
    String description;

    @Option(names = "--architectures", paramLabel = "ARCH", split = ",", description = "x86_64 or arm64.")
    @Nullable
    List<String> architectures;

    @Option(
            names = "--dry-run",
            description = "Only validate the code with Lambda (DryRun); change and publish nothing.")
    boolean dryRun;

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
            description = "Retries of a 409 on update and of a failed publish. Default: ${DEFAULT-VALUE}.")
    int maxRetries;

    @Option(names = "--rollback", description = PublishVersionRequest.ROLLBACK_MEANING)
    boolean rollback;

    @Mixin
    WaitOptions wait;

    @Override
    WaitHistory waitHistory() {
        return wait.history(context);
    }

    @Mixin
    AliasOptions alias;

    @Mixin
    ConfigurationOptions configuration;

    DeployCommand(CliContext context) {
        super(context);
    }

    /** The original script's whole flow; with --alias, the version published is then pointed at, or shifted to. */
    @Override
    DeployOperation prepare() {
        UpdateCodeRequest update = UpdateCodeRequest.builder()
                .functionName(function.functionName)
                .code(code.codeSource())
                .architectures(architectures)
                .dryRun(dryRun)
                .revisionId(revisionId)
                .maxRetries(maxRetries)
                .waitSettings(wait.settings())
                .build();
        PublishVersionRequest publish = PublishVersionRequest.builder()
                .functionName(update.functionName())
                .description(description)
                .maxRetries(maxRetries)
                .rollback(rollback)
                .waitSettings(wait.settings())
                .build();
        UpdateConfigurationRequest config = configuration.any()
                ? UpdateConfigurationRequest.builder()
                        .functionName(update.functionName())
                        .settings(configuration.settings(null))
                        .environmentMode(configuration.environmentMode)
                        .maxRetries(maxRetries)
                        .waitSettings(wait.settings())
                        .dryRun(dryRun)
                        .build()
                : null;
        if (alias.alias == null && alias.anyShiftOption()) {
            throw new InvalidParameterException(Parameter.ALIAS, "is required with the alias options");
        }
        AliasRequest request = alias.alias == null ? null : alias.request(update.functionName(), null);
        return deployer -> deployer.deploy(update, config, publish, request);
    }
}
