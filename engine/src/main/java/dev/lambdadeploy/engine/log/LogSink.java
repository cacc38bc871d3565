package dev.lambdadeploy.engine.log;

/** Where log lines go: a build log, stderr, a list in a test. Lines carry no secrets. */
@FunctionalInterface
public interface LogSink {

    enum Level {
        INFO,
        WARNING,
        ERROR
    }

    void line(Level level, String text);

    LogSink NONE = (level, text) -> {};
}
