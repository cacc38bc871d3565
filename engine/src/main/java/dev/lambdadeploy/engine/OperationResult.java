package dev.lambdadeploy.engine;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What any operation of the engine gives its front end: the fields a Pipeline step returns and the CLI prints, the
 * variables a freestyle build step exports, and what went wrong without failing the operation.
 */
public interface OperationResult {

    /** Plain values only (strings, numbers, booleans, lists and maps of them), readable in the Pipeline sandbox. */
    Map<String, Object> toMap();

    /** The {@code LAMBDA_*} variables a freestyle build step exports to the steps after it. */
    Map<String, String> environment();

    /** What went wrong without failing the operation (a wait that timed out, a rollback), null if nothing did. */
    @Nullable
    String warning();

    /**
     * Whether the warning makes the build UNSTABLE whatever the step's {@code unstableOnWarning} says: the user asked
     * for it in the operation itself (a shift rolled back by an alarm under {@code onAlarm: 'unstable'}).
     */
    default boolean marksUnstable() {
        return false;
    }
}
