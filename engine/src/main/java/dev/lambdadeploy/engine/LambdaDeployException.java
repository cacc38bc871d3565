package dev.lambdadeploy.engine;

/**
 * The base of every failure the engine reports to a user. Messages are complete sentences meant for a build
 * log; callers show {@link #getMessage()} (parameters spelt as the Jenkins steps spell them) or
 * {@link #render(ParameterNames)} (as another front end spells them), and no stack trace. Subclasses exist where
 * callers act differently.
 */
public abstract class LambdaDeployException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String template;

    /** {@code message} may refer to parameters with {@link Parameter#ref()}. */
    protected LambdaDeployException(String message) {
        super(ParameterNames.JENKINS.render(message));
        this.template = message;
    }

    protected LambdaDeployException(String message, Throwable cause) {
        super(ParameterNames.JENKINS.render(message), cause);
        this.template = message;
    }

    /** The message with parameters spelt as {@code names} spells them. */
    public String render(ParameterNames names) {
        return names.render(template);
    }
}
