package dev.lambdadeploy.cli;

import dev.lambdadeploy.engine.AwaitReadyRequest;
import dev.lambdadeploy.engine.DeployOperation;
import dev.lambdadeploy.engine.wait.WaitHistory;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "await-ready",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Waits until the function (or a version or alias) is Active with its last update Successful. "
                    + "A Failed update fails at once with its reason; a timeout warns (exit 0) unless --fail-on-timeout."
        })
final class AwaitReadyCommand extends AwsCommand {

    @Option(
            names = "--qualifier",
            paramLabel = "QUALIFIER",
            description =
                    "A version or alias; default $LATEST. --function-name may name one instead (my-function:prod).")
    @Nullable
    String qualifier;

    @Mixin
    WaitOptions wait;

    @Override
    WaitHistory waitHistory() {
        return wait.history(context);
    }

    AwaitReadyCommand(CliContext context) {
        super(context);
    }

    @Override
    DeployOperation prepare() {
        AwaitReadyRequest request = AwaitReadyRequest.of(function.functionName, qualifier, wait.settings());
        return deployer -> deployer.awaitReady(request);
    }
}
