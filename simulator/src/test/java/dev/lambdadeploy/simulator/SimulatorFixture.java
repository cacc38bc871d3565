package dev.lambdadeploy.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;

/**
 * A simulator on a manual clock (quotas off unless a test turns them on) and an unmodified SDK client
 * with retries disabled, so every answer reaches the test as sent.
 */
abstract class SimulatorFixture {
    static final Instant START = Instant.parse("2026-11-27T03:00:00Z");
    static final byte[] ZIP_A = "zip-a".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    static final byte[] ZIP_B = "zip-b".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    final ManualClock clock = new ManualClock(START);
    LambdaSimulator sim;
    LambdaClient lambda;

    @BeforeEach
    void startSimulator() {
        sim = configure(LambdaSimulator.builder().clock(clock).quotas(false)).start();
        lambda = client(
                AwsBasicCredentials.create(SimulatorCredentials.ACCESS_KEY_ID, SimulatorCredentials.SECRET_ACCESS_KEY));
    }

    @AfterEach
    void stopSimulator() {
        lambda.close();
        sim.close();
    }

    /**
     * The SDK's Apache 4 HTTP client, the one Jenkins' aws-java-sdk2 plugins ship; passed as a builder, so each
     * client closes its own. Deprecated by the SDK since the Apache 5 client, which older SDKs lack.
     */
    @SuppressWarnings("deprecation")
    static software.amazon.awssdk.http.SdkHttpClient.Builder<?> httpClient() {
        return software.amazon.awssdk.http.apache.ApacheHttpClient.builder();
    }

    /** Subclasses adjust the builder here. */
    LambdaSimulator.Builder configure(LambdaSimulator.Builder b) {
        return b;
    }

    LambdaClient client(AwsCredentials credentials) {
        return client(credentials, c -> c);
    }

    LambdaClient client(
            AwsCredentials credentials,
            UnaryOperator<software.amazon.awssdk.core.client.config.ClientOverrideConfiguration.Builder> override) {
        return LambdaClient.builder()
                .endpointOverride(sim.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClientBuilder(SimulatorFixture.httpClient())
                .overrideConfiguration(c -> override.apply(c.retryStrategy(AwsRetryStrategy.doNotRetry())))
                .build();
    }

    void advance(Duration d) {
        clock.advance(d);
    }

    void advanceSeconds(long s) {
        clock.advance(Duration.ofSeconds(s));
    }

    /** Creates a function over HTTP and lets its creation finish. */
    void createActive(String name) {
        createPending(name);
        advanceSeconds(1);
    }

    void createPending(String name) {
        lambda.createFunction(r -> r.functionName(name)
                .runtime("java17")
                .role("arn:aws:iam::123456789012:role/test")
                .handler("example.Handler::handleRequest")
                .code(FunctionCode.builder()
                        .zipFile(SdkBytes.fromByteArray(ZIP_A))
                        .build()));
    }

    /** A function with versions 1, 2 and 3 of different code. */
    void threeVersions() {
        createActive("f");
        for (int i = 1; i <= 3; i++) {
            if (i > 1) {
                updateCode("f", ("zip-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                advanceSeconds(1);
            }
            lambda.publishVersion(p -> p.functionName("f"));
        }
    }

    UpdateFunctionCodeResponse updateCode(String name, byte[] zip) {
        return lambda.updateFunctionCode(r -> r.functionName(name).zipFile(SdkBytes.fromByteArray(zip)));
    }

    GetFunctionConfigurationResponse config(String name) {
        return lambda.getFunctionConfiguration(r -> r.functionName(name));
    }

    static String sha(byte[] zip) {
        return Formats.sha256Base64(zip);
    }
}
