package dev.lambdadeploy.cli;

import dev.lambdadeploy.engine.AliasRequest;
import dev.lambdadeploy.engine.DeployOperation;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "update-alias",
        sortOptions = false,
        description = {
            "Points an alias at a published version: at once (pinned to the alias's RevisionId), or with --shift "
                    + "gradually, reading --alarms before every step; an alarm in ALARM puts all traffic back on the "
                    + "previous version (exit 1, or 0 with a warning under --on-alarm unstable). Ctrl-C during a "
                    + "shift puts all traffic back on the previous version before the CLI exits."
        })
final class UpdateAliasCommand extends AwsCommand {

    /** No standard --version option here: --version is the version the alias points at. */
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;

    @Option(
            names = "--version",
            required = true,
            paramLabel = "VERSION",
            description = "The published version to point the alias at, e.g. 7.")
    @Nullable
    String version;

    @Mixin
    AliasOptions alias;

    UpdateAliasCommand(CliContext context) {
        super(context);
    }

    @Override
    DeployOperation prepare() {
        AliasRequest request = alias.request(function.functionName, version);
        return deployer -> deployer.updateAlias(request);
    }
}
