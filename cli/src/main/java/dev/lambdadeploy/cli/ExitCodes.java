package dev.lambdadeploy.cli;

import dev.lambdadeploy.engine.InvalidParameterException;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParameterException;

/** The CLI's exit codes, and which failure gets which. */
final class ExitCodes implements IExitCodeExceptionMapper {

    /** Done; also the original script's "timeout waiting, published anyway" and a rollback whose publish failed. */
    static final int OK = 0;
    /** An AWS call failed, the update Failed, the code changed underneath, or a timeout with --fail-on-timeout. */
    static final int FAILED = 1;
    /** Bad usage or bad input, found before any AWS call. */
    static final int USAGE = 2;
    /** Interrupted (Ctrl-C, SIGINT): 128 + 2, as shells report it. */
    static final int INTERRUPTED = 130;
    /** Terminated (SIGTERM, e.g. a CI job cancelled): 128 + 15. Set by the signal handler, not by an exception. */
    static final int TERMINATED = 143;

    @Override
    public int getExitCode(Throwable exception) {
        if (exception instanceof InvalidParameterException || exception instanceof ParameterException) {
            return USAGE;
        }
        if (isInterruption(exception)) {
            return INTERRUPTED;
        }
        return FAILED;
    }

    static boolean isInterruption(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }
}
