package dev.lambdadeploy.engine.log;

/** The spec's lines with their emoji, or the same words in plain text for consoles that mangle emoji. */
public enum LogStyle {
    EMOJI,
    PLAIN
}
