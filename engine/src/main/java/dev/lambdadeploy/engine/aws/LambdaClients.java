package dev.lambdadeploy.engine.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.apache5.ProxyConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Opens Lambda clients. HTTP connection pools are shared per proxy setting and live as long as this factory;
 * each {@link Session} owns its client and role provider and closes them.
 */
public final class LambdaClients implements AutoCloseable {

    private final Map<Optional<ProxySettings>, SdkHttpClient> httpClients = new ConcurrentHashMap<>();

    /** A client and what it needs closed with it. */
    public static final class Session implements AutoCloseable {
        private final LambdaClient lambda;
        private final List<SdkAutoCloseable> resources;

        Session(LambdaClient lambda, List<SdkAutoCloseable> resources) {
            this.lambda = lambda;
            this.resources = List.copyOf(resources);
        }

        public LambdaClient lambda() {
            return lambda;
        }

        @Override
        public void close() {
            lambda.close();
            resources.forEach(SdkAutoCloseable::close);
        }
    }

    public Session open(ClientSettings settings) {
        Objects.requireNonNull(settings, "settings");
        SdkHttpClient http = httpClients.computeIfAbsent(Optional.ofNullable(settings.proxy()), LambdaClients::httpClient);
        List<SdkAutoCloseable> resources = new ArrayList<>();
        AwsCredentialsProvider credentials = settings.credentials().provider();
        if (settings.role() != null) {
            StsClient sts = StsClient.builder().region(Region.of(settings.region())).credentialsProvider(credentials)
                    .httpClient(http).build();
            RoleAssumption role = settings.role();
            StsAssumeRoleCredentialsProvider assumed = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                    .refreshRequest(r -> r.roleArn(role.roleArn()).externalId(role.externalId())
                            .roleSessionName(role.sessionName()).durationSeconds((int) role.duration().toSeconds()))
                    .build();
            resources.add(assumed);
            resources.add(sts);
            credentials = assumed;
        }
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .apiCallTimeout(settings.apiCallTimeout());
        if (settings.retryStrategy() != null) {
            override.retryStrategy(settings.retryStrategy());
        }
        if (settings.quotaLimiter() != null) {
            override.addExecutionInterceptor(new QuotaInterceptor(settings.quotaLimiter()));
        }
        LambdaClientBuilder builder = LambdaClient.builder().region(Region.of(settings.region()))
                .credentialsProvider(credentials).httpClient(http).overrideConfiguration(override.build());
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return new Session(builder.build(), resources);
    }

    private static SdkHttpClient httpClient(Optional<ProxySettings> proxy) {
        Apache5HttpClient.Builder builder = Apache5HttpClient.builder().maxConnections(200);
        proxy.ifPresent(p -> {
            ProxyConfiguration.Builder config = ProxyConfiguration.builder().endpoint(p.endpoint())
                    .nonProxyHosts(p.nonProxyHosts()).useSystemPropertyValues(false).useEnvironmentVariableValues(false);
            if (p.username() != null) {
                config.username(p.username()).password(p.password());
            }
            builder.proxyConfiguration(config.build());
        });
        return builder.build();
    }

    @Override
    public void close() {
        httpClients.values().forEach(SdkHttpClient::close);
        httpClients.clear();
    }
}
