package dev.lambdadeploy.engine.aws;

import java.util.Optional;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;

/**
 * Builds the SDK's HTTP client, with the proxy if one is set. Two are offered: the Apache 5 client (the SDK's
 * current one, used by the CLI) and the Apache 4 client, which is the only one Jenkins' aws-java-sdk2 plugins
 * ship. Both honour the same proxy settings, including non-proxy host patterns.
 */
@FunctionalInterface
public interface HttpClientFactory {

    int MAX_CONNECTIONS = 200;

    SdkHttpClient create(Optional<ProxySettings> proxy);

    static HttpClientFactory apache5() {
        return proxy -> {
            Apache5HttpClient.Builder builder = Apache5HttpClient.builder().maxConnections(MAX_CONNECTIONS);
            proxy.ifPresent(p -> {
                var config = software.amazon.awssdk.http.apache5.ProxyConfiguration.builder()
                        .endpoint(p.endpoint())
                        .nonProxyHosts(p.nonProxyHosts())
                        .useSystemPropertyValues(false)
                        .useEnvironmentVariableValues(false);
                if (p.username() != null) {
                    config.username(p.username()).password(p.password());
                }
                builder.proxyConfiguration(config.build());
            });
            return builder.build();
        };
    }

    /** The Apache 4 client: deprecated by the SDK, but what the Jenkins plugins that provide the SDK bundle. */
    @SuppressWarnings("deprecation")
    static HttpClientFactory apache4() {
        return proxy -> {
            var builder = software.amazon.awssdk.http.apache.ApacheHttpClient.builder()
                    .maxConnections(MAX_CONNECTIONS);
            proxy.ifPresent(p -> {
                var config = software.amazon.awssdk.http.apache.ProxyConfiguration.builder()
                        .endpoint(p.endpoint())
                        .nonProxyHosts(p.nonProxyHosts())
                        .useSystemPropertyValues(false)
                        .useEnvironmentVariableValues(false);
                if (p.username() != null) {
                    config.username(p.username()).password(p.password());
                }
                builder.proxyConfiguration(config.build());
            });
            return builder.build();
        };
    }
}
