package dev.lambdadeploy.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The wire formats CloudWatch (service id GraniteServiceVersion20100801, signing name {@code monitoring}) is served
 * in, on the same port as Lambda:
 *
 * <ul>
 *   <li>Smithy RPC v2 CBOR, what the AWS SDK for Java v2 CloudWatch client sends (2.42.x and 2.57.x alike): {@code
 *       POST /service/GraniteServiceVersion20100801/operation/DescribeAlarms}, CBOR bodies, {@code Smithy-Protocol:
 *       rpc-v2-cbor}; timestamps as CBOR tag 1 epoch seconds.
 *   <li>AWS JSON 1.0: {@code POST /} with {@code X-Amz-Target: GraniteServiceVersion20100801.DescribeAlarms}, JSON
 *       bodies; timestamps as epoch seconds.
 * </ul>
 *
 * <p>CloudWatch is query-compatible: errors carry the awsQuery code in {@code x-amzn-query-error}, and the shape name
 * in {@code __type}. The awsQuery protocol itself (form-encoded {@code Action=DescribeAlarms}, XML answers) is not
 * served.
 */
enum CloudWatchProtocol {
    RPC_V2_CBOR("application/cbor", new CBORFactory()),
    JSON_1_0("application/x-amz-json-1.0", new JsonFactory());

    static final String SERVICE = "GraniteServiceVersion20100801";
    static final String SIGNING_NAME = "monitoring";
    private static final String RPC_PREFIX = "/service/" + SERVICE + "/operation/";
    /** The modelled error shapes, by awsQuery code. */
    private static final Map<String, String> SHAPES = Map.of(
            "InvalidNextToken", "InvalidNextToken",
            "InvalidParameterValue", "InvalidParameterValueException",
            "InvalidParameterCombination", "InvalidParameterCombinationException",
            "MissingParameter", "MissingRequiredParameterException");

    private final String contentType;
    private final ObjectMapper mapper;

    CloudWatchProtocol(String contentType, JsonFactory factory) {
        this.contentType = contentType;
        this.mapper = new ObjectMapper(factory);
    }

    /** A CloudWatch call: its protocol and the operation it names. */
    record Call(CloudWatchProtocol protocol, String operation) {}

    /** The CloudWatch call a request is, or null for a Lambda (or unknown) request. */
    static @Nullable Call detect(String method, String rawPath, Function<String, @Nullable List<String>> headers) {
        if (rawPath.startsWith(RPC_PREFIX)) {
            return new Call(RPC_V2_CBOR, operation(rawPath.substring(RPC_PREFIX.length()), method));
        }
        List<String> target = headers.apply("X-Amz-Target");
        if (target != null && !target.isEmpty() && target.get(0).startsWith(SERVICE + ".")) {
            return new Call(JSON_1_0, operation(target.get(0).substring(SERVICE.length() + 1), method));
        }
        return null;
    }

    private static String operation(String name, String method) {
        return method.equals("POST") && CloudWatchService.OPERATIONS.contains(name) ? name : Route.UNKNOWN;
    }

    String contentType() {
        return contentType;
    }

    /** Headers every answer in this protocol carries. */
    Map<String, String> headers() {
        return this == RPC_V2_CBOR
                ? Map.of("Content-Type", contentType, "Smithy-Protocol", "rpc-v2-cbor")
                : Map.of("Content-Type", contentType);
    }

    /** The request document; an empty body is an empty structure. */
    JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiException.user(400, "SerializationException", "The request body is not a structure.");
            }
            return node;
        } catch (IOException e) {
            throw ApiException.user(400, "SerializationException", "Cannot parse the request body: " + e.getMessage());
        }
    }

    byte[] encode(JsonNode document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            write(g, document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    ObjectNode errorBody(ApiException e) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("__type", shape(e.type));
        o.put("message", e.getMessage());
        return o;
    }

    /** The awsQuery error code and fault, for {@code x-amzn-query-error}. */
    static String queryError(ApiException e) {
        return e.type + ";" + (e.serviceFault ? "Receiver" : "Sender");
    }

    private static String shape(String code) {
        return SHAPES.getOrDefault(code, code);
    }

    private void write(JsonGenerator g, JsonNode node) throws IOException {
        if (node instanceof POJONode pojo && pojo.getPojo() instanceof Instant t) {
            double seconds = t.getEpochSecond() + t.getNano() / 1e9;
            if (g instanceof CBORGenerator cbor) {
                cbor.writeTag(1); // epoch-based date/time
            }
            g.writeNumber(seconds);
        } else if (node.isObject()) {
            g.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                g.writeFieldName(field.getKey());
                write(g, field.getValue());
            }
            g.writeEndObject();
        } else if (node.isArray()) {
            g.writeStartArray();
            for (JsonNode element : node) {
                write(g, element);
            }
            g.writeEndArray();
        } else {
            mapper.writeTree(g, node);
        }
    }
}
