package dev.lambdadeploy.engine.release;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What a shift does next, as {@link ShiftDecider} decides it. */
public sealed interface ShiftDecision extends java.io.Serializable {

    /**
     * Give the new version {@code weight} of the alias's traffic (UpdateAlias with AdditionalVersionWeights), then go
     * on from {@code next}.
     */
    record Route(double weight, ShiftState next) implements ShiftDecision {}

    /** Nothing changes; look at the alarms again after {@code delay}. */
    record Hold(Duration delay, ShiftState next) implements ShiftDecision {}

    /** All traffic to the new version (the alias's version, no additional weights): the shift is done. */
    record Complete() implements ShiftDecision {}

    /**
     * All traffic back to the previous version. {@code alarm} is the alarm that fired and {@code since} when, or, if
     * the alarms could not be read for too long, null and the time the due step waited from.
     */
    record RollBack(String reason, @Nullable String alarm, Instant since) implements ShiftDecision {}
}
