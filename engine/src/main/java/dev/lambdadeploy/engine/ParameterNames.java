package dev.lambdadeploy.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a front end spells {@link Parameter}s in messages. {@link #JENKINS} is the default: it is what
 * {@link LambdaDeployException#getMessage()} uses, so the Jenkins plugin shows engine messages as they are; the
 * CLI renders them with {@link #CLI} through {@link LambdaDeployException#render(ParameterNames)}.
 */
public enum ParameterNames {
    /** {@code maxRetries}, {@code failOnTimeout}, {@code region}: the Pipeline steps' fields. */
    JENKINS,
    /** {@code --max-retries}, {@code --fail-on-timeout}, {@code --region}: the CLI's options. */
    CLI;

    private static final Pattern REF = Pattern.compile("\\{\\{([A-Za-z0-9]+)}}");

    public String name(Parameter parameter) {
        return this == JENKINS ? parameter.jenkinsName() : parameter.cliName();
    }

    /** A parameter given by its Jenkins name; a name that is no {@link Parameter} (e.g. "code source") stays as it is. */
    public String name(String jenkinsName) {
        return Parameter.byJenkinsName(jenkinsName).map(this::name).orElse(jenkinsName);
    }

    /** Replaces each {@link Parameter#ref()} in {@code text} with this front end's spelling. */
    public String render(String text) {
        if (text.indexOf("{{") < 0) {
            return text;
        }
        Matcher m = REF.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement =
                    Parameter.byJenkinsName(m.group(1)).map(this::name).orElse(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
