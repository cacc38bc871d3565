package dev.lambdadeploy.cli;

import dev.lambdadeploy.engine.wait.Sleeper;
import dev.lambdadeploy.simulator.LambdaSimulator;
import dev.lambdadeploy.simulator.ManualClock;
import dev.lambdadeploy.simulator.SimulatorCredentials;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * The CLI in-process against a simulator on 127.0.0.1. CLI and simulator share a manual clock that only the CLI's
 * sleeper moves, so waits take no real time and every run is deterministic.
 */
final class CliHarness implements AutoCloseable {

    static final String FN = "lambda-deploy-python";

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T00:00:00Z"));
    final LambdaSimulator simulator;
    final Map<String, String> env = new HashMap<>();
    Sleeper sleeper = clock::advance;

    CliHarness(Path home) {
        simulator = LambdaSimulator.builder()
                .port(0)
                .clock(clock)
                .quotas(false)
                .defaultUpdateDuration(Duration.ofSeconds(3))
                .defaultCreateDuration(Duration.ZERO)
                .start();
        env.put("AWS_ACCESS_KEY_ID", SimulatorCredentials.ACCESS_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", SimulatorCredentials.SECRET_ACCESS_KEY);
        env.put("AWS_REGION", simulator.region());
        env.put("HOME", home.toString()); // no real ~/.aws
        env.put("XDG_CACHE_HOME", home.resolve(".cache").toString()); // no real wait history
    }

    /** What one run left behind. */
    record Run(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
        }

        /** The lines of the spec's vocabulary: no detail lines of ours, no demo narration. */
        List<String> specLines() {
            List<String> lines = new ArrayList<>();
            for (String line : errLines()) {
                if (line.startsWith("[demo]")) {
                    continue;
                }
                if (!line.startsWith("  ") || line.startsWith("  Function State:") || line.startsWith("  Waiting...")) {
                    lines.add(line);
                }
            }
            return lines;
        }

        Map<String, String> textResult() {
            Map<String, String> result = new HashMap<>();
            for (String line : out.split("\\R")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    result.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            return result;
        }
    }

    CliContext context(StringWriter out, StringWriter err) {
        return new CliContext(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                env,
                false,
                clock,
                d -> sleeper.sleep(d),
                BackoffStrategy.exponentialDelayWithoutJitter(Duration.ofSeconds(1), Duration.ofSeconds(10)),
                b -> b.limitQuota(false)
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .backoffStrategy(BackoffStrategy.retryImmediately())
                                .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
                                .circuitBreakerEnabled(false)
                                .build()));
    }

    /** Runs the CLI with the simulator's endpoint added. */
    Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (all.size() > 0
                && !all.contains("--endpoint-url")
                && !List.of("demo", "simulator").contains(all.get(0))) {
            all.add("--endpoint-url");
            all.add(simulator.endpoint().toString());
        }
        return runExactly(all.toArray(String[]::new));
    }

    /** Runs the CLI with exactly these arguments. */
    Run runExactly(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LambdaDeployCli.commandLine(context(out, err)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Runs the CLI on the real clock, as a user would, e.g. for the demo. */
    Run runOnRealTime(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = context(out, err)
                .withTime(
                        InstantSource.system(),
                        Sleeper.system(),
                        BackoffStrategy.exponentialDelayWithoutJitter(Duration.ofMillis(100), Duration.ofSeconds(1)));
        int code = LambdaDeployCli.commandLine(context).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    long calls(String operation) {
        return simulator.journal().count(operation);
    }

    @Override
    public void close() {
        simulator.close();
    }

    static byte[] zip(String content) {
        try (var bytes = new ByteArrayOutputStream();
                var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("index.py"));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path writeZip(Path dir, String name, String content) {
        try {
            return Files.write(dir.resolve(name), zip(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
