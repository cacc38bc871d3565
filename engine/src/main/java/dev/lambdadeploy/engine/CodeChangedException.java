package dev.lambdadeploy.engine;

/**
 * Someone else changed the function between our update and our publish (a CodeSha256 or RevisionId mismatch).
 * Nothing was published: publishing would have released code other than what was uploaded.
 */
public final class CodeChangedException extends LambdaDeployException {

    private static final long serialVersionUID = 1L;

    public CodeChangedException(String message, @org.jspecify.annotations.Nullable Throwable cause) {
        super(message, cause);
    }
}
