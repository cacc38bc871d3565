package dev.lambdadeploy.engine;

/**
 * The base of every failure the engine reports to a user. Messages are complete sentences meant for a build
 * log; callers show {@link #getMessage()} and no stack trace. Subclasses exist where callers act differently.
 */
public abstract class LambdaDeployException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected LambdaDeployException(String message) {
        super(message);
    }

    protected LambdaDeployException(String message, Throwable cause) {
        super(message, cause);
    }
}
