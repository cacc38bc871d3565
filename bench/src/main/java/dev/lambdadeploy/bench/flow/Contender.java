package dev.lambdadeploy.bench.flow;

/** One way of deploying: how it updates, waits for the update to finish and publishes a version. */
public interface Contender {

    /** A short key for function names and CSV, e.g. {@code engine}. */
    String key();

    /** The name in tables. */
    String label();

    /** How long it waits for readiness at most, as shown in tables. */
    String budget();

    /** UpdateFunctionCode through this contender's own client and habits; returns the new CodeSha256. */
    String update(String function, byte[] zip) throws Exception;

    /** Waits for the update to finish and publishes a version; throws when no version was published. */
    void awaitAndPublish(String function, String codeSha256) throws Exception;

    /**
     * Whether the bench lets it run its own update ({@link #deploy}) instead of the same raw UpdateFunctionCode for
     * everyone, because it uses the update's response.
     */
    default boolean updatesItself() {
        return false;
    }

    /** The whole deploy: update, wait, publish. */
    default void deploy(String function, byte[] zip) throws Exception {
        awaitAndPublish(function, update(function, zip));
    }
}
