package dev.lambdadeploy.cli;

import dev.lambdadeploy.engine.Durations;
import dev.lambdadeploy.engine.LambdaDeployException;
import dev.lambdadeploy.engine.LambdaDeployer;
import dev.lambdadeploy.engine.aws.ClientSettings;
import dev.lambdadeploy.engine.aws.LambdaClients;
import dev.lambdadeploy.engine.log.DeployLog;
import dev.lambdadeploy.engine.wait.FixedWaitPolicy;
import dev.lambdadeploy.simulator.Fault;
import dev.lambdadeploy.simulator.FunctionView;
import dev.lambdadeploy.simulator.LambdaSimulator;
import dev.lambdadeploy.simulator.SimulatorControl;
import dev.lambdadeploy.simulator.SimulatorCredentials;
import dev.lambdadeploy.simulator.StateSnapshot;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * A whole deploy against an embedded simulator, with no AWS account: the {@code deploy} command itself runs,
 * parsed from a command line, so what it prints is exactly what a real deploy prints.
 */
@Command(
        name = "demo",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Runs a whole deploy against an embedded Lambda simulator, with no AWS account: the function "
                    + "is Pending for a second after creation, each update InProgress for two, and the first publish "
                    + "answered 409. --scenario reproduces the original script's three expected logs instead."
        })
final class DemoCommand implements Callable<Integer>, ConsoleCommand {

    static final String FUNCTION = "lambda-deploy-demo";
    static final String BUCKET = "demo-artifacts";
    static final String KEY = "builds/lambda-deploy-demo-1.0.0.zip";
    static final String ALIAS = "live";
    static final String ALARM = "demo-errors";
    /** Two steps of four seconds, so the demo's shift takes seconds, not the presets' minutes. */
    static final String CANARY_STEPS = "10%:4s,50%:4s";

    /** What the simulated Lambda does, and how the deploy waits for it. */
    enum Scenario {
        /** Pending after creation, InProgress during the update, one 409 on the first PublishVersion. */
        REALISTIC("realistic"),
        /** The original script's "Successful Deployment": ready at the first poll. */
        NORMAL("normal"),
        /** The original script's "Deployment with Wait": Pending/InProgress, Active/InProgress, then Successful. */
        WITH_WAIT("with-wait"),
        /** The original script's "Timeout Scenario": InProgress for all 30 polls, then publish anyway; still exit 0. */
        TIMEOUT("timeout"),
        /** Then alias live shifts from version 1 to the new version in two steps, alarm demo-errors quiet: complete. */
        CANARY("canary"),
        /** As canary, but alarm demo-errors fires during the second step: all traffic back on version 1, exit 1. */
        CANARY_ROLLBACK("canary-rollback");

        final String label;

        Scenario(String label) {
            this.label = label;
        }

        static final class Converter implements ITypeConverter<Scenario> {
            @Override
            public Scenario convert(String value) {
                for (Scenario s : values()) {
                    if (s.label.equalsIgnoreCase(value.trim())) {
                        return s;
                    }
                }
                throw new TypeConversionException("'" + value
                        + "' is not one of realistic, normal, with-wait, timeout, canary, " + "canary-rollback");
            }
        }

        static final class Candidates extends ArrayList<String> {
            private static final long serialVersionUID = 1L;

            Candidates() {
                for (Scenario s : values()) {
                    add(s.label);
                }
            }
        }
    }

    /** The original script's timeout log: 30 polls of the fixed policy. Short polls keep the demo short. */
    static final Duration TIMEOUT_POLL_INTERVAL = Duration.ofMillis(100);

    static final Duration WITH_WAIT_POLL_INTERVAL = Duration.ofMillis(500);

