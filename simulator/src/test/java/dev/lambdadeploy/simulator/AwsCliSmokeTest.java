package dev.lambdadeploy.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The AWS CLI signs and parses differently from the Java SDK; one call each way proves it is understood. */
class AwsCliSmokeTest extends SimulatorFixture {

    @Test
    void theAwsCliPassesSignatureCheckingAndSeesErrors() throws Exception {
        assumeTrue(onPath("aws"), "aws CLI not on PATH");
        sim.control().createFunction("cli-fn", Duration.ZERO);

        Result ok = aws(
                SimulatorCredentials.SECRET_ACCESS_KEY,
                "lambda",
                "get-function-configuration",
                "--function-name",
                "cli-fn",
                "--query",
                "State",
                "--output",
                "text");
        assertThat(ok.exitCode).as(ok.output).isZero();
        assertThat(ok.output.trim()).isEqualTo("Active");

        Result wrong = aws("wrong-secret", "lambda", "get-function", "--function-name", "cli-fn");
        assertThat(wrong.exitCode).isNotZero();
        assertThat(wrong.output).contains("InvalidSignatureException");
        assertThat(sim.journal().count("GetFunctionConfiguration")).isEqualTo(1);
    }

    private record Result(int exitCode, String output) {}

    private Result aws(String secret, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("aws"));
        command.addAll(List.of(args));
        command.addAll(List.of(
                "--endpoint-url", sim.endpoint().toString(), "--cli-connect-timeout", "5", "--cli-read-timeout", "10"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("AWS_ACCESS_KEY_ID", SimulatorCredentials.ACCESS_KEY_ID);
        pb.environment().put("AWS_SECRET_ACCESS_KEY", secret);
        pb.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        pb.environment().put("AWS_MAX_ATTEMPTS", "1");
        pb.environment().put("AWS_CONFIG_FILE", "/dev/null");
        pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        pb.environment().remove("AWS_SESSION_TOKEN");
        pb.environment().remove("AWS_PROFILE");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("aws CLI did not finish");
        }
        return new Result(p.exitValue(), out);
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (new File(dir, tool).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
