package dev.lambdadeploy.cli;

import dev.lambdadeploy.engine.log.DeployLog;
import dev.lambdadeploy.engine.log.LogSink;
import dev.lambdadeploy.engine.log.LogStyle;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * stderr as the engine's log: every line as the engine wrote it; in GitHub Actions warnings and errors again as
 * {@code ::warning::} / {@code ::error::} workflow commands, as the original script does; on a terminal a single
 * live line with the time since the last log line while the CLI is busy (a wait, a slow call).
 */
final class Console implements LogSink, AutoCloseable {

    /** Quiet time before the progress line appears, so quick steps never flicker. */
    static final Duration PROGRESS_AFTER = Duration.ofMillis(400);

    static final Duration PROGRESS_TICK = Duration.ofMillis(100);
    private static final String[] EMOJI_SPINNER = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};
    private static final String[] PLAIN_SPINNER = {"|", "/", "-", "\\"};
    private static final String CLEAR_LINE = "\r\033[K";

    private final PrintWriter err;
    private final LogStyle style;
    private final boolean githubActions;
    private final @Nullable ScheduledExecutorService ticker;
    private long lastLineNanos = System.nanoTime();
    private boolean progressShown;
    private int frame;

    Console(CliContext context, LogStyle style) {
        this(context.err(), style, context.githubActions(), context.progress());
    }

    Console(PrintWriter err, LogStyle style, boolean githubActions, boolean progress) {
        this.err = err;
        this.style = style;
        this.githubActions = githubActions;
        if (progress) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "lambda-deploy-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(
                    this::tick, PROGRESS_TICK.toMillis(), PROGRESS_TICK.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            ticker = null;
        }
    }

    DeployLog deployLog() {
        return new DeployLog(this, style);
    }

    LogStyle style() {
        return style;
    }

    @Override
    public synchronized void line(Level level, String text) {
        clearProgress();
        err.println(text);
        if (githubActions && level != Level.INFO) {
            err.println((level == Level.ERROR ? "::error::" : "::warning::")
                    + escapeWorkflowCommand(DeployLog.unmarked(text)));
        }
        err.flush();
        lastLineNanos = System.nanoTime();
    }

    /** A failure that ends the command: the engine's message, styled like the engine's error lines. */
    void failure(String message) {
        new DeployLog(this, style).failed(message);
    }

    /** Text on stderr that is not a log line (usage hints); never annotated. */
    synchronized void note(String text) {
        clearProgress();
        err.println(text);
        err.flush();
        lastLineNanos = System.nanoTime();
    }

    synchronized void tick() {
        long quiet = System.nanoTime() - lastLineNanos;
        if (quiet < PROGRESS_AFTER.toNanos()) {
            return;
        }
        err.print(progressText(Duration.ofNanos(quiet)));
        err.flush();
        progressShown = true;
    }

    /** The progress line: carriage return, a spinner frame and the seconds since the last log line. */
    synchronized String progressText(Duration quiet) {
        String[] spinner = style == LogStyle.EMOJI ? EMOJI_SPINNER : PLAIN_SPINNER;
        frame = (frame + 1) % spinner.length;
        return CLEAR_LINE + "  " + spinner[frame] + " "
                + String.format(Locale.ROOT, "%.1fs", quiet.toMillis() / 1000.0);
    }

    private void clearProgress() {
        if (progressShown) {
            err.print(CLEAR_LINE);
            progressShown = false;
        }
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            clearProgress();
            err.flush();
        }
    }

    /** GitHub's escaping of workflow command data: %, CR and LF. */
    static String escapeWorkflowCommand(String data) {
        return data.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }
}
