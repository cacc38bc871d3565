package dev.lambdadeploy.engine.aws;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClientBuilder;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Opens Lambda clients. HTTP connection pools are shared per proxy setting, and assumed-role credentials per
 * base credentials and role, for as long as this factory lives: a wait that opens a client on every poll
 * assumes its role once, and again only when the STS session is about to expire.
 */
public final class LambdaClients implements AutoCloseable {

    private static final int MAX_CACHED_ROLES = 64;

    private final HttpClientFactory httpClientFactory;
    private final Map<Optional<ProxySettings>, SdkHttpClient> httpClients = new ConcurrentHashMap<>();
    private final Map<RoleKey, AssumedRole> roles = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<RoleKey, AssumedRole> eldest) {
            if (size() > MAX_CACHED_ROLES) {
                eldest.getValue().close();
                return true;
            }
            return false;
        }
    };

    private record RoleKey(
            CredentialsSource base,
            RoleAssumption role,
            String region,
            Optional<ProxySettings> proxy,
            Optional<URI> stsEndpoint) {}

    private record AssumedRole(StsClient sts, StsAssumeRoleCredentialsProvider provider) implements SdkAutoCloseable {
        AwsCredentialsProvider credentials(String roleArn) {
            return new AssumedRoleCredentials(provider, roleArn);
        }

        @Override
        public void close() {
            provider.close();
            sts.close();
        }
    }

    /** With the SDK's current HTTP client, Apache 5. */
    public LambdaClients() {
        this(HttpClientFactory.apache5());
    }

    public LambdaClients(HttpClientFactory httpClientFactory) {
        this.httpClientFactory = Objects.requireNonNull(httpClientFactory, "httpClientFactory");
    }

    /** A client for one use; closing it leaves the shared connection pools and role sessions open. */
    public static final class Session implements AutoCloseable {
        private final LambdaClient lambda;
        private final CloudWatchClient cloudWatch;

        Session(LambdaClient lambda, CloudWatchClient cloudWatch) {
            this.lambda = lambda;
            this.cloudWatch = cloudWatch;
        }

        public LambdaClient lambda() {
            return lambda;
        }

        /**
         * CloudWatch (DescribeAlarms, for the alarms a gradual alias shift watches) with the same credentials, region,
         * endpoint override, proxy, HTTP client and quota interceptor as {@link #lambda()}.
         */
        public CloudWatchClient cloudWatch() {
            return cloudWatch;
        }

        @Override
        public void close() {
            lambda.close();
            cloudWatch.close();
        }
    }

    public Session open(ClientSettings settings) {
        Objects.requireNonNull(settings, "settings");
        SdkHttpClient http =
                httpClients.computeIfAbsent(Optional.ofNullable(settings.proxy()), httpClientFactory::create);
        AwsCredentialsProvider credentials = settings.role() == null
                ? settings.credentials().provider()
                : assumedRole(settings, http).credentials(settings.role().roleArn());
        ClientOverrideConfiguration.Builder override =
                ClientOverrideConfiguration.builder().apiCallTimeout(settings.apiCallTimeout());
        if (settings.retryStrategy() != null) {
            override.retryStrategy(settings.retryStrategy());
        }
        if (settings.quotaLimiter() != null) {
            override.addExecutionInterceptor(new QuotaInterceptor(settings.quotaLimiter()));
        }
        LambdaClientBuilder builder = LambdaClient.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .httpClient(new InterruptibleHttpClient(http))
                .overrideConfiguration(override.build());
        CloudWatchClientBuilder cloudWatch = CloudWatchClient.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .httpClient(new InterruptibleHttpClient(http))
                .overrideConfiguration(override.build());
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
            cloudWatch.endpointOverride(settings.endpoint());
        }
        return new Session(builder.build(), cloudWatch.build());
    }

    private AssumedRole assumedRole(ClientSettings settings, SdkHttpClient http) {
        RoleAssumption role = settings.role();
        RoleKey key = new RoleKey(
                settings.credentials(),
                role,
                settings.region(),
                Optional.ofNullable(settings.proxy()),
                Optional.ofNullable(settings.stsEndpoint()));
        synchronized (roles) {
            return roles.computeIfAbsent(key, k -> {
                StsClientBuilder builder = StsClient.builder()
                        .region(Region.of(settings.region()))
                        .credentialsProvider(settings.credentials().provider())
                        .httpClient(new InterruptibleHttpClient(http))
                        .overrideConfiguration(o -> o.apiCallTimeout(settings.apiCallTimeout()));
                if (settings.stsEndpoint() != null) {
                    builder.endpointOverride(settings.stsEndpoint());
                }
                StsClient sts = builder.build();
                return new AssumedRole(
                        sts,
                        StsAssumeRoleCredentialsProvider.builder()
                                .stsClient(sts)
                                .refreshRequest(r -> r.roleArn(role.roleArn())
                                        .externalId(role.externalId())
                                        .roleSessionName(role.sessionName())
                                        .durationSeconds((int) role.duration().toSeconds()))
                                .build());
            });
        }
    }

    @Override
    public void close() {
        synchronized (roles) {
            roles.values().forEach(AssumedRole::close);
            roles.clear();
        }
        httpClients.values().forEach(SdkHttpClient::close);
        httpClients.clear();
    }
}
