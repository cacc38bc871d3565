package dev.lambdadeploy.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * STS's GetSessionToken and AssumeRole in the AWS Query protocol, as the SDK's StsClient sends them: {@code POST /}
 * with a form-encoded body ({@code Action=GetSessionToken&Version=2011-06-15&...}), signed for {@code sts}, answered
 * in XML. Both issue temporary keys ({@link SimulatorKeys#issue}) that the simulator's Lambda and CloudWatch then
 * accept until they expire on its clock. The simulator has no IAM: any role ARN of the form AWS accepts is assumed.
 */
final class StsService {
    static final String GET_SESSION_TOKEN = "GetSessionToken";
    static final String ASSUME_ROLE = "AssumeRole";
    static final Set<String> OPERATIONS = Set.of(GET_SESSION_TOKEN, ASSUME_ROLE);
    static final String SIGNING_NAME = "sts";
    private static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final Pattern ROLE_ARN =
            Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):role/(?:[\\w+=,.@-]+/)*([\\w+=,.@-]{1,64})");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");

    private final SimulatorKeys keys;

    StsService(SimulatorKeys keys) {
        this.keys = keys;
    }

    /** Whether a request is an STS call: a form-encoded POST to {@code /}. */
    static boolean detect(String method, String rawPath, Function<String, @Nullable List<String>> headers) {
        List<String> type = headers.apply("Content-Type");
        return method.equals("POST")
                && (rawPath.isEmpty() || rawPath.equals("/"))
                && type != null
                && !type.isEmpty()
                && type.get(0).startsWith("application/x-www-form-urlencoded");
    }

    static Map<String, String> form(byte[] body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                out.putIfAbsent(
                        URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** The operation a form names, or {@link Route#UNKNOWN}. */
    static String operation(Map<String, String> form) {
        String action = form.get("Action");
        return action != null && OPERATIONS.contains(action) ? action : Route.UNKNOWN;
    }

    /** The XML answer to {@code operation}, called by {@code caller}. */
    String handle(String operation, Map<String, String> form, SimulatorKeys.Key caller, Instant now, String requestId) {
        return switch (operation) {
            case GET_SESSION_TOKEN -> getSessionToken(form, caller, now, requestId);
            case ASSUME_ROLE -> assumeRole(form, now, requestId);
            default -> throw invalidAction(form);
        };
    }

    static ApiException invalidAction(Map<String, String> form) {
        return ApiException.user(
                400,
                "InvalidAction",
                "Could not find operation " + form.get("Action") + " for version " + form.get("Version"));
    }

    /** DurationSeconds 900 to 129600, default 43200; only long-term keys may call it, as on AWS. */
    private String getSessionToken(Map<String, String> form, SimulatorKeys.Key caller, Instant now, String requestId) {
        if (caller.temporary()) {
            throw ApiException.user(403, "AccessDenied", "Cannot call GetSessionToken with session credentials");
        }
        Duration duration = duration(form, 900, 129_600, 43_200);
        return "<GetSessionTokenResponse xmlns=\"" + NAMESPACE + "\">\n"
                + "  <GetSessionTokenResult>\n"
                + credentials(keys.issue(expiration(now, duration)))
                + "  </GetSessionTokenResult>\n"
                + metadata(requestId)
                + "</GetSessionTokenResponse>\n";
    }

    /** RoleArn and RoleSessionName required, DurationSeconds 900 to 43200, default 3600. */
    private String assumeRole(Map<String, String> form, Instant now, String requestId) {
        String roleArn = form.get("RoleArn");
        if (roleArn == null) {
            throw validation("roleArn", null, "Member must not be null");
        }
        Matcher role = ROLE_ARN.matcher(roleArn);
        if (!role.matches()) {
            throw validation("roleArn", roleArn, "Member must satisfy the pattern of an IAM role ARN");
        }
        String sessionName = form.get("RoleSessionName");
        if (sessionName == null) {
            throw validation("roleSessionName", null, "Member must not be null");
        }
        if (!SESSION_NAME.matcher(sessionName).matches()) {
            throw validation(
                    "roleSessionName", sessionName, "Member must satisfy regular expression pattern: [\\w+=,.@-]*");
        }
        Duration duration = duration(form, 900, 43_200, 3_600);
        String account = role.group(1);
        String roleName = role.group(2);
        return "<AssumeRoleResponse xmlns=\"" + NAMESPACE + "\">\n"
                + "  <AssumeRoleResult>\n"
                + "    <AssumedRoleUser>\n"
                + "      <Arn>arn:aws:sts::" + account + ":assumed-role/" + xml(roleName) + "/" + xml(sessionName)
                + "</Arn>\n"
                + "      <AssumedRoleId>" + roleId(roleArn) + ":" + xml(sessionName) + "</AssumedRoleId>\n"
                + "    </AssumedRoleUser>\n"
                + credentials(keys.issue(expiration(now, duration)))
                + "  </AssumeRoleResult>\n"
                + metadata(requestId)
                + "</AssumeRoleResponse>\n";
    }

    /** STS's error document; {@code Type} is Sender for client errors, Receiver for the service's own. */
    static String error(ApiException e, String requestId) {
        return "<ErrorResponse xmlns=\"" + NAMESPACE + "\">\n"
                + "  <Error>\n"
                + "    <Type>" + (e.serviceFault ? "Receiver" : "Sender") + "</Type>\n"
                + "    <Code>" + xml(e.type) + "</Code>\n"
                + "    <Message>" + xml(String.valueOf(e.getMessage())) + "</Message>\n"
                + "  </Error>\n"
                + "  <RequestId>" + requestId + "</RequestId>\n"
                + "</ErrorResponse>\n";
    }

    private static String credentials(SimulatorKeys.Key key) {
        return "    <Credentials>\n"
                + "      <AccessKeyId>" + key.accessKeyId() + "</AccessKeyId>\n"
                + "      <SecretAccessKey>" + xml(key.secretAccessKey()) + "</SecretAccessKey>\n"
                + "      <SessionToken>" + xml(String.valueOf(key.sessionToken())) + "</SessionToken>\n"
                + "      <Expiration>" + key.expiration() + "</Expiration>\n"
                + "    </Credentials>\n";
    }

    /** A role's unique id as IAM shows it ({@code AROA} and 17 characters), the same for the same ARN. */
    private static String roleId(String roleArn) {
        String hash = Integer.toUnsignedString(roleArn.hashCode(), 32).toUpperCase(java.util.Locale.ROOT);
        return "AROA" + "0".repeat(17 - hash.length()) + hash;
    }

    private static String metadata(String requestId) {
        return "  <ResponseMetadata>\n    <RequestId>" + requestId + "</RequestId>\n  </ResponseMetadata>\n";
    }

    private static Instant expiration(Instant now, Duration duration) {
        return now.plus(duration).truncatedTo(ChronoUnit.SECONDS);
    }

    private static Duration duration(Map<String, String> form, int min, int max, int byDefault) {
        String raw = form.get("DurationSeconds");
        if (raw == null) {
            return Duration.ofSeconds(byDefault);
        }
        int seconds;
        try {
            seconds = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw validation("durationSeconds", raw, "Member must be a number");
        }
        if (seconds < min || seconds > max) {
            throw validation(
                    "durationSeconds",
                    seconds,
                    "Member must have value "
                            + (seconds < min ? "greater than or equal to " + min : "less than or equal to " + max));
        }
        return Duration.ofSeconds(seconds);
    }

    private static ApiException validation(String member, @Nullable Object value, String constraint) {
        return ApiException.user(
                400,
                "ValidationError",
                "1 validation error detected: Value " + (value == null ? "null" : "'" + value + "'") + " at '" + member
                        + "' failed to satisfy constraint: " + constraint);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
