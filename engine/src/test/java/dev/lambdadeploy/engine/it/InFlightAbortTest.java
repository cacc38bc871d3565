package dev.lambdadeploy.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdadeploy.engine.InFlightCall;
import dev.lambdadeploy.engine.LambdaDeployer;
import dev.lambdadeploy.engine.PublishVersionRequest;
import dev.lambdadeploy.engine.RecordingLog;
import dev.lambdadeploy.engine.aws.ClientSettings;
import dev.lambdadeploy.engine.aws.CredentialsSource;
import dev.lambdadeploy.engine.aws.HttpClientFactory;
import dev.lambdadeploy.engine.aws.LambdaClients;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;

/**
 * An interrupt (a build abort, Ctrl-C) cuts off a PublishVersion that a server on 127.0.0.1 accepted and never
 * answers, at once, with both HTTP clients; while it was on the wire the deployer named it as in flight.
 */
class InFlightAbortTest {

    /** The CLI's client; left out of the run against the SDK of Jenkins' plugins, which has no Apache 5 client. */
    @Test
    @Tag("apache5")
    void anInterruptAbortsTheCallOnTheWireWithApache5() throws Exception {
        anInterruptAbortsTheCallOnTheWire(HttpClientFactory.apache5());
    }

    /** The plugin's client. */
    @Test
    void anInterruptAbortsTheCallOnTheWireWithApache4() throws Exception {
        anInterruptAbortsTheCallOnTheWire(HttpClientFactory.apache4());
    }

    private static void anInterruptAbortsTheCallOnTheWire(HttpClientFactory factory) throws Exception {
        CountDownLatch requestArrived = new CountDownLatch(1);
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                LambdaClients clients = new LambdaClients(factory)) {
            Thread server = new Thread(() -> {
                try {
                    Socket socket = silent.accept();
                    accepted.add(socket);
                    InputStream in = socket.getInputStream();
                    in.read(); // the request is on the wire; never answer
                    requestArrived.countDown();
                } catch (IOException ignored) {
                    // closed at the end of the test
                }
            });
            server.setDaemon(true);
            server.start();
            LambdaClients.Session session = clients.open(ClientSettings.builder()
                    .region("us-east-1")
                    .credentials(new CredentialsSource.StaticKeys("AKIAIOSFODNN7EXAMPLE", "secret", null))
                    .endpoint(URI.create("http://127.0.0.1:" + silent.getLocalPort()))
                    .retryStrategy(AwsRetryStrategy.doNotRetry())
                    .limitQuota(false)
                    .build());
            RecordingLog log = new RecordingLog();
            LambdaDeployer deployer = LambdaDeployer.create(session.lambda(), log.deployLog());
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread publish = new Thread(() -> {
                try {
                    deployer.publishVersion(PublishVersionRequest.builder()
                            .functionName("fn")
                            .waitForReady(false)
                            .codeSha256("MR6+uvBLv7cTv9YsQVv7Fpvs74XtXopal+5fjJ37x5Y")
                            .build());
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            publish.start();
            requestArrived.await();

            InFlightCall inFlight = deployer.inFlight().orElseThrow();
            long interruptedAt = System.nanoTime();
            publish.interrupt();
            publish.join(5_000);
            long tookMillis = (System.nanoTime() - interruptedAt) / 1_000_000;

            assertThat(publish.isAlive()).isFalse();
            assertThat(tookMillis)
                    .as("ms from interrupt to the end of the call")
                    .isLessThan(1_000);
            assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
            assertThat(inFlight)
                    .isEqualTo(
                            new InFlightCall("PublishVersion", "fn", "MR6+uvBLv7cTv9YsQVv7Fpvs74XtXopal+5fjJ37x5Y="));
            assertThat(deployer.inFlight()).isEmpty();
            log.deployLog().aborted("fn", inFlight);
            assertThat(log.lines())
                    .contains("❌ Aborted during PublishVersion on fn: the request was cut off, but it "
                            + "may already have reached Lambda and may still take effect.");
            assertThat(log.text()).contains("aws lambda list-versions-by-function --function-name fn");
            session.close();
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
