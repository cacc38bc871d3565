package dev.lambdadeploy.engine;

import java.util.Objects;
import java.util.function.UnaryOperator;

/** Bad input, found before any AWS call: which parameter, what was wrong, what would be right. */
public final class InvalidParameterException extends LambdaDeployException {

    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String problem;

    public InvalidParameterException(String parameter, String problem) {
        super("Invalid " + parameter + ": " + problem);
        this.parameter = Objects.requireNonNull(parameter, "parameter");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** The parameter's name as the Pipeline steps spell it, e.g. {@code functionName}. */
    public String parameter() {
        return parameter;
    }

    public String problem() {
        return problem;
    }

    /** The message with the parameter named as a front end spells it, e.g. {@code --function-name}. */
    public String render(UnaryOperator<String> parameterName) {
        return "Invalid " + parameterName.apply(parameter) + ": " + problem;
    }
}
