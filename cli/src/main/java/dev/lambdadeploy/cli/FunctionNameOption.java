package dev.lambdadeploy.cli;

import picocli.CommandLine.Option;

/** The function every command that talks to Lambda acts on. */
final class FunctionNameOption {

    /** Before the commands' own options, which keep picocli's default order (-1, their declaration order). */
    private static final int FIRST = -2;

    /** Never null once parsed (picocli requires the option); the engine validates what it holds. */
    @Option(
            names = "--function-name",
            required = true,
            order = FIRST,
            paramLabel = "NAME",
            description = "Function name, ARN or partial ARN.")
    String functionName = "";
}
