package dev.lambdadeploy.engine;

import dev.lambdadeploy.engine.log.DeployLog;
import dev.lambdadeploy.engine.log.LogSink;
import dev.lambdadeploy.engine.log.LogStyle;
import java.util.ArrayList;
import java.util.List;

/** Collects log lines for assertions. */
public final class RecordingLog implements LogSink {

    private final List<String> lines = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    @Override
    public synchronized void line(Level level, String text) {
        lines.add(text);
        if (level == Level.WARNING) {
            warnings.add(text);
        }
    }

    public DeployLog deployLog() {
        return new DeployLog(this, LogStyle.EMOJI);
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    public synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The lines of the spec's vocabulary, without our extra detail lines. */
    public synchronized List<String> specLines() {
        return lines.stream().filter(RecordingLog::isSpecLine).toList();
    }

    private static boolean isSpecLine(String line) {
        return !line.startsWith("  ") || line.startsWith("  Function State:") || line.startsWith("  Waiting...");
    }

    public String text() {
        return String.join("\n", lines());
    }
}
