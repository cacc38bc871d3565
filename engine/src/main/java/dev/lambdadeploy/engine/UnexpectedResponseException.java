package dev.lambdadeploy.engine;

/**
 * Lambda answered, but without what the engine needs to go on safely (e.g. an update without a CodeSha256, so a
 * publish could not be pinned to the uploaded code). Nothing further was done.
 */
public final class UnexpectedResponseException extends LambdaDeployException {

    private static final long serialVersionUID = 1L;

    public UnexpectedResponseException(String message) {
        super(message);
    }
}
