package dev.lambdadeploy.engine;

import java.util.Objects;
import java.util.function.UnaryOperator;

/** Bad input, found before any AWS call: which parameter, what was wrong, what would be right. */
public final class InvalidParameterException extends LambdaDeployException {

    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String problem;

    /**
     * @param parameter the Jenkins name of the parameter (see {@link Parameter#jenkinsName()}), or a description
     *     such as "code source"
     * @param problem what was wrong; may refer to other parameters with {@link Parameter#ref()}
     */
    public InvalidParameterException(String parameter, String problem) {
        super("Invalid " + parameter + ": " + problem);
        this.parameter = Objects.requireNonNull(parameter, "parameter");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public InvalidParameterException(Parameter parameter, String problem) {
        this(parameter.jenkinsName(), problem);
    }

    /** The parameter's name as the Pipeline steps spell it, e.g. {@code functionName}. */
    public String parameter() {
        return parameter;
    }

    /** What was wrong, with parameters spelt as the Pipeline steps spell them. */
    public String problem() {
        return ParameterNames.JENKINS.render(problem);
    }

    /** The message with the parameter named as a front end spells it, e.g. {@code --function-name}. */
    public String render(UnaryOperator<String> parameterName) {
        StringBuilder text = new StringBuilder();
        var m = java.util.regex.Pattern.compile("\\{\\{([A-Za-z0-9]+)}}").matcher(problem);
        while (m.find()) {
            m.appendReplacement(text, java.util.regex.Matcher.quoteReplacement(parameterName.apply(m.group(1))));
        }
        m.appendTail(text);
        return "Invalid " + parameterName.apply(parameter) + ": " + text;
    }

    @Override
    public String render(ParameterNames names) {
        return "Invalid " + names.name(parameter) + ": " + names.render(problem);
    }
}
