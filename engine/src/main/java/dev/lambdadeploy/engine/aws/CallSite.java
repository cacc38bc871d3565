package dev.lambdadeploy.engine.aws;

import dev.lambdadeploy.engine.InvalidParameterException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Where a Jenkins step makes its AWS calls ({@code callsFrom}): on the controller, with credentials the controller
 * resolves, or on the agent of the enclosing {@code node} block, with session credentials sent there or the agent's
 * own identity. The words users see, and the messages about it, are here so that every front end says the same.
 */
public enum CallSite {
    /** Every call from the Jenkins controller (the default). */
    CONTROLLER("controller"),
    /** Every call from the agent of the enclosing {@code node} block, through its channel. */
    AGENT("agent");

    /** The error code of a poll made while the agent of the step is not connected. */
    public static final String AGENT_NOT_CONNECTED = "AgentNotConnected";

    /** The Jenkins parameter. */
    public static final String PARAMETER = "callsFrom";

    private final String spelling;

    CallSite(String spelling) {
        this.spelling = spelling;
    }

    /** As users write it: {@code controller} or {@code agent}. */
    public String spelling() {
        return spelling;
    }

    /**
     * {@code value} as given (case and surrounding blanks ignored); blank or null means {@code fallback}.
     *
     * @throws InvalidParameterException naming {@code callsFrom} for any other word
     */
    public static CallSite parse(@Nullable String value, CallSite fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String word = value.strip().toLowerCase(Locale.ROOT);
        for (CallSite site : values()) {
            if (site.spelling.equals(word)) {
                return site;
            }
        }
        throw new InvalidParameterException(
                PARAMETER,
                "'" + value.strip() + "' is neither of "
                        + Arrays.stream(values())
                                .map(s -> "'" + s.spelling + "'")
                                .collect(Collectors.joining(" and "))
                        + ": 'controller' makes the AWS calls on the Jenkins controller, 'agent' on the agent of the"
                        + " enclosing node block");
    }

    /** {@link #parse(String, CallSite)} with {@link #CONTROLLER} as the fallback. */
    public static CallSite parse(@Nullable String value) {
        return parse(value, CONTROLLER);
    }

    /** Agent mode outside a {@code node} block: said before any AWS call. */
    public static InvalidParameterException noAgent() {
        return new InvalidParameterException(
                PARAMETER,
                "'agent' makes the AWS calls on the agent of the enclosing node block, and there is none: wrap the"
                        + " step in node { ... } or set callsFrom: 'controller'");
    }

    /**
     * Agent mode on the built-in node without credentials: the controller's own identity would make the calls, which
     * only an administrator may allow.
     */
    public static InvalidParameterException controllerIdentityRefused(String howToConfigure) {
        return new InvalidParameterException(
                PARAMETER,
                "'agent' runs on the built-in node here, so without credentialsId the calls would use the AWS identity"
                        + " of the controller, which an administrator has not allowed. Run the step in a node block"
                        + " on an agent, or give credentialsId. " + howToConfigure);
    }

    /** What a step in agent mode says first: where its calls run and as whom. */
    public static String announce(String agent, boolean withCredentialsId) {
        return PARAMETER + ": 'agent': the AWS calls run on agent " + agentName(agent)
                + (withCredentialsId
                        ? ", with short-lived session credentials the controller made from credentialsId"
                        : ", with the agent's own AWS identity (its environment, profile, web identity, container or"
                                + " instance role)");
    }

    /** The error a poll records while the agent of the step is not connected (after a restart, or a lost agent). */
    public static AwsErrorInfo agentOffline(String operation, String functionName, String agent) {
        return new AwsErrorInfo(
                operation,
                functionName,
                AGENT_NOT_CONNECTED,
                0,
                null,
                "agent " + agentName(agent) + " is not connected (" + PARAMETER
                        + ": 'agent' makes the calls there); waiting for it to reconnect");
    }

    /** A call that cannot be made because the agent of the step is not connected. */
    public static CallSiteException agentGone(String operation, String functionName, String agent) {
        return new CallSiteException(
                "Cannot call " + operation + " for " + functionName + ": agent " + agentName(agent)
                        + " is not connected, and " + PARAMETER
                        + ": 'agent' makes the AWS calls there. Bring the agent back online and run the build again.",
                agentOffline(operation, functionName, agent));
    }

    private static String agentName(String agent) {
        return agent.isEmpty() ? "built-in" : agent;
    }

    @Override
    public String toString() {
        return spelling;
    }
}
