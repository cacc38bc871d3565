package dev.lambdadeploy.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdadeploy.engine.aws.ClientSettings;
import dev.lambdadeploy.engine.aws.CredentialsSource;
import dev.lambdadeploy.engine.aws.HttpClientFactory;
import dev.lambdadeploy.engine.aws.LambdaClients;
import dev.lambdadeploy.engine.aws.ProxySettings;
import dev.lambdadeploy.simulator.LambdaSimulator;
import dev.lambdadeploy.simulator.SimulatorCredentials;
import java.net.ServerSocket;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Both HTTP clients reach Lambda directly, through a proxy, and around it for non-proxy hosts. */
class HttpClientFactoryTest {

    @Test
    @Tag("apache5")
    void apache5HonoursProxySettings() throws Exception {
        proxySettingsAreHonoured(HttpClientFactory.apache5());
    }

    @Test
    void apache4HonoursProxySettings() throws Exception {
        proxySettingsAreHonoured(HttpClientFactory.apache4());
    }

    private static void proxySettingsAreHonoured(HttpClientFactory factory) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (LambdaSimulator simulator =
                        LambdaSimulator.builder().port(0).quotas(false).start();
                LambdaClients clients = new LambdaClients(factory)) {
            simulator.control().createFunction("f", Duration.ZERO);

            assertThat(getFunction(clients, simulator, null)).isEqualTo("Active");
            ProxySettings bypassed = ProxySettings.of("127.0.0.1", closedPort, "user", "pass", "localhost, 127.0.0.*");
            assertThat(getFunction(clients, simulator, bypassed)).isEqualTo("Active");
            ProxySettings unreachable = ProxySettings.of("127.0.0.1", closedPort, null, null, "example.com");
            assertThatThrownBy(() -> getFunction(clients, simulator, unreachable))
                    .isInstanceOf(SdkClientException.class)
                    .hasRootCauseInstanceOf(java.net.ConnectException.class);
        }
    }

    private static String getFunction(LambdaClients clients, LambdaSimulator simulator, @Nullable ProxySettings proxy) {
        try (var session = clients.open(ClientSettings.builder()
                .region(simulator.region())
                .credentials(new CredentialsSource.StaticKeys(
                        SimulatorCredentials.ACCESS_KEY_ID, SimulatorCredentials.SECRET_ACCESS_KEY, null))
                .endpoint(simulator.endpoint())
                .proxy(proxy)
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .limitQuota(false)
                .build())) {
            return session.lambda()
                    .getFunction(b -> b.functionName("f"))
                    .configuration()
                    .stateAsString();
        }
    }
}
