package dev.lambdadeploy.cli;

/** A command that reports on its own console, so its failures are printed in its style. */
interface ConsoleCommand {

    Console console();
}
