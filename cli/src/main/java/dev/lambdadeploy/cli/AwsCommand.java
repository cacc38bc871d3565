package dev.lambdadeploy.cli;

import dev.lambdadeploy.engine.DeployOperation;
import dev.lambdadeploy.engine.LambdaDeployer;
import dev.lambdadeploy.engine.aws.AwsCalls;
import dev.lambdadeploy.engine.aws.ClientSettings;
import dev.lambdadeploy.engine.aws.LambdaClients;
import dev.lambdadeploy.engine.log.DeployLog;
import dev.lambdadeploy.engine.wait.WaitHistory;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;

/**
 * The shape of every command that talks to Lambda: validate all input (the engine's checks), connect, run one
 * engine operation with the engine's log on stderr, print the engine's result on stdout.
 */
abstract class AwsCommand implements Callable<Integer>, ConsoleCommand {

    /** The operation this process runs now, for a signal to report what is on the wire. */
    private static final AtomicReference<@Nullable Running> RUNNING = new AtomicReference<>();

    private record Running(LambdaDeployer deployer, DeployLog log) {}

    final CliContext context;

    @Mixin
    FunctionNameOption function;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    private @Nullable Console console;

    AwsCommand(CliContext context) {
        this.context = context;
    }

    /** Where the history wait policy keeps update durations; none unless the command waits ({@link WaitOptions}). */
    WaitHistory waitHistory() {
        return WaitHistory.NONE;
    }

    /**
     * Builds and validates the requests, throwing the engine's InvalidParameterException before any AWS call; the
     * operation's result is printed as its fields.
     */
    abstract DeployOperation prepare();

    @Override
    public Integer call() throws InterruptedException {
        DeployOperation operation = prepare();
        ClientSettings settings = connection.settings(context);
        try (Console log = console();
                LambdaClients clients = new LambdaClients();
                LambdaClients.Session session = clients.open(settings)) {
            LambdaDeployer deployer = new LambdaDeployer(
                            session.lambda(),
                            context.clock(),
                            context.sleeper(),
                            log.deployLog(),
                            context.backoff(),
                            AwsCalls.SLOW_CALL_AFTER,
                            waitHistory())
                    .withCloudWatch(session.cloudWatch());
            Running running = new Running(deployer, log.deployLog());
            RUNNING.set(running);
            Map<String, ?> result;
            try {
                result = operation.run(deployer).toMap();
            } finally {
                RUNNING.compareAndSet(running, null);
            }
            context.out().print(ResultWriter.render(result, output.format));
            context.out().flush();
            return ExitCodes.OK;
        }
    }

    /**
     * Logs the call that changes the function and is on the wire now, if one is: it may reach Lambda even though
     * the CLI stops. Called by a signal before it interrupts the work.
     */
    static void reportInFlight() {
        Running running = RUNNING.get();
        if (running != null) {
            running.deployer().inFlight().ifPresent(call -> running.log().aborted(call.functionName(), call));
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
