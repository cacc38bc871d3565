package dev.lambdadeploy.engine;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A gradual shift was rolled back: all traffic is on the previous version again, because {@link #alarm()} fired at
 * {@link #since()} (or, with no alarm, because the alarms could not be read for too long).
 */
public final class AliasRolledBackException extends LambdaDeployException {

    private static final long serialVersionUID = 1L;

    private final transient AliasResult result;
    private final @Nullable String alarm;
    private final Instant since;

    public AliasRolledBackException(String message, AliasResult result, @Nullable String alarm, Instant since) {
        super(message);
        this.result = result;
        this.alarm = alarm;
        this.since = since;
    }

    /** Where the alias stands after the rollback. */
    public AliasResult result() {
        return result;
    }

    public @Nullable String alarm() {
        return alarm;
    }

    public Instant since() {
        return since;
    }
}
