package dev.lambdadeploy.cli;

import dev.lambdadeploy.engine.log.LogStyle;
import picocli.CommandLine.Option;

/** Where and how a command reports: the result on stdout as text or JSON, the log on stderr with or without emoji. */
final class OutputOptions {

    @Option(
            order = 110,
            names = "--output",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description =
                    "Result on stdout: text (key=value lines, ready for $GITHUB_OUTPUT) or json. Default: ${DEFAULT-VALUE}.")
    ResultWriter.Format format = ResultWriter.Format.text;

    @Option(
            order = 111,
            names = "--plain",
            description = "Log without emoji (WARNING:/ERROR: prefixes instead), for consoles that cannot show them.")
    boolean plain;

    LogStyle style() {
        return plain ? LogStyle.PLAIN : LogStyle.EMOJI;
    }
}
