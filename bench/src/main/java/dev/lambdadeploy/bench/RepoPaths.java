package dev.lambdadeploy.bench;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the reactor's files are: found from the bench jar's location, else from the working directory. */
record RepoPaths(Path root) {

    static RepoPaths locate() {
        Path cwd = Path.of("").toAbsolutePath();
        for (Path candidate : new Path[] {fromJar(), cwd, cwd.getParent()}) {
            if (candidate != null && Files.isRegularFile(candidate.resolve("bench/scripts/spec-deploy.sh"))) {
                return new RepoPaths(candidate);
            }
        }
        throw new IllegalStateException("cannot find the repository (bench/scripts/spec-deploy.sh); run from its root");
    }

    private static Path fromJar() {
        try {
            // bench/target/lambda-deploy-bench.jar or bench/target/classes
            Path location = Path.of(BenchMain.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path target = location.getParent();
            return target == null || target.getParent() == null
                    ? null
                    : target.getParent().getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    Path results() {
        return root.resolve("bench/results");
    }

    Path specScript() {
        return root.resolve("bench/scripts/spec-deploy.sh");
    }

    Path cliLauncher() {
        return root.resolve("cli/bin/lambda-deploy");
    }

    Path cliJar() {
        return root.resolve("cli/target/lambda-deploy-cli.jar");
    }
}
