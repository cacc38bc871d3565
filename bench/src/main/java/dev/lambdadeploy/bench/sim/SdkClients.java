package dev.lambdadeploy.bench.sim;

import dev.lambdadeploy.engine.aws.ClientSettings;
import dev.lambdadeploy.engine.aws.CredentialsSource;
import dev.lambdadeploy.engine.aws.HttpClientFactory;
import dev.lambdadeploy.engine.aws.LambdaClients;
import dev.lambdadeploy.engine.aws.QuotaLimiter;
import dev.lambdadeploy.simulator.LambdaSimulator;
import dev.lambdadeploy.simulator.SimulatorCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The Lambda clients every contender uses, on pooled connections opened once, so connection setup is not what
 * gets measured. Everyone gets the engine's HTTP client (Apache 5, 200 connections): plain clients share one
 * pool, the engine's come from its own {@link LambdaClients} (which adds the quota limiter), also pooled.
 */
public final class SdkClients implements AutoCloseable {

    private final SdkHttpClient http = HttpClientFactory.apache5().create(Optional.empty());
    private final LambdaClients engineClients = new LambdaClients(HttpClientFactory.apache5());
    private final List<SdkAutoCloseable> opened = new ArrayList<>();

    /** A plain SDK client, as a script or an SDK user has it; no client-side quota limiting. */
    public synchronized LambdaClient plain(LambdaSimulator simulator, RetryStrategy retry) {
        LambdaClient client = LambdaClient.builder()
                .region(Region.of(simulator.region()))
                .endpointOverride(simulator.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        SimulatorCredentials.ACCESS_KEY_ID, SimulatorCredentials.SECRET_ACCESS_KEY)))
                .httpClient(http)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(retry)
                        .build())
                .build();
        opened.add(client);
        return client;
    }

    /**
     * The engine's client, as its front ends open it: quota limiting on. {@code limiter} null means the
     * process-wide limiter for this endpoint, which is what production uses.
     */
    public synchronized LambdaClient engine(
            LambdaSimulator simulator, @Nullable RetryStrategy retry, @Nullable QuotaLimiter limiter) {
        ClientSettings settings = ClientSettings.builder()
                .region(simulator.region())
                .credentials(new CredentialsSource.StaticKeys(
                        SimulatorCredentials.ACCESS_KEY_ID, SimulatorCredentials.SECRET_ACCESS_KEY, null))
                .endpoint(simulator.endpoint())
                .retryStrategy(retry)
                .limitQuota(true)
                .quotaLimiter(limiter)
                .build();
        LambdaClients.Session session = engineClients.open(settings);
        opened.add(session::close);
        return session.lambda();
    }

    @Override
    public synchronized void close() {
        for (SdkAutoCloseable c : opened) {
            c.close();
        }
        opened.clear();
        engineClients.close();
        http.close();
    }
}
