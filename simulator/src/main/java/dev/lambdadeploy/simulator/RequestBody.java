package dev.lambdadeploy.simulator;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Typed, null-tolerant reads of a JSON request body; wrong shapes answer 400 as AWS does. */
final class RequestBody {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode node;

    private RequestBody(JsonNode node) {
        this.node = node;
    }

    static RequestBody parse(byte[] bytes) {
        if (bytes.length == 0) {
            return new RequestBody(JsonNodeFactory.instance.objectNode());
        }
        JsonNode parsed;
        try {
            parsed = MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw ApiException.badContent("Could not parse request body into json: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ApiException.badContent("Could not read request body");
        }
        if (parsed == null || parsed.isMissingNode() || parsed.isNull()) {
            return new RequestBody(JsonNodeFactory.instance.objectNode());
        }
        if (!parsed.isObject()) {
            throw ApiException.badContent("Could not parse request body into json: expected an object");
        }
        return new RequestBody(parsed);
    }

    boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    @Nullable
    RequestBody object(String field) {
        JsonNode v = present(field);
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            throw mistyped(field);
        }
        return new RequestBody(v);
    }

    @Nullable
    String text(String field) {
        JsonNode v = present(field);
        if (v == null) {
            return null;
        }
        if (!v.isValueNode()) {
            throw mistyped(field);
        }
        return v.asText();
    }

    @Nullable
    Integer integer(String field) {
        JsonNode v = present(field);
        if (v == null) {
            return null;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw mistyped(field);
        }
        return v.intValue();
    }

    boolean bool(String field) {
        JsonNode v = present(field);
        if (v == null) {
            return false;
        }
        if (!v.isBoolean()) {
            throw mistyped(field);
        }
        return v.booleanValue();
    }

    byte @Nullable [] base64(String field) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badContent("Could not parse request body into json: " + field + " is not valid base64");
        }
    }

    @Nullable
    List<String> stringList(String field) {
        JsonNode v = present(field);
        if (v == null) {
            return null;
        }
        if (!v.isArray()) {
            throw mistyped(field);
        }
        List<String> out = new ArrayList<>();
        v.forEach(e -> out.add(e.asText()));
        return out;
    }

    @Nullable
    Map<String, String> stringMap(String field) {
        JsonNode v = present(field);
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            throw mistyped(field);
        }
        Map<String, String> out = new LinkedHashMap<>();
        v.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    @Nullable
    Map<String, Double> doubleMap(String field) {
        JsonNode v = present(field);
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            throw mistyped(field);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        v.properties().forEach(e -> {
            if (!e.getValue().isNumber()) {
                throw mistyped(field);
            }
            out.put(e.getKey(), e.getValue().doubleValue());
        });
        return out;
    }

    private @Nullable JsonNode present(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    private static ApiException mistyped(String field) {
        return ApiException.badContent("Could not parse request body into json: unexpected value for " + field);
    }
}
