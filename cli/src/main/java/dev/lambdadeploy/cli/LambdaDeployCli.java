package dev.lambdadeploy.cli;

import dev.lambdadeploy.engine.InvalidParameterException;
import dev.lambdadeploy.engine.LambdaDeployException;
import dev.lambdadeploy.engine.ParameterNames;
import dev.lambdadeploy.engine.log.LogStyle;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code lambda-deploy}: the engine on the command line, for any CI system and for trying the product without AWS.
 * Log lines on stderr, the result on stdout; exit 0 done, 1 failed, 2 bad usage, 130 SIGINT, 143 SIGTERM.
 */
@Command(
        name = "lambda-deploy",
        mixinStandardHelpOptions = true,
        versionProvider = LambdaDeployCli.Version.class,
        description = {
            "Deploys AWS Lambda code without tripping over Lambda's internal state: updates the code, waits "
                    + "until the function is Active and Successful, publishes a version of exactly that code.",
            "Try it without AWS: lambda-deploy demo"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done (also: wait timed out and the version was published anyway, as the original script does; "
                    + "--rollback and the publish failed, with a warning)",
            "1:the operation failed (AWS error, update Failed, code changed underneath, even with --rollback; "
                    + "--fail-on-timeout; the function could not be observed at all)",
            "2:bad usage or bad input, found before any AWS call",
            "130:interrupted by SIGINT (Ctrl-C)",
            "143:terminated by SIGTERM. Either signal ends the CLI within a second: a wait stops at once, an "
                    + "UpdateFunctionCode or PublishVersion on the wire is cut off, and the log says which call it "
                    + "was, that it may still have reached Lambda, and how to check"
        },
        footerHeading = "%nEnvironment:%n",
        footer = {
            "AWS_REGION / AWS_DEFAULT_REGION, AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, "
                    + "AWS_PROFILE, AWS_ENDPOINT_URL(_LAMBDA, _STS for --role-arn) as the AWS CLI reads them. With GITHUB_ACTIONS=true warnings "
                    + "and errors are also written as GitHub workflow commands (annotations)."
        })
public final class LambdaDeployCli implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "Missing subcommand: give one of "
                        + String.join(", ", spec.subcommands().keySet()));
    }

    /** How long the work may take to report after a signal before the CLI exits anyway. */
    static final Duration SIGNAL_GRACE = Duration.ofMillis(800);

    /** The signal that stopped this run, if one did. */
    private static final AtomicReference<Signals.@Nullable Caught> SIGNALLED = new AtomicReference<>();

    static Signals.@Nullable Caught signalled() {
        return SIGNALLED.get();
    }

    public static void main(String[] args) {
        Thread worker = Thread.currentThread();
        CountDownLatch done = new CountDownLatch(1);
        AtomicBoolean shuttingDown = new AtomicBoolean();
        // SIGINT, SIGTERM: say what was on the wire, interrupt the work (which cuts the call off and ends any wait),
        // let it report, and exit 130 / 143 within a second
        Signals.install(caught -> {
            if (!SIGNALLED.compareAndSet(null, caught)) {
                Runtime.getRuntime().halt(caught.exitCode()); // a second signal: at once
            }
            AwsCommand.reportInFlight();
            worker.interrupt();
            try {
                if (!done.await(SIGNAL_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    System.err.flush();
                    Runtime.getRuntime().halt(caught.exitCode());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        // other ways the JVM is asked to stop (SIGHUP): stop the work, let it report, then let the JVM exit
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            if (done.getCount() == 0) {
                                return;
                            }
                            shuttingDown.set(true);
                            worker.interrupt();
                            try {
                                done.await(3, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "lambda-deploy-interrupt"));
        int exitCode;
        try {
            exitCode = commandLine(CliContext.system()).execute(args);
        } finally {
            done.countDown();
        }
        Signals.Caught caught = SIGNALLED.get();
        if (!shuttingDown.get()) {
            System.exit(caught != null ? caught.exitCode() : exitCode);
        }
    }

    /** The whole command tree on {@code context}; {@code execute(args)} returns the exit code. */
    public static CommandLine commandLine(CliContext context) {
        CommandLine cli = new CommandLine(new LambdaDeployCli());
        cli.addSubcommand(new UpdateCodeCommand(context));
        cli.addSubcommand(new AwaitReadyCommand(context));
        cli.addSubcommand(new PublishVersionCommand(context));
        cli.addSubcommand(new DeployCommand(context));
        cli.addSubcommand(new UpdateConfigCommand(context));
        cli.addSubcommand(new CleanupVersionsCommand(context));
        cli.addSubcommand(new UpdateAliasCommand(context));
        cli.addSubcommand(new SimulatorCommand(context));
        cli.addSubcommand(new DemoCommand(context));
        cli.setOut(context.out());
        cli.setErr(context.err());
        cli.setExitCodeExceptionMapper(new ExitCodes());
        cli.setExecutionExceptionHandler(new Failures(context));
        cli.setParameterExceptionHandler(new UsageErrors(context));
        cli.setUsageHelpAutoWidth(context.progress());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    /** A failure while running: the engine's message on stderr, no stack trace; the exit code from {@link ExitCodes}. */
    static final class Failures implements IExecutionExceptionHandler {
        private final CliContext context;

        Failures(CliContext context) {
            this.context = context;
        }

        @Override
        public int handleExecutionException(Exception exception, CommandLine command, ParseResult parseResult) {
            Object user = command.getCommandSpec().userObject();
            Console console = user instanceof ConsoleCommand c ? c.console() : new Console(context, LogStyle.EMOJI);
            if (exception instanceof InvalidParameterException invalid) {
                console.failure(invalid.render(ParameterNames.CLI));
                console.note("Run '" + command.getCommandSpec().qualifiedName() + " --help' for its options.");
            } else if (ExitCodes.isInterruption(exception)) {
                Signals.Caught caught = signalled();
                console.failure((caught != null
                                ? "Stopped by " + caught.name() + " (exit " + caught.exitCode() + ")"
                                : "Interrupted")
                        + " before finishing. A code update Lambda already accepted goes on.");
            } else if (exception instanceof LambdaDeployException failure) {
                console.failure(failure.render(ParameterNames.CLI));
            } else {
                console.failure(describeUnexpected(exception));
                if (context.env().containsKey("LAMBDA_DEPLOY_DEBUG")) {
                    exception.printStackTrace(context.err());
                }
            }
            console.close();
            return command.getExitCodeExceptionMapper().getExitCode(exception);
        }

        private static String describeUnexpected(Throwable exception) {
            StringBuilder text = new StringBuilder(
                    exception.getMessage() != null
                            ? exception.getMessage()
                            : exception.getClass().getSimpleName());
            for (Throwable cause = exception.getCause();
                    cause != null && cause != cause.getCause();
                    cause = cause.getCause()) {
                if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                    text.append(": ").append(cause.getMessage());
                }
            }
            return text.toString();
        }
    }

    /** Bad usage: picocli's message, suggestions for a misspelt option, where to find help; exit 2. */
    static final class UsageErrors implements IParameterExceptionHandler {
        private final CliContext context;

        UsageErrors(CliContext context) {
            this.context = context;
        }

        @Override
        public int handleParseException(ParameterException refused, String[] args) {
            CommandLine command = refused.getCommandLine();
            ParseResult parsed = command.getParseResult();
            // picocli checks required options before unknown ones: a misspelt --function-name would otherwise be
            // reported as missing, without the suggestion of its right spelling
            ParameterException exception = refused instanceof MissingParameterException
                            && parsed != null
                            && !parsed.unmatched().isEmpty()
                    ? new UnmatchedArgumentException(command, parsed.unmatched())
                    : refused;
            LogStyle style = Arrays.asList(args).contains("--plain") ? LogStyle.PLAIN : LogStyle.EMOJI;
            Console console = new Console(context.err(), style, context.githubActions(), false);
            console.failure(CodeOptions.engineMessage(exception).orElse(exception.getMessage()));
            if (!UnmatchedArgumentException.printSuggestions(exception, context.err())) {
                context.err().flush();
            }
            console.note("Run '" + command.getCommandSpec().qualifiedName() + " --help' for its options.");
            console.close();
            return command.getExitCodeExceptionMapper() != null
                    ? command.getExitCodeExceptionMapper().getExitCode(exception)
                    : command.getCommandSpec().exitCodeOnInvalidInput();
        }
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = LambdaDeployCli.class.getPackage().getImplementationVersion();
            return new String[] {"lambda-deploy " + (version != null ? version : "(development build)")};
        }
    }
}