    private final CliContext context;
    private @Nullable Console console;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--scenario",
            paramLabel = "SCENARIO",
            defaultValue = "realistic",
            converter = Scenario.Converter.class,
            completionCandidates = Scenario.Candidates.class,
            description =
                    "realistic (default), or one of the original script's expected logs: normal, with-wait, timeout; "
                            + "or canary (the deploy then shifts alias live gradually) and canary-rollback (an alarm "
                            + "fires during the shift: all traffic back on the previous version).")
    Scenario scenario = Scenario.REALISTIC;

    @Option(
            names = "--speed",
            paramLabel = "FACTOR",
            defaultValue = "1",
            description =
                    "Run FACTOR times faster: every simulated delay, poll interval and retry backoff divided by it. Default: ${DEFAULT-VALUE}.")
    double speed = 1;

    @Mixin
    OutputOptions output;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!(speed > 0 && speed <= 1000)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Invalid value for option '--speed': " + speed + " is not a factor between 0 and 1000");
        }
        try (LambdaSimulator simulator = LambdaSimulator.builder()
                .port(0)
                .clock(context.clock())
                .quotas(true)
                .defaultCreateDuration(scaled(Duration.ofSeconds(1)))
                .defaultUpdateDuration(scaled(Duration.ofSeconds(2)))
                .start()) {
            CliContext simulated = context.withEnv(Map.of(
                    "AWS_ACCESS_KEY_ID",
                    SimulatorCredentials.ACCESS_KEY_ID,
                    "AWS_SECRET_ACCESS_KEY",
                    SimulatorCredentials.SECRET_ACCESS_KEY,
                    "AWS_SESSION_TOKEN",
                    "",
                    "AWS_REGION",
                    simulator.region(),
                    // a demo's simulated function has no place in the user's wait history, and every run waits alike
                    WaitOptions.NO_WAIT_HISTORY_ENV,
                    "1"));
            Console log = console();
            log.note("[demo] Simulated Lambda at " + simulator.endpoint()
                    + ": no AWS account, nothing leaves this machine.");
            createFunction(simulator, simulated, log);
            List<String> waitArgs = prepare(simulator.control());
            String description =
                    "demo: 1.0.0 | 0c0ffee | " + context.clock().instant().truncatedTo(ChronoUnit.SECONDS);
            List<String> args = new ArrayList<>(List.of(
                    "deploy",
                    "--function-name",
                    FUNCTION,
                    "--s3-bucket",
                    BUCKET,
                    "--s3-key",
                    KEY,
                    "--description",
                    description,
                    "--endpoint-url",
                    simulator.endpoint().toString()));
            args.addAll(waitArgs);
            if (output.format != ResultWriter.Format.text) {
                args.addAll(List.of("--output", output.format.name()));
            }
            if (output.plain) {
                args.add("--plain");
            }
            log.note("[demo] " + explain());
            log.note("[demo] $ lambda-deploy " + shellWords(args));
            if (speed != 1) {
                simulated = simulated.withTime(
                        context.clock(),
                        context.sleeper(),
                        BackoffStrategy.exponentialDelayHalfJitter(
                                scaled(Duration.ofSeconds(1)), scaled(Duration.ofSeconds(10))));
            }
            return LambdaDeployCli.commandLine(simulated).execute(args.toArray(String[]::new));
        } finally {
            console().close();
        }
    }

    /**
     * Loads the AWS SDK with one GetFunction of a function that does not exist, so that the deploy that follows,
     * and the timing of its polls, is not slowed by the JVM warming up; then creates the demo's function.
     */
    private void createFunction(LambdaSimulator simulator, CliContext simulated, Console log) {
        ClientSettings settings = new ConnectionOptions()
                .settings(simulated.withEnv(
                        Map.of("AWS_ENDPOINT_URL_LAMBDA", simulator.endpoint().toString())));
        try (LambdaClients clients = new LambdaClients();
                LambdaClients.Session session = clients.open(settings)) {
            LambdaDeployer.create(session.lambda(), DeployLog.silent())
                    .probe(FUNCTION + "-warm-up", null)
                    .probe();
        } catch (LambdaDeployException expected) {
            // ResourceNotFoundException: the SDK is loaded
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Duration pending = scenario == Scenario.REALISTIC ? scaled(Duration.ofSeconds(1)) : Duration.ZERO;
        simulator.control().createFunction(FUNCTION, pending);
        FunctionView created = simulator.control().inspect(FUNCTION);
        log.note("[demo] Function " + FUNCTION + " created: State " + created.state()
                + (pending.isZero() ? "" : " for " + Durations.seconds(pending)) + ".");
        if (canary()) {
            try (LambdaClients clients = new LambdaClients();
                    LambdaClients.Session session = clients.open(settings)) {
                session.lambda().publishVersion(b -> b.functionName(FUNCTION).description("demo: 0.9.0"));
                session.lambda()
                        .createAlias(b -> b.functionName(FUNCTION).name(ALIAS).functionVersion("1"));
            }
            simulator.control().createAlarm(ALARM);
            simulator.control().alarmStateAt(ALARM, Duration.ZERO, "OK", "Threshold Crossed: 0 errors");
            log.note("[demo] Version 1 published; alias " + ALIAS + " routes all traffic to it; alarm " + ALARM
                    + " is OK.");
        }
    }

    /** Sets the simulated function up for the scenario; returns the deploy's wait options. */
    private List<String> prepare(SimulatorControl control) {
        switch (scenario) {
            case REALISTIC -> {
                control.updateDuration(FUNCTION, scaled(Duration.ofSeconds(2)));
                control.inject("PublishVersion", Fault.status(409, "ResourceConflictException", 1));
                return speed == 1 ? List.of() : List.of("--poll-interval", seconds(scaled(Duration.ofSeconds(2))));
            }
            case NORMAL -> {
                control.updateDuration(FUNCTION, Duration.ZERO);
                return List.of();
            }
            case WITH_WAIT -> {
                Duration interval = scaled(WITH_WAIT_POLL_INTERVAL);
                // done before the third poll; the first two answers are the original script's
                control.updateDuration(FUNCTION, interval);
                control.scriptStates(
                        FUNCTION,
                        List.of(StateSnapshot.of("Pending", "InProgress"), StateSnapshot.of("Active", "InProgress")));
                return List.of("--wait-policy", FixedWaitPolicy.NAME, "--poll-interval", seconds(interval));
            }
            case TIMEOUT -> {
                control.updateDuration(FUNCTION, Duration.ZERO);
                // Lambda keeps reporting InProgress for every poll, though it would already accept a publish
                control.scriptStates(FUNCTION, Collections.nCopies(30, StateSnapshot.of("Active", "InProgress")));
                return List.of(
                        "--wait-policy",
                        FixedWaitPolicy.NAME,
                        "--poll-interval",
                        seconds(scaled(TIMEOUT_POLL_INTERVAL)),
                        "--max-wait-attempts",
                        "30");
            }
            case CANARY, CANARY_ROLLBACK -> {
                control.updateDuration(FUNCTION, Duration.ZERO);
                if (scenario == Scenario.CANARY_ROLLBACK) {
                    // the shift starts within a second or two; its second step runs from 4 s to 8 s after it starts
                    control.alarmStateAt(ALARM, Duration.ofSeconds(6), "ALARM", "Threshold Crossed: 5xx above 1 %");
                }
                return List.of(
                        "--alias", ALIAS, "--shift", CANARY_STEPS, "--alarms", ALARM, "--alarm-poll-interval", "1");
            }
            default -> throw new IllegalStateException("unknown scenario " + scenario);
        }
    }

    private boolean canary() {
        return scenario == Scenario.CANARY || scenario == Scenario.CANARY_ROLLBACK;
    }

    private String explain() {
        return switch (scenario) {
            case REALISTIC ->
                "Each code update stays InProgress for " + Durations.seconds(scaled(Duration.ofSeconds(2)))
                        + "; the first PublishVersion is answered 409 (ResourceConflictException).";
            case NORMAL ->
                "Scenario normal, the original script's \"Successful Deployment\": the update finishes at once.";
            case WITH_WAIT ->
                "Scenario with-wait, the original script's \"Deployment with Wait\": Pending, then InProgress, then Successful.";
            case TIMEOUT ->
                "Scenario timeout, the original script's \"Timeout Scenario\": Lambda reports InProgress for all 30 polls; "
                        + "the deploy warns and publishes anyway.";
            case CANARY ->
                "Scenario canary: after the deploy, alias " + ALIAS + " shifts to the new version (" + CANARY_STEPS
                        + "), alarm " + ALARM + " read every second; it stays OK and the shift completes.";
            case CANARY_ROLLBACK ->
                "Scenario canary-rollback: as canary, but alarm " + ALARM + " fires during the second step; all "
                        + "traffic goes back to version 1 and the deploy exits 1.";
        };
    }

    private Duration scaled(Duration d) {
        return speed == 1 ? d : Duration.ofNanos(Math.round(d.toNanos() / speed));
    }

    private static String seconds(Duration d) {
        return java.math.BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString();
    }

    private static String shellWords(List<String> args) {
        StringBuilder line = new StringBuilder();
        for (String a : args) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(a.matches("[\\w@%+=:,./-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return line.toString();
    }

    @Override
    public synchronized Console console() {
        if (console == null) {
            // no progress line of its own: the deploy it runs shows one
            console = new Console(context.err(), output.style(), context.githubActions(), false);
        }
        return console;
    }
}
