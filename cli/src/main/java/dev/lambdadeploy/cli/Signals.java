package dev.lambdadeploy.cli;

import java.util.function.Consumer;
import sun.misc.Signal;

/**
 * SIGINT and SIGTERM as the CLI handles them: its own handler instead of the JVM's shutdown, so the CLI can cut
 * off the AWS call on the wire, say which call it was, and exit 130 or 143 (128 + the signal's number, as shells
 * report it) within a second.
 */
final class Signals {

    /** A signal the CLI handles, with its exit code. */
    record Caught(String name, int exitCode) {}

    static final Caught INT = new Caught("SIGINT", ExitCodes.INTERRUPTED);
    static final Caught TERM = new Caught("SIGTERM", ExitCodes.TERMINATED);

    private Signals() {}

    /** Installs {@code handler} for SIGINT and SIGTERM; a platform without one of them keeps the JVM's default. */
    static void install(Consumer<Caught> handler) {
        for (Caught caught : new Caught[] {INT, TERM}) {
            try {
                Signal.handle(new Signal(caught.name().substring(3)), signal -> handler.accept(caught));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // e.g. a signal the JVM already uses (-Xrs); the shutdown hook still interrupts the work
            }
        }
    }
}
