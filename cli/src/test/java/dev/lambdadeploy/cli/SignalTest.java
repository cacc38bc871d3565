package dev.lambdadeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdadeploy.simulator.SimulatorCredentials;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real CLI process, a real signal, and a server on 127.0.0.1 that accepts the call and never answers: the CLI
 * cuts the call off, says which call was on the wire and how to check whether it reached Lambda, and exits 130
 * (SIGINT) or 143 (SIGTERM) within a second.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class SignalTest {

    @TempDir
    Path home;

    private ServerSocket silent;
    private final List<Socket> accepted = new ArrayList<>();
    private final CountDownLatch requestOnTheWire = new CountDownLatch(1);

    @BeforeEach
    void listen() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread server = new Thread(
                () -> {
                    try {
                        Socket socket = silent.accept();
                        synchronized (accepted) {
                            accepted.add(socket);
                        }
                        socket.getInputStream().read(); // the request has arrived; never answer
                        requestOnTheWire.countDown();
                    } catch (IOException ignored) {
                        // closed at the end of the test
                    }
                },
                "silent-server");
        server.setDaemon(true);
        server.start();
    }

    @AfterEach
    void close() throws IOException {
        synchronized (accepted) {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
        silent.close();
    }

    @Test
    void sigintDuringUpdateFunctionCodeCutsItOffSaysSoAndExits130() throws Exception {
        Path zip = CliHarness.writeZip(home, "app.zip", "def handler(e, c): return 1");
        String sha = CliHarness.sha256(Files.readAllBytes(zip));
        Child cli = start("update-code", "--function-name", "fn", "--zip-file", zip.toString());

        Child.Exit exit = cli.signal("INT");

        assertThat(exit.code()).isEqualTo(130);
        assertThat(exit.millisAfterSignal()).as("ms from SIGINT to exit").isLessThan(1_000);
        assertThat(exit.err())
                .contains("❌ Aborted during UpdateFunctionCode on fn: the request was cut off, but it "
                        + "may already have reached Lambda and may still take effect.")
                .contains("aws lambda get-function-configuration --function-name fn")
                .contains("the uploaded code's CodeSha256 is " + sha)
                .contains("Stopped by SIGINT (exit 130)");
    }

    @Test
    void sigtermDuringPublishVersionCutsItOffSaysSoAndExits143() throws Exception {
        Child cli = start(
                "publish-version",
                "--function-name",
                "fn",
                "--no-wait-for-ready",
                "--code-sha256",
                "MR6+uvBLv7cTv9YsQVv7Fpvs74XtXopal+5fjJ37x5Y=");

        Child.Exit exit = cli.signal("TERM");

        assertThat(exit.code()).isEqualTo(143);
        assertThat(exit.millisAfterSignal()).as("ms from SIGTERM to exit").isLessThan(1_000);
        assertThat(exit.err())
                .contains("❌ Aborted during PublishVersion on fn: the request was cut off, but it "
                        + "may already have reached Lambda and may still take effect.")
                .contains("A version may have been published. Check the function's versions: aws lambda "
                        + "list-versions-by-function --function-name fn")
                .contains("Stopped by SIGTERM (exit 143)");
    }

    private Child start(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LambdaDeployCli.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", "http://127.0.0.1:" + silent.getLocalPort()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment()
                .keySet()
                .removeIf(k -> k.startsWith("AWS_") || k.equals("CI") || k.equals("GITHUB_ACTIONS"));
        builder.environment().put("AWS_ACCESS_KEY_ID", SimulatorCredentials.ACCESS_KEY_ID);
        builder.environment().put("AWS_SECRET_ACCESS_KEY", SimulatorCredentials.SECRET_ACCESS_KEY);
        builder.environment().put("AWS_REGION", "us-east-1");
        builder.environment().put("HOME", home.toString());
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        Child child = new Child(process);
        // bounded by the child: if it dies before calling, the latch is never needed
        while (!requestOnTheWire.await(100, TimeUnit.MILLISECONDS)) {
            assertThat(process.isAlive())
                    .as("CLI still running; stderr so far: %s", child.errSoFar())
                    .isTrue();
        }
        return child;
    }

    /** The CLI's process and its stderr, read as it comes. */
    private static final class Child {
        private final Process process;
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final Thread reader;

        record Exit(int code, long millisAfterSignal, String err) {}

        Child(Process process) {
            this.process = process;
            this.reader = new Thread(() -> {
                try (InputStream in = process.getErrorStream()) {
                    byte[] buffer = new byte[4096];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        synchronized (err) {
                            err.write(buffer, 0, n);
                        }
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        String errSoFar() {
            synchronized (err) {
                return err.toString(StandardCharsets.UTF_8);
            }
        }

        Exit signal(String name) throws IOException, InterruptedException {
            long signalled = System.nanoTime();
            new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
            boolean exited = process.waitFor(10, TimeUnit.SECONDS);
            long millis = (System.nanoTime() - signalled) / 1_000_000;
            if (!exited) {
                process.destroyForcibly();
            }
            assertThat(exited)
                    .as("CLI exited after SIG%s; stderr: %s", name, errSoFar())
                    .isTrue();
            reader.join(5_000);
            return new Exit(process.exitValue(), millis, errSoFar());
        }
    }
}
