package dev.lambdadeploy.engine.it;

import dev.lambdadeploy.engine.LambdaDeployer;
import dev.lambdadeploy.engine.RecordingLog;
import dev.lambdadeploy.engine.aws.ClientSettings;
import dev.lambdadeploy.engine.aws.CredentialsSource;
import dev.lambdadeploy.engine.aws.HttpClientFactory;
import dev.lambdadeploy.engine.aws.LambdaClients;
import dev.lambdadeploy.engine.aws.QuotaLimiter;
import dev.lambdadeploy.engine.wait.Sleeper;
import dev.lambdadeploy.simulator.LambdaSimulator;
import dev.lambdadeploy.simulator.ManualClock;
import dev.lambdadeploy.simulator.SimulatorCredentials;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The engine wired to a simulator on 127.0.0.1 through the real SDK. Engine and simulator share one manual
 * clock; the engine's sleeper advances it, so no test waits for real.
 */
final class SimulatedLambda implements AutoCloseable {

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T00:00:00Z"));
    final LambdaSimulator simulator;
    final LambdaClients clients = new LambdaClients(httpClientFactory());
    final LambdaClients.Session session;
    final RecordingLog log = new RecordingLog();
    Sleeper sleeper = clock::advance;

    SimulatedLambda() {
        this(SimulatorCredentials.ACCESS_KEY_ID, SimulatorCredentials.SECRET_ACCESS_KEY, true);
    }

    SimulatedLambda(String accessKeyId, String secretAccessKey) {
        this(accessKeyId, secretAccessKey, true);
    }

    SimulatedLambda(String accessKeyId, String secretAccessKey, boolean sdkRetries) {
        this(accessKeyId, secretAccessKey, sdkRetries, false);
    }

    /**
     * @param sdkRetries whether the SDK retries on its own. The SDK honours Retry-After on a 429 with a real
     *     sleep, so tests of throttling switch its retries off and see the engine's own handling.
     */
    SimulatedLambda(String accessKeyId, String secretAccessKey, boolean sdkRetries, boolean quotaLimiter) {
        simulator = LambdaSimulator.builder()
                .port(0)
                .clock(clock)
                .quotas(false)
                .defaultUpdateDuration(Duration.ofSeconds(3))
                .defaultCreateDuration(Duration.ZERO)
                .start();
        session = clients.open(ClientSettings.builder()
                .region(simulator.region())
                .credentials(new CredentialsSource.StaticKeys(accessKeyId, secretAccessKey, null))
                .endpoint(simulator.endpoint())
                // the SDK's standard retries, without real sleeps between attempts
                .retryStrategy(
                        !sdkRetries
                                ? AwsRetryStrategy.doNotRetry()
                                : AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                        .backoffStrategy(BackoffStrategy.retryImmediately())
                                        .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
                                        .circuitBreakerEnabled(false)
                                        .build())
                .limitQuota(quotaLimiter)
                .quotaLimiter(quotaLimiter ? new QuotaLimiter(clock, clock::advance, 100, 15) : null)
                .build());
    }

    /**
     * The HTTP client the tests talk through: Apache 5 (the CLI's) unless the system property
     * {@code lambdadeploy.test.httpClient} is {@code apache4} (the plugin's; the jenkins-sdk profile sets it).
     */
    static HttpClientFactory httpClientFactory() {
        return "apache4".equals(System.getProperty("lambdadeploy.test.httpClient"))
                ? HttpClientFactory.apache4()
                : HttpClientFactory.apache5();
    }

    LambdaClient lambda() {
        return session.lambda();
    }

    LambdaDeployer deployer() {
        return new LambdaDeployer(
                lambda(),
                clock,
                d -> sleeper.sleep(d),
                log.deployLog(),
                BackoffStrategy.exponentialDelayWithoutJitter(Duration.ofSeconds(1), Duration.ofSeconds(10)));
    }

    long calls(String operation) {
        return simulator.journal().entries().stream()
                .filter(e -> e.operation().equals(operation))
                .count();
    }

    @Override
    public void close() {
        session.close();
        clients.close();
        simulator.close();
    }

    static byte[] zip(String content) {
        try (var bytes = new java.io.ByteArrayOutputStream();
                var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("index.py"));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
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
