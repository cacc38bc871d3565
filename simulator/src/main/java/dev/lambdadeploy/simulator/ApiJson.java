package dev.lambdadeploy.simulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Renders model values as the JSON documents of the Lambda API. */
final class ApiJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    // The service model spells the message member with a capital M for these two error types.
    private static final Set<String> CAPITAL_MESSAGE = Set.of("ResourceNotFoundException", "ServiceException");

    private ApiJson() {}

    static ObjectNode object() {
        return F.objectNode();
    }

    static ObjectNode configuration(ConfigSnapshot s) {
        FunctionSpec spec = s.spec();
        ObjectNode o = F.objectNode();
        o.put("FunctionName", s.functionName());
        o.put("FunctionArn", s.functionArn());
        putIfPresent(o, "Runtime", spec.runtime());
        o.put("Role", spec.role());
        putIfPresent(o, "Handler", spec.handler());
        o.put("CodeSize", spec.code().size());
        o.put("Description", spec.description());
        o.put("Timeout", spec.timeout());
        o.put("MemorySize", spec.memorySize());
        o.put("LastModified", Formats.lastModified(s.lastModified()));
        o.put("CodeSha256", spec.code().sha256());
        o.put("Version", s.version());
        if (spec.environment() != null) {
            ObjectNode vars = o.putObject("Environment").putObject("Variables");
            spec.environment().forEach(vars::put);
        }
        o.putObject("TracingConfig").put("Mode", "PassThrough");
        o.put("RevisionId", s.revisionId());
        SimulatedStatus st = s.status();
        o.put("State", st.state());
        putIfPresent(o, "StateReason", st.stateReason());
        putIfPresent(o, "StateReasonCode", st.stateReasonCode());
        putIfPresent(o, "LastUpdateStatus", st.lastUpdateStatus());
        putIfPresent(o, "LastUpdateStatusReason", st.lastUpdateStatusReason());
        putIfPresent(o, "LastUpdateStatusReasonCode", st.lastUpdateStatusReasonCode());
        o.put("PackageType", spec.code().packageType());
        spec.architectures().forEach(o.putArray("Architectures")::add);
        o.putObject("EphemeralStorage").put("Size", spec.ephemeralStorage());
        if (!spec.layers().isEmpty()) {
            var layers = o.putArray("Layers");
            // the simulator stores no layer contents: every layer is shown with size 0
            spec.layers().forEach(arn -> layers.addObject().put("Arn", arn).put("CodeSize", 0));
        }
        return o;
    }

    static ObjectNode getFunction(ConfigSnapshot s, Map<String, String> tags, String region, String accountId) {
        ObjectNode o = F.objectNode();
        o.set("Configuration", configuration(s));
        ObjectNode code = o.putObject("Code");
        String imageUri = s.spec().code().imageUri();
        if (imageUri != null) {
            code.put("RepositoryType", "ECR");
            code.put("ImageUri", imageUri);
            code.put("ResolvedImageUri", imageUri);
        } else {
            code.put("RepositoryType", "S3");
            // Looks like the pre-signed URL AWS returns; the simulator serves no code, so nothing is behind it.
            code.put(
                    "Location",
                    "https://awslambda-" + region + "-tasks.s3." + region + ".amazonaws.com/snapshots/" + accountId
                            + "/" + s.functionName() + "-" + s.revisionId()
                            + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=simulated");
        }
        if (!tags.isEmpty()) {
            ObjectNode t = o.putObject("Tags");
            tags.forEach(t::put);
        }
        return o;
    }

    static ObjectNode alias(AliasModel a, String aliasArn) {
        ObjectNode o = F.objectNode();
        o.put("AliasArn", aliasArn);
        o.put("Name", a.name());
        o.put("FunctionVersion", a.functionVersion());
        o.put("Description", a.description());
        if (!a.weights().isEmpty()) {
            ObjectNode w = o.putObject("RoutingConfig").putObject("AdditionalVersionWeights");
            a.weights().forEach(w::put);
        }
        o.put("RevisionId", a.revisionId());
        return o;
    }

    static ObjectNode error(ApiException e) {
        ObjectNode o = F.objectNode();
        o.put("__type", e.type);
        o.put("Type", e.serviceFault ? "Service" : "User");
        o.put("message", e.getMessage());
        if (CAPITAL_MESSAGE.contains(e.type)) {
            o.put("Message", e.getMessage());
        }
        e.bodyFields.forEach(o::put);
        return o;
    }

    private static void putIfPresent(ObjectNode o, String field, @Nullable String value) {
        if (value != null) {
            o.put(field, value);
        }
    }
}
