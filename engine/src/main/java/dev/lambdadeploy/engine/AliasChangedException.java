package dev.lambdadeploy.engine;

import org.jspecify.annotations.Nullable;

/** The alias is not where this operation expected it (a stale RevisionId, another actor moved it): nothing changed. */
public final class AliasChangedException extends LambdaDeployException {

    private static final long serialVersionUID = 1L;

    public AliasChangedException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
