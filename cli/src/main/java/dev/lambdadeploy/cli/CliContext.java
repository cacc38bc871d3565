package dev.lambdadeploy.cli;

import dev.lambdadeploy.engine.LambdaDeployer;
import dev.lambdadeploy.engine.aws.ClientSettings;
import dev.lambdadeploy.engine.wait.Sleeper;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * What a CLI run talks to: its streams, its environment, time, and how clients are tuned. {@link #system()} is
 * the real process; tests pass captured streams, a made-up environment and a manual clock.
 *
 * @param out where results go (stdout)
 * @param err where the engine's log, warnings and errors go (stderr)
 * @param env the environment variables the CLI reads (region, credentials, GITHUB_ACTIONS)
 * @param progress whether to show a live progress line on {@code err}: a terminal, never CI
 * @param clock the engine's clock
 * @param sleeper how the engine passes time between polls and retries
 * @param backoff between PublishVersion retries
 * @param clientTuning last changes to the client settings, e.g. no SDK backoff in tests
 */
public record CliContext(
        PrintWriter out,
        PrintWriter err,
        Map<String, String> env,
        boolean progress,
        InstantSource clock,
        Sleeper sleeper,
        BackoffStrategy backoff,
        UnaryOperator<ClientSettings.Builder> clientTuning) {

    /** Variables CI systems set; a progress line with carriage returns only garbles their logs. */
    static final List<String> CI_VARIABLES = List.of(
            "CI",
            "GITHUB_ACTIONS",
            "JENKINS_URL",
            "BUILD_ID",
            "GITLAB_CI",
            "TF_BUILD",
            "BUILDKITE",
            "CIRCLECI",
            "TEAMCITY_VERSION",
            "CODEBUILD_BUILD_ID",
            "BITBUCKET_BUILD_NUMBER");

    public CliContext {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        env = Map.copyOf(env);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(clientTuning, "clientTuning");
    }

    /** The real process: stdout, stderr, its environment, real time. */
    public static CliContext system() {
        Charset charset = outputCharset(Charset.defaultCharset());
        Map<String, String> env = System.getenv();
        return new CliContext(
                new PrintWriter(System.out, true, charset),
                new PrintWriter(System.err, true, charset),
                env,
                isTerminal() && !isCi(env),
                InstantSource.system(),
                Sleeper.system(),
                LambdaDeployer.DEFAULT_BACKOFF,
                UnaryOperator.identity());
    }

    /**
     * The platform's charset, unless it cannot show the log's emoji (a C or POSIX locale, common on CI agents,
     * whose log viewers read UTF-8): then UTF-8. {@code --plain} avoids emoji altogether.
     */
    static Charset outputCharset(Charset platform) {
        return platform.newEncoder().canEncode("✅⚠️🔄") ? platform : StandardCharsets.UTF_8;
    }

    /** The same context with other environment variables, e.g. the demo's simulator credentials. */
    public CliContext withEnv(Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>(env);
        merged.putAll(overrides);
        return new CliContext(out, err, merged, progress, clock, sleeper, backoff, clientTuning);
    }

    /** The same context on another clock, sleeper and backoff, e.g. the demo's real time in a test. */
    public CliContext withTime(InstantSource clock, Sleeper sleeper, BackoffStrategy backoff) {
        return new CliContext(out, err, env, progress, clock, sleeper, backoff, clientTuning);
    }

    boolean githubActions() {
        return "true".equalsIgnoreCase(env.getOrDefault("GITHUB_ACTIONS", ""));
    }

    static boolean isCi(Map<String, String> env) {
        return CI_VARIABLES.stream().anyMatch(name -> {
            String value = env.get(name);
            return value != null && !value.isBlank() && !"false".equalsIgnoreCase(value.trim());
        });
    }

    /** A console on a terminal; on Java 22+ {@code System.console()} exists even when redirected, so ask it. */
    static boolean isTerminal() {
        var console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = console.getClass().getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true; // Java 17-21: a console exists only on a terminal
        }
    }
}
