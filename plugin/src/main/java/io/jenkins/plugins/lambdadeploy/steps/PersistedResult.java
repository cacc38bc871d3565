package io.jenkins.plugins.lambdadeploy.steps;

import dev.lambdadeploy.engine.LambdaResult;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;
import java.time.Duration;

/**
 * A {@link LambdaResult} as step state that outlives a restart. Step executions are written to {@code program.dat} by
 * JBoss Marshalling, not by Java serialization, and a Java record such as {@link LambdaResult} is not something to
 * rely on there: this plain class holds the same values (no secret among them) and gives the record back.
 */
final class PersistedResult implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String functionName;
    private final @CheckForNull String functionArn;
    private final @CheckForNull String version;
    private final @CheckForNull String codeSha256;
    private final @CheckForNull String revisionId;
    private final @CheckForNull String state;
    private final @CheckForNull String lastUpdateStatus;
    private final int attempts;
    private final long waitedMillis;
    private final boolean published;
    private final boolean timedOut;
    private final @CheckForNull String warning;

    private PersistedResult(LambdaResult r) {
        this.functionName = r.functionName();
        this.functionArn = r.functionArn();
        this.version = r.version();
        this.codeSha256 = r.codeSha256();
        this.revisionId = r.revisionId();
        this.state = r.state();
        this.lastUpdateStatus = r.lastUpdateStatus();
        this.attempts = r.attempts();
        this.waitedMillis = r.waited().toMillis();
        this.published = r.published();
        this.timedOut = r.timedOut();
        this.warning = r.warning();
    }

    @NonNull
    static PersistedResult of(@NonNull LambdaResult result) {
        return new PersistedResult(result);
    }

    @NonNull
    LambdaResult toResult() {
        return new LambdaResult(
                functionName,
                functionArn,
                version,
                codeSha256,
                revisionId,
                state,
                lastUpdateStatus,
                attempts,
                Duration.ofMillis(waitedMillis),
                published,
                timedOut,
                warning);
    }
}
