package dev.lambdadeploy.cli;

import dev.lambdadeploy.engine.LambdaDeployer;
import dev.lambdadeploy.engine.LambdaResult;
import dev.lambdadeploy.engine.aws.ClientSettings;
import dev.lambdadeploy.engine.aws.LambdaClients;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;

/**
 * The shape of every command that talks to Lambda: validate all input (the engine's checks), connect, run one
 * engine operation with the engine's log on stderr, print the engine's result on stdout.
 */
abstract class AwsCommand implements Callable<Integer>, ConsoleCommand {

    /** One engine operation on prepared, validated requests. */
    @FunctionalInterface
    interface Operation {
        LambdaResult run(LambdaDeployer deployer) throws InterruptedException;
    }

    final CliContext context;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    private @Nullable Console console;

    AwsCommand(CliContext context) {
        this.context = context;
    }

    /** Builds and validates the requests; throws the engine's InvalidParameterException before any AWS call. */
    abstract Operation prepare();

    @Override
    public Integer call() throws InterruptedException {
        Operation operation = prepare();
        ClientSettings settings = connection.settings(context);
        try (Console log = console();
                LambdaClients clients = new LambdaClients();
                LambdaClients.Session session = clients.open(settings)) {
            LambdaDeployer deployer = new LambdaDeployer(session.lambda(), context.clock(), context.sleeper(),
                    log.deployLog(), context.backoff());
            LambdaResult result = operation.run(deployer);
            context.out().print(ResultWriter.render(result.toMap(), output.format));
            context.out().flush();
            return ExitCodes.OK;
        }
    }

    @Override
    public synchronized Console console() {
        if (console == null) {
            console = new Console(context, output.style());
        }
        return console;
    }
}
