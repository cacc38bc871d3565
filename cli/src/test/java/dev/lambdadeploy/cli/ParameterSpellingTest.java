package dev.lambdadeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdadeploy.engine.Parameter;
import dev.lambdadeploy.engine.ParameterNames;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The engine's CLI spelling of each parameter is an option the CLI really has. */
class ParameterSpellingTest {

    @TempDir
    Path dir;

    @Test
    void everyCliSpellingIsAnOption() {
        try (CliHarness cli = new CliHarness(dir)) {
            Set<String> options = new HashSet<>();
            for (CommandLine sub : LambdaDeployCli.commandLine(
                            cli.context(new java.io.StringWriter(), new java.io.StringWriter()))
                    .getSubcommands()
                    .values()) {
                sub.getCommandSpec().options().forEach(o -> options.addAll(Arrays.asList(o.names())));
            }

            assertThat(Arrays.stream(Parameter.values())
                            .map(ParameterNames.CLI::name)
                            .filter(n -> n.startsWith("--")))
                    .allSatisfy(name -> assertThat(options).as("CLI options").contains(name));
        }
    }
}
