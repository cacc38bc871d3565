package dev.lambdadeploy.engine.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdadeploy.engine.AwsCallException;
import dev.lambdadeploy.engine.InvalidParameterException;
import dev.lambdadeploy.simulator.JournalEntry;
import dev.lambdadeploy.simulator.LambdaSimulator;
import dev.lambdadeploy.simulator.ManualClock;
import dev.lambdadeploy.simulator.SimulatorCredentials;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * The seam between where a step runs (the "controller": credentials resolved, session credentials issued) and where
 * its AWS calls run (the "call site": clients built from {@link CallSiteSettings} and its own environment), both
 * against the simulator's Lambda and STS, with the settings serialized in between as an agent channel would.
 */
class CallSiteTest {

    static final String AGENT_KEY_ID = "AKIAAGENT00000000001";
    static final String AGENT_SECRET = "agent/secret/key";
    static final String ROLE = "arn:aws:iam::210987654321:role/deployer";

    final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T12:00:00Z"));
    final HttpClientFactory http = "apache4".equals(System.getProperty("lambdadeploy.test.httpClient"))
            ? HttpClientFactory.apache4()
            : HttpClientFactory.apache5();
    LambdaSimulator sim;
    SessionCredentialsIssuer issuer;

    @BeforeEach
    void start() {
        sim = LambdaSimulator.builder()
                .clock(clock)
                .quotas(false)
                .credentials(SimulatorCredentials.ACCESS_KEY_ID, SimulatorCredentials.SECRET_ACCESS_KEY)
                .credentials(AGENT_KEY_ID, AGENT_SECRET)
                .start();
        sim.control().createFunction("f", Duration.ZERO);
        issuer = new SessionCredentialsIssuer(http);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    /** What the controller resolved: the simulator's long-term keys, and STS on its endpoint. */
    ClientSettings.Builder controller() {
        return ClientSettings.builder()
                .region(sim.region())
                .endpoint(sim.endpoint())
                .stsEndpoint(sim.endpoint())
                .credentials(new CredentialsSource.StaticKeys(
                        SimulatorCredentials.ACCESS_KEY_ID, SimulatorCredentials.SECRET_ACCESS_KEY, null))
                .retryStrategy(AwsRetryStrategy.doNotRetry());
    }

    /** Opens the clients on the call site with {@code environment} and calls GetFunction. */
    String getFunction(CallSiteSettings settings, Map<String, String> environment) {
        try (CallSiteClients callSite = new CallSiteClients(http, environment);
                LambdaClients.Session session = callSite.open(settings)) {
            return session.lambda()
                    .getFunction(r -> r.functionName("f"))
                    .configuration()
                    .functionName();
        }
    }

    JournalEntry last() {
        List<JournalEntry> entries = sim.journal().entries();
        return entries.get(entries.size() - 1);
    }

    static byte[] serialized(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    /** What an agent channel does to a callable's fields: Java serialization there and back. */
    @SuppressWarnings("unchecked")
    static <T> T throughChannel(T value) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialized(value)))) {
            return (T) in.readObject();
        }
    }

    @Test
    void longTermKeysTravelAsASessionWhoseKeyTheCallSiteSignsWith() throws Exception {
        ClientSettings resolved = controller().build();

        SessionCredentials session = issuer.issue(resolved, Duration.ofHours(1));

        assertThat(session.accessKeyId()).startsWith("ASIA");
        assertThat(session.expiration()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        assertThat(sim.journal().entries())
                .extracting(JournalEntry::operation, JournalEntry::accessKeyId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("GetSessionToken", SimulatorCredentials.ACCESS_KEY_ID));

        CallSiteSettings sent = CallSiteSettings.withSession(resolved, session, false);
        byte[] serialized = serialized(sent);
        CallSiteSettings received = throughChannel(sent);

        assertThat(new String(serialized, StandardCharsets.ISO_8859_1))
                .contains(session.accessKeyId())
                .doesNotContain(SimulatorCredentials.ACCESS_KEY_ID)
                .doesNotContain(SimulatorCredentials.SECRET_ACCESS_KEY);
        assertThat(received).isEqualTo(sent);
        assertThat(received.credentials()).isInstanceOf(SessionCredentials.class);
        assertThat(getFunction(received, Map.of())).isEqualTo("f");
        assertThat(last().operation()).isEqualTo("GetFunction");
        assertThat(last().accessKeyId()).isEqualTo(session.accessKeyId());
        try (CallSiteClients callSite = new CallSiteClients(http, Map.of());
                LambdaClients.Session clients = callSite.open(received)) {
            clients.cloudWatch().describeAlarms(r -> r.alarmNames("none"));
        }
        assertThat(last().operation()).isEqualTo("DescribeAlarms");
        assertThat(last().status()).isEqualTo(200);
        assertThat(last().accessKeyId()).isEqualTo(session.accessKeyId());
        assertThat(sim.journal().entries())
                .extracting(JournalEntry::accessKeyId)
                .doesNotContain(AGENT_KEY_ID);
    }

    @Test
    void noSecretInToStringOrMessages() {
        SessionCredentials session = issuer.issue(controller().build(), Duration.ofHours(1));
        CallSiteSettings settings = CallSiteSettings.withSession(controller().build(), session, true);

        assertThat(settings.toString())
                .contains(session.accessKeyId())
                .doesNotContain(session.secretAccessKey())
                .doesNotContain(session.sessionToken())
                .doesNotContain(SimulatorCredentials.SECRET_ACCESS_KEY);
        assertThatThrownBy(() -> new SessionCredentials(
                        SimulatorCredentials.ACCESS_KEY_ID, SimulatorCredentials.SECRET_ACCESS_KEY, "token", null))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("credentials");
                    assertThat(e.getMessage())
                            .contains("long-term")
                            .doesNotContain(SimulatorCredentials.SECRET_ACCESS_KEY)
                            .doesNotContain("token");
                });
        ClientSettings unknown = controller()
                .credentials(new CredentialsSource.StaticKeys("AKIAUNKNOWN000000000", "unknown/secret", null))
                .build();
        assertThatThrownBy(() -> issuer.issue(unknown, Duration.ofHours(1)))
                .isInstanceOfSatisfying(AwsCallException.class, e -> {
                    assertThat(e.error().operation()).isEqualTo("GetSessionToken");
                    assertThat(e.error().errorCode()).isEqualTo("InvalidClientTokenId");
                    assertThat(e.getMessage()).doesNotContain("unknown/secret");
                });
    }

    @Test
    void aLongTermKeyPairCannotBeMadeSessionCredentials() {
        assertThatThrownBy(() -> new SessionCredentials("ASIAEXAMPLE000000001", "secret", "", null))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("credentials");
                    assertThat(e.getMessage()).contains("no session token").doesNotContain("secret ");
                });
        assertThatThrownBy(() -> new SessionCredentials("AKIAEXAMPLE000000001", "secret", "token", null))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("AKIAEXAMPLE000000001 is a long-term access key");
    }

    @Test
    void sessionCredentialsPassAsTheyAreWithoutAnotherStsCall() {
        SessionCredentials first = issuer.issue(controller().build(), Duration.ofHours(1));
        sim.journal().clear();

        SessionCredentials again =
                issuer.issue(controller().credentials(first.keys()).build(), Duration.ofHours(1));

        assertThat(again.accessKeyId()).isEqualTo(first.accessKeyId());
        assertThat(again.sessionToken()).isEqualTo(first.sessionToken());
        assertThat(sim.journal().entries()).isEmpty();
    }

    @Test
    void aRoleIsAssumedWhereTheCredentialsAreAndItsSessionTravels() throws Exception {
        ClientSettings resolved =
                controller().role(RoleAssumption.of(ROLE, null, null, 900)).build();

        SessionCredentials session = issuer.issue(resolved, Duration.ofHours(1));
        CallSiteSettings received = throughChannel(CallSiteSettings.withSession(resolved, session, false));

        assertThat(sim.journal().entries()).extracting(JournalEntry::operation).containsExactly("AssumeRole");
        assertThat(session.expiration()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(received.quotaAccount()).isEqualTo("210987654321");
        assertThat(received.quotaKey()).isEqualTo(resolved.quotaKey());
        assertThat(getFunction(received, Map.of())).isEqualTo("f");
        assertThat(last().accessKeyId()).isEqualTo(session.accessKeyId());
    }

    @Test
    void theDefaultChainOfTheCallSiteIsItsOwnEnvironment() throws Exception {
        CallSiteSettings settings =
                throughChannel(CallSiteSettings.withDefaultChain(sim.region(), sim.endpoint(), null, null, false));
        Map<String, String> agentEnvironment =
                Map.of("AWS_ACCESS_KEY_ID", AGENT_KEY_ID, "AWS_SECRET_ACCESS_KEY", AGENT_SECRET);

        assertThat(getFunction(settings, agentEnvironment)).isEqualTo("f");

        assertThat(sim.journal().entries())
                .extracting(JournalEntry::operation, JournalEntry::accessKeyId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GetFunction", AGENT_KEY_ID));
    }

    @Test
    void aRoleWithTheDefaultChainIsAssumedOnTheCallSiteWithItsIdentity() throws Exception {
        CallSiteSettings settings = throughChannel(CallSiteSettings.withDefaultChain(
                sim.region(), sim.endpoint(), RoleAssumption.of(ROLE, "ext-1", "agent", null), sim.endpoint(), false));

        assertThat(getFunction(
                        settings, Map.of("AWS_ACCESS_KEY_ID", AGENT_KEY_ID, "AWS_SECRET_ACCESS_KEY", AGENT_SECRET)))
                .isEqualTo("f");

        List<JournalEntry> entries = sim.journal().entries();
        assertThat(entries).extracting(JournalEntry::operation).containsExactly("AssumeRole", "GetFunction");
        assertThat(entries.get(0).accessKeyId()).isEqualTo(AGENT_KEY_ID);
        assertThat(entries.get(1).accessKeyId()).startsWith("ASIA");
        assertThat(settings.quotaKey().account()).isEqualTo("210987654321");
    }

    @Test
    void theProxyOfTheCallSitesEnvironmentIsUsedWhenAsked() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SessionCredentials session = issuer.issue(controller().build(), Duration.ofHours(1));
        CallSiteSettings viaProxy = CallSiteSettings.withSession(controller().build(), session, true);
        CallSiteSettings direct = CallSiteSettings.withSession(controller().build(), session, false);
        Map<String, String> proxied = Map.of("HTTP_PROXY", "http://127.0.0.1:" + closedPort);

        assertThatThrownBy(() -> getFunction(viaProxy, proxied))
                .isInstanceOf(SdkClientException.class)
                .hasRootCauseInstanceOf(java.net.ConnectException.class);
        assertThat(getFunction(direct, proxied)).isEqualTo("f");
        assertThat(getFunction(
                        viaProxy, Map.of("HTTP_PROXY", "127.0.0.1:" + closedPort, "NO_PROXY", "localhost,127.0.0.1")))
                .isEqualTo("f");
    }

    @Test
    void sessionsExpireOnTheClockTheyWereIssuedOn() {
        SessionCredentials session = issuer.issue(controller().build(), Duration.ofMinutes(15));
        CallSiteSettings settings = CallSiteSettings.withSession(controller().build(), session, false);

        assertThat(session.expiresWithin(Duration.ofMinutes(5), clock.instant()))
                .isFalse();
        clock.advance(Duration.ofMinutes(10));
        assertThat(session.expiresWithin(Duration.ofMinutes(5), clock.instant()))
                .isTrue();
        clock.advance(Duration.ofMinutes(5));
        assertThatThrownBy(() -> getFunction(settings, Map.of()))
                .isInstanceOfSatisfying(
                        LambdaException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException"));
    }

    @Test
    void theSessionDurationIsBounded() {
        assertThatThrownBy(() -> issuer.issue(controller().build(), Duration.ofMinutes(14)))
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("sessionDuration"));
        assertThat(sim.journal().entries()).isEmpty();
    }

    @Test
    void theQuotaLimiterStillAppliesOnTheCallSite() {
        SessionCredentials session = issuer.issue(controller().build(), Duration.ofHours(1));
        CallSiteSettings settings = CallSiteSettings.withSession(controller().build(), session, false);
        try (CallSiteClients callSite = new CallSiteClients(http, Map.of())) {
            ClientSettings built = callSite.clientSettings(settings);
            assertThat(built.quotaLimiter()).isNotNull();
            assertThat(built.quotaLimiter().key()).isEqualTo(settings.quotaKey());
            assertThat(built.credentials()).isEqualTo(session.keys());
        }
    }

    @Test
    void environmentProxiesAreReadAsCurlReadsThem() {
        ProxySettings proxy = EnvironmentProxy.from(
                Map.of("https_proxy", "http://user:p%40ss@proxy.example:3128", "NO_PROXY", ".internal, s3.aws, *"),
                null);

        assertThat(proxy).isNotNull();
        assertThat(proxy.host()).isEqualTo("proxy.example");
        assertThat(proxy.port()).isEqualTo(3128);
        assertThat(proxy.username()).isEqualTo("user");
        assertThat(proxy.password()).isEqualTo("p@ss");
        assertThat(proxy.toString()).doesNotContain("p@ss");
        assertThat(proxy.nonProxyHosts()).hasSize(4);
        assertThat(EnvironmentProxy.from(Map.of("HTTP_PROXY", "http://proxy:8080"), null))
                .as("HTTP_PROXY is not for AWS's https endpoints")
                .isNull();
        assertThatThrownBy(() -> EnvironmentProxy.from(Map.of("HTTPS_PROXY", "http://"), null))
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("HTTPS_PROXY"));
    }
}
