package dev.lambdadeploy.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The {@code aws} on PATH. A pyenv shim is resolved to the real executable: the shim costs about 0.1 s per
 * call, which would be charged to the spec's script five times per deploy.
 */
record AwsCli(Path executable, String version) {

    static Optional<AwsCli> locate() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "aws");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                Path real = candidate.toString().contains("/.pyenv/shims/")
                        ? pyenvWhich().orElse(candidate)
                        : candidate;
                return Optional.of(
                        new AwsCli(real, output(real.toString(), "--version").orElse("unknown version")));
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> pyenvWhich() {
        return output("pyenv", "which", "aws").map(Path::of).filter(Files::isExecutable);
    }

    private static Optional<String> output(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty()
                    ? Optional.of(out.lines().findFirst().orElse(out))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
