package dev.lambdadeploy.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * CloudWatch's DescribeAlarms over {@link AlarmRegistry}. Requests and answers are documents of the API model's
 * shapes; timestamps in answers are {@link Instant} values in POJO nodes, which {@link CloudWatchProtocol} encodes as
 * its wire format wants them.
 */
final class CloudWatchService {
    static final String DESCRIBE_ALARMS = "DescribeAlarms";
    /** The operations served; any other is an unknown operation. */
    static final Set<String> OPERATIONS = Set.of(DESCRIBE_ALARMS);

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int MAX_NAMES = 100;

    private final AlarmRegistry alarms;

    CloudWatchService(AlarmRegistry alarms) {
        this.alarms = alarms;
    }

    /**
     * AlarmNames (up to 100) or AlarmNamePrefix, StateValue, AlarmTypes, MaxRecords (1 to 100, default 50) and
     * NextToken. Only metric alarms exist here: a request for composite alarms alone answers none.
     */
    ObjectNode describeAlarms(JsonNode request, Instant now) {
        List<String> names = strings(request, "AlarmNames");
        String prefix = text(request, "AlarmNamePrefix");
        String stateValue = text(request, "StateValue");
        if (!names.isEmpty() && prefix != null) {
            throw invalidCombination("AlarmNamePrefix and AlarmNames cannot be specified together.");
        }
        if (names.size() > MAX_NAMES) {
            throw validation("alarmNames", names, "Member must have length less than or equal to " + MAX_NAMES);
        }
        if (stateValue != null && !AlarmRegistry.STATES.contains(stateValue)) {
            throw validation(
                    "stateValue", stateValue, "Member must satisfy enum value set: [OK, ALARM, INSUFFICIENT_DATA]");
        }
        List<String> types = strings(request, "AlarmTypes");
        boolean metricAlarms = types.isEmpty() || types.contains("MetricAlarm");
        int max = 50;
        JsonNode maxRecords = request.get("MaxRecords");
        if (maxRecords != null && !maxRecords.isNull()) {
            max = maxRecords.asInt();
            if (max < 1 || max > 100) {
                throw validation("maxRecords", max, "Member must have value between 1 and 100");
            }
        }
        List<AlarmView> matching = new ArrayList<>();
        if (metricAlarms) {
            for (AlarmView a : alarms.all(now)) {
                if ((names.isEmpty() || names.contains(a.name()))
                        && (prefix == null || a.name().startsWith(prefix))
                        && (stateValue == null || stateValue.equals(a.state()))) {
                    matching.add(a);
                }
            }
        }
        int from = from(text(request, "NextToken"));
        from = Math.min(from, matching.size());
        int to = Math.min(matching.size(), from + max);
        ObjectNode answer = F.objectNode();
        ArrayNode list = answer.putArray("MetricAlarms");
        matching.subList(from, to).forEach(a -> list.add(metricAlarm(a)));
        answer.putArray("CompositeAlarms");
        if (to < matching.size()) {
            answer.put("NextToken", token(to));
        }
        return answer;
    }

    /**
     * The alarm with its state; the rest of its definition is fixed, as an alarm on a Lambda function's Errors
     * metric would have it.
     */
    private ObjectNode metricAlarm(AlarmView a) {
        ObjectNode o = F.objectNode();
        o.put("AlarmName", a.name());
        o.put("AlarmArn", alarms.arn(a.name()));
        o.put("AlarmDescription", "Simulated alarm " + a.name());
        Instant created = alarms.createdAt(a.name());
        o.putPOJO("AlarmConfigurationUpdatedTimestamp", created == null ? a.stateUpdatedAt() : created);
        o.put("ActionsEnabled", true);
        o.putArray("OKActions");
        o.putArray("AlarmActions");
        o.putArray("InsufficientDataActions");
        o.put("StateValue", a.state());
        o.put("StateReason", a.stateReason());
        o.putPOJO("StateUpdatedTimestamp", a.stateUpdatedAt());
        o.put("MetricName", "Errors");
        o.put("Namespace", "AWS/Lambda");
        o.put("Statistic", "Sum");
        o.putArray("Dimensions");
        o.put("Period", 60);
        o.put("EvaluationPeriods", 1);
        o.put("DatapointsToAlarm", 1);
        o.put("Threshold", 1.0);
        o.put("ComparisonOperator", "GreaterThanOrEqualToThreshold");
        o.put("TreatMissingData", "missing");
        o.putPOJO("StateTransitionedTimestamp", a.stateTransitionedAt());
        return o;
    }

    private static int from(@Nullable String token) {
        if (token == null) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith("alarms:")) {
                int from = Integer.parseInt(decoded.substring("alarms:".length()));
                if (from >= 0) {
                    return from;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw ApiException.user(400, "InvalidNextToken", "The service couldn't process the provided NextToken.");
    }

    private static String token(int from) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("alarms:" + from).getBytes(StandardCharsets.UTF_8));
    }

    private static @Nullable String text(JsonNode request, String member) {
        JsonNode v = request.get(member);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode request, String member) {
        JsonNode v = request.get(member);
        List<String> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(e -> out.add(e.asText()));
        }
        return out;
    }

    private static ApiException invalidCombination(String message) {
        return ApiException.user(400, "InvalidParameterCombination", message);
    }

    private static ApiException validation(String member, Object value, String constraint) {
        ApiException e = ApiException.validation(member, value, constraint);
        return ApiException.user(400, "ValidationError", e.getMessage());
    }
}
