package dev.lambdadeploy.cli;

import static dev.lambdadeploy.cli.CliHarness.FN;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --role-arn: a failed AssumeRole is blamed on STS (call, role, error code, request id), not on Lambda; exit 1. */
class RoleArnTest {

    static final String ROLE = "arn:aws:iam::210987654321:role/deployer";
    static final String REQUEST_ID = "4c8e1d2a-0000-4000-8000-5a5a5a5a5a5a";

    @TempDir
    Path dir;

    CliHarness cli;
    HttpServer sts;

    @BeforeEach
    void start() throws IOException {
        cli = new CliHarness(dir);
        cli.simulator.control().createFunction(FN, Duration.ZERO);
        sts = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        sts.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body =
                    ("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
                                    + "<Code>AccessDenied</Code><Message>User: arn:aws:iam::123456789012:user/ci is not authorized to "
                                    + "perform: sts:AssumeRole on resource: " + ROLE + "</Message></Error><RequestId>"
                                    + REQUEST_ID
                                    + "</RequestId></ErrorResponse>")
                            .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(403, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        sts.start();
    }

    @AfterEach
    void stop() {
        assertThat(cli.simulator.journal().entries()).as("requests to Lambda").isEmpty();
        sts.stop(0);
        cli.close();
    }

    @Test
    void accessDeniedIsReportedAsTheAssumeRoleCall() {
        cli.env.put(
                "AWS_ENDPOINT_URL_STS", "http://127.0.0.1:" + sts.getAddress().getPort());

        var run = cli.run(
                "deploy", "--function-name", FN, "--s3-bucket", "builds", "--s3-key", "app.zip", "--role-arn", ROLE);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errLines())
                .last()
                .asString()
                .startsWith("❌ AssumeRole on " + ROLE + " failed: AccessDenied (HTTP 403, request id " + REQUEST_ID
                        + "): User: arn:aws:iam::123456789012:user/ci is not authorized to perform: sts:AssumeRole")
                .contains("check the role's trust policy (and --external-id if it asks for one)");
        assertThat(run.err())
                .doesNotContain("UpdateFunctionCode on")
                .doesNotContain(dev.lambdadeploy.simulator.SimulatorCredentials.SECRET_ACCESS_KEY);
    }

    @Test
    void anUnreachableStsIsReportedAsTheAssumeRoleCall() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        cli.env.put("AWS_ENDPOINT_URL_STS", "http://127.0.0.1:" + closed);

        var run = cli.run(
                "update-code",
                "--function-name",
                FN,
                "--s3-bucket",
                "builds",
                "--s3-key",
                "app.zip",
                "--role-arn",
                ROLE);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errLines())
                .last()
                .asString()
                .startsWith("❌ AssumeRole on " + ROLE + " failed: ")
                .contains("STS did not answer");
        assertThat(run.err()).doesNotContain("UpdateFunctionCode on");
    }

    @Test
    void aBadStsEndpointIsBadInputNamingTheVariable() {
        cli.env.put("AWS_ENDPOINT_URL_STS", "ftp://nowhere");

        var run = cli.run(
                "deploy", "--function-name", FN, "--s3-bucket", "builds", "--s3-key", "app.zip", "--role-arn", ROLE);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("❌ Invalid AWS_ENDPOINT_URL_STS: 'ftp://nowhere' is not an http or https URL");
    }
}
