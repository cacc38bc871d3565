package dev.lambdadeploy.cli;

import dev.lambdadeploy.engine.log.LogStyle;
import dev.lambdadeploy.simulator.LambdaSimulator;
import dev.lambdadeploy.simulator.SimulatorCredentials;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "simulator", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Runs the Lambda control-plane simulator on 127.0.0.1 until stopped (Ctrl-C). It speaks the real "
                + "Lambda REST API, so this CLI, the AWS CLI and SDKs talk to it through an endpoint override."})
final class SimulatorCommand implements Callable<Integer>, ConsoleCommand {

    private final CliContext context;
    private @Nullable Console console;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "4566",
            description = "Port on 127.0.0.1; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--update-duration", paramLabel = "SECONDS", defaultValue = "1", converter = DurationConverter.class,
            description = "How long each code update stays InProgress (1.5, 500ms, 2s). Default: ${DEFAULT-VALUE} s, a zip without VPC.")
    Duration updateDuration;

    @Option(names = "--create-duration", paramLabel = "SECONDS", defaultValue = "1", converter = DurationConverter.class,
            description = "How long a new function stays Pending. Default: ${DEFAULT-VALUE} s.")
    Duration createDuration;

    @Option(names = "--no-quotas", negatable = false,
            description = "Do not enforce Lambda's request quotas (GetFunction 100/s, other calls 15/s shared).")
    boolean noQuotas;

    @Option(names = "--function", paramLabel = "NAME",
            description = "Create this function at start (repeatable); CreateFunction over the API works too.")
    List<String> functions = new ArrayList<>();

    SimulatorCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--port': " + port + " is not a port (0 to 65535)");
        }
        try (LambdaSimulator simulator = LambdaSimulator.builder().port(port).clock(context.clock()).quotas(!noQuotas)
                .defaultUpdateDuration(updateDuration).defaultCreateDuration(createDuration).start()) {
            for (String function : functions) {
                simulator.control().createFunction(function, createDuration);
            }
            PrintWriter out = context.out();
            String endpoint = simulator.endpoint().toString();
            out.println("Lambda simulator listening on " + endpoint + " (region " + simulator.region() + ", account "
                    + simulator.accountId() + ")");
            out.println(functions.isEmpty() ? "No functions yet: create some with --function NAME or CreateFunction."
                    : "Functions: " + String.join(", ", functions));
            out.println("It accepts only these credentials:");
            out.println("  export AWS_ACCESS_KEY_ID=" + SimulatorCredentials.ACCESS_KEY_ID);
            out.println("  export AWS_SECRET_ACCESS_KEY=" + SimulatorCredentials.SECRET_ACCESS_KEY);
            out.println("  export AWS_REGION=" + simulator.region());
            out.println("Then, in another shell:");
            out.println("  java -jar lambda-deploy-cli.jar deploy --endpoint-url " + endpoint + " --function-name "
                    + (functions.isEmpty() ? "my-function" : functions.get(0))
                    + " --s3-bucket my-bucket --s3-key app.zip --description \"test: 1.0.0\"");
            out.println("Press Ctrl-C to stop.");
            out.flush();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                console().note("Lambda simulator stopped.");
            }
            return ExitCodes.INTERRUPTED; // only an interrupt (Ctrl-C) ends it
        }
    }

    @Override
    public synchronized Console console() {
        if (console == null) {
            console = new Console(context, LogStyle.EMOJI);
        }
        return console;
    }
}
