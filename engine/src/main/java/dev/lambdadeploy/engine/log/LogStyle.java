package dev.lambdadeploy.engine.log;

/** The spec's log lines (see {@link dev.lambdadeploy.engine}) with their emoji, or the same words in plain text for consoles that mangle emoji. */
public enum LogStyle {
    EMOJI,
    PLAIN
}
