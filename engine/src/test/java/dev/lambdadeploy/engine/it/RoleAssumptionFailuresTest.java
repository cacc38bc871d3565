package dev.lambdadeploy.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.lambdadeploy.engine.CodeSource;
import dev.lambdadeploy.engine.LambdaDeployer;
import dev.lambdadeploy.engine.ParameterNames;
import dev.lambdadeploy.engine.RecordingLog;
import dev.lambdadeploy.engine.RoleAssumptionException;
import dev.lambdadeploy.engine.UpdateCodeRequest;
import dev.lambdadeploy.engine.aws.ClientSettings;
import dev.lambdadeploy.engine.aws.CredentialsSource;
import dev.lambdadeploy.engine.aws.FunctionProbe;
import dev.lambdadeploy.engine.aws.LambdaClients;
import dev.lambdadeploy.engine.aws.RoleAssumption;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A failed AssumeRole is reported as such (call, role, STS's code and request id), never as the Lambda call's failure. */
class RoleAssumptionFailuresTest {

    static final String ROLE = "arn:aws:iam::210987654321:role/deployer";
    static final String STS_REQUEST_ID = "c6104cbe-af31-11e0-8154-cbc7ccf896c7";
    static final String ACCESS_DENIED = """
            <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <Error>
                <Type>Sender</Type>
                <Code>AccessDenied</Code>
                <Message>User: arn:aws:iam::123456789012:user/ci is not authorized to perform: sts:AssumeRole on resource: %s</Message>
              </Error>
              <RequestId>%s</RequestId>
            </ErrorResponse>
            """.formatted(ROLE, STS_REQUEST_ID);

    HttpServer sts;
    HttpServer lambda;
    final List<String> stsRequests = new CopyOnWriteArrayList<>();
    final List<String> lambdaRequests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        sts = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        sts.createContext("/", exchange -> {
            stsRequests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = ACCESS_DENIED.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.getResponseHeaders().add("x-amzn-RequestId", STS_REQUEST_ID);
            exchange.sendResponseHeaders(403, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        sts.start();
        lambda = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        lambda.createContext("/", exchange -> {
            lambdaRequests.add(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        lambda.start();
    }

    @AfterEach
    void stop() {
        sts.stop(0);
        lambda.stop(0);
    }

    private ClientSettings settings(URI stsEndpoint) {
        return ClientSettings.builder()
                .region("us-east-1")
                .credentials(new CredentialsSource.StaticKeys("AKIDEXAMPLE", "not-a-real-secret", null))
                .role(RoleAssumption.of(ROLE, null, null, null))
                .endpoint(URI.create("http://127.0.0.1:" + lambda.getAddress().getPort()))
                .stsEndpoint(stsEndpoint)
                .limitQuota(false)
                .build();
    }

    private URI stsEndpoint() {
        return URI.create("http://127.0.0.1:" + sts.getAddress().getPort());
    }

    @Test
    void accessDeniedOnAssumeRoleNamesTheCallTheRoleAndStsErrorNotLambda() {
        RecordingLog log = new RecordingLog();
        try (LambdaClients clients = new LambdaClients(SimulatedLambda.httpClientFactory());
                LambdaClients.Session session = clients.open(settings(stsEndpoint()))) {
            LambdaDeployer deployer = LambdaDeployer.create(session.lambda(), log.deployLog());
            UpdateCodeRequest request = UpdateCodeRequest.builder()
                    .functionName("fn")
                    .code(new CodeSource.S3Object("builds", "app.zip", null))
                    .build();

            assertThatThrownBy(() -> deployer.updateCode(request))
                    .isInstanceOfSatisfying(RoleAssumptionException.class, e -> {
                        assertThat(e.getMessage())
                                .startsWith("AssumeRole on " + ROLE + " failed: AccessDenied (HTTP 403, "
                                        + "request id " + STS_REQUEST_ID
                                        + "): User: arn:aws:iam::123456789012:user/ci is not "
                                        + "authorized to perform: sts:AssumeRole on resource: " + ROLE
                                        + ". The base credentials "
                                        + "may not assume this role: check the role's trust policy (and externalId")
                                .doesNotContain("UpdateFunctionCode")
                                .doesNotContain("not-a-real-secret");
                        assertThat(e.render(ParameterNames.CLI)).contains("(and --external-id if it asks for one)");
                        assertThat(e.roleArn()).isEqualTo(ROLE);
                        assertThat(e.error().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.error().requestId()).isEqualTo(STS_REQUEST_ID);
                    });
        }
        assertThat(stsRequests).isNotEmpty().allSatisfy(body -> assertThat(body).contains("Action=AssumeRole"));
        assertThat(lambdaRequests).as("requests to Lambda").isEmpty();
    }

    @Test
    void theProbeThePluginCallsReportsTheSameFailure() {
        try (LambdaClients clients = new LambdaClients(SimulatedLambda.httpClientFactory());
                LambdaClients.Session session = clients.open(settings(stsEndpoint()))) {
            assertThatThrownBy(() -> new FunctionProbe(session.lambda(), "fn", null).probe())
                    .isInstanceOf(RoleAssumptionException.class)
                    .hasMessageStartingWith("AssumeRole on " + ROLE + " failed: AccessDenied");
        }
        assertThat(lambdaRequests).isEmpty();
    }

    @Test
    void anUnreachableStsIsReportedAsAssumeRoleNotAnswering() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (LambdaClients clients = new LambdaClients(SimulatedLambda.httpClientFactory());
                LambdaClients.Session session = clients.open(settings(URI.create("http://127.0.0.1:" + closedPort)))) {
            LambdaDeployer deployer = LambdaDeployer.create(session.lambda(), new RecordingLog().deployLog());
            UpdateCodeRequest request = UpdateCodeRequest.builder()
                    .functionName("fn")
                    .code(new CodeSource.S3Object("builds", "app.zip", null))
                    .build();

            assertThatThrownBy(() -> deployer.updateCode(request))
                    .isInstanceOfSatisfying(
                            RoleAssumptionException.class,
                            e -> assertThat(e.getMessage())
                                    .startsWith("AssumeRole on " + ROLE + " failed: ")
                                    .contains("STS did not answer: check the network, the proxy and the STS endpoint")
                                    .doesNotContain("UpdateFunctionCode"));
        }
        assertThat(lambdaRequests).isEmpty();
    }
}
