package dev.lambdadeploy.cli;

import dev.lambdadeploy.engine.log.LogStyle;
import dev.lambdadeploy.simulator.LambdaSimulator;
import dev.lambdadeploy.simulator.ScenarioArgs;
import dev.lambdadeploy.simulator.SimulatorControl;
import dev.lambdadeploy.simulator.SimulatorCredentials;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "simulator",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Runs the Lambda control-plane simulator on 127.0.0.1 until stopped (Ctrl-C). It speaks the real "
                    + "Lambda REST API, so this CLI, the AWS CLI and SDKs talk to it through an endpoint override."
        })
final class SimulatorCommand implements Callable<Integer>, ConsoleCommand {

    private final CliContext context;
    private @Nullable Console console;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "4566",
            description = "Port on 127.0.0.1; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(
            names = "--update-duration",
            paramLabel = "SECONDS",
            defaultValue = "1",
            converter = DurationConverter.class,
            description =
                    "How long each code update stays InProgress (1.5, 500ms, 2s). Default: ${DEFAULT-VALUE} s, a zip without VPC.")
    Duration updateDuration;

    @Option(
            names = "--create-duration",
            paramLabel = "SECONDS",
            defaultValue = "1",
            converter = DurationConverter.class,
            description = "How long a new function stays Pending. Default: ${DEFAULT-VALUE} s.")
    Duration createDuration;

    @Option(
            names = "--no-quotas",
            negatable = false,
            description = "Do not enforce Lambda's request quotas (GetFunction 100/s, other calls 15/s shared).")
    boolean noQuotas;

    @Option(
            names = "--function",
            paramLabel = "NAME",
            description = "Create this function at start (repeatable); CreateFunction over the API works too.")
    List<String> functions = new ArrayList<>();

    @Option(
            names = "--fault",
            paramLabel = "OP:KIND[*N]",
            description = {
                "Misbehave on the next N (default 1) calls of an operation (repeatable; faults of one "
                        + "operation are served in order). KIND: status:CODE[:ErrorType] (e.g. status:500, "
                        + "status:409:ResourceConflictException), throttle (429 with Retry-After), reset (close the "
                        + "connection unanswered), delay:DURATION (answer late, e.g. delay:3s), concurrent-update "
                        + "(another actor updates the function's code just before the call is served).",
                "Examples: --fault UpdateFunctionCode:throttle*5  --fault PublishVersion:status:500*2  "
                        + "--fault GetFunction:delay:3s  --fault PublishVersion:concurrent-update"
            })
    List<String> faults = new ArrayList<>();

    @Option(
            names = "--states",
            paramLabel = "FN=STATE[/STATUS[:REASON]],...",
            description = "The next GetFunction answers for a function, in order (repeatable), then the modelled "
                    + "state again. E.g. --states my-fn=Pending,Active/InProgress,Active/Failed:EniLimitExceeded")
    List<String> states = new ArrayList<>();

    @Option(
            names = "--fail-update",
            paramLabel = "FN[=CODE[:REASON]]",
            description = "The function's next code update ends Failed with this reason (default "
                    + "InvalidZipFileException); the previous code stays live. Repeatable.")
    List<String> failedUpdates = new ArrayList<>();

    SimulatorCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(
                    spec.commandLine(), "Invalid value for option '--port': " + port + " is not a port (0 to 65535)");
        }
        List<Consumer<SimulatorControl>> scenario = scenario();
        try (LambdaSimulator simulator = LambdaSimulator.builder()
                .port(port)
                .clock(context.clock())
                .quotas(!noQuotas)
                .defaultUpdateDuration(updateDuration)
                .defaultCreateDuration(createDuration)
                .start()) {
            for (String function : functions) {
                simulator.control().createFunction(function, createDuration);
            }
            scenario.forEach(s -> s.accept(simulator.control()));
            PrintWriter out = context.out();
            String endpoint = simulator.endpoint().toString();
            out.println("Lambda simulator listening on " + endpoint + " (region " + simulator.region() + ", account "
                    + simulator.accountId() + ")");
            out.println(
                    functions.isEmpty()
                            ? "No functions yet: create some with --function NAME or CreateFunction."
                            : "Functions: " + String.join(", ", functions));
            out.println("It accepts only these credentials:");
            out.println("  export AWS_ACCESS_KEY_ID=" + SimulatorCredentials.ACCESS_KEY_ID);
            out.println("  export AWS_SECRET_ACCESS_KEY=" + SimulatorCredentials.SECRET_ACCESS_KEY);
            out.println("  export AWS_REGION=" + simulator.region());
            out.println("Then, in another shell:");
            out.println("  java -jar lambda-deploy-cli.jar deploy --endpoint-url " + endpoint + " --function-name "
                    + (functions.isEmpty() ? "my-function" : functions.get(0))
                    + " --s3-bucket my-bucket --s3-key app.zip --description \"test: 1.0.0\"");
            if (!scenario.isEmpty()) {
                out.println("Scripted: " + String.join(", ", describeScenario()));
            }
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

    /** Every --fault, --states and --fail-update, checked before the simulator starts: bad ones are bad usage. */
    private List<Consumer<SimulatorControl>> scenario() {
        List<Consumer<SimulatorControl>> scenario = new ArrayList<>();
        try {
            faults.forEach(f -> scenario.add(ScenarioArgs.fault(f)::applyTo));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--fault': " + e.getMessage());
        }
        try {
            states.forEach(s -> scenario.add(ScenarioArgs.states(s)::applyTo));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--states': " + e.getMessage());
        }
        try {
            failedUpdates.forEach(f -> scenario.add(ScenarioArgs.failedUpdate(f)::applyTo));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(
                    spec.commandLine(), "Invalid value for option '--fail-update': " + e.getMessage());
        }
        return scenario;
    }

    private List<String> describeScenario() {
        List<String> items = new ArrayList<>();
        faults.forEach(f -> items.add("--fault " + f));
        states.forEach(s -> items.add("--states " + s));
        failedUpdates.forEach(f -> items.add("--fail-update " + f));
        return items;
    }

    @Override
    public synchronized Console console() {
        if (console == null) {
            console = new Console(context, LogStyle.EMOJI);
        }
        return console;
    }
}
