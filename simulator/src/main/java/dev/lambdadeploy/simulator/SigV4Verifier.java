package dev.lambdadeploy.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Checks an AWS Signature Version 4 Authorization header the way the service does: recomputes the
 * signature from the request and the secret key of the access key id. A temporary key (issued by the simulator's
 * STS) must come with its session token in {@code X-Amz-Security-Token} and be unexpired on the simulator's clock; a
 * key the simulator was built with is accepted with any session token or none, so that tests can stand in for
 * temporary credentials with it.
 */
final class SigV4Verifier {
    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private final SimulatorKeys keys;
    private final String region;
    private final String service;

    /** For Lambda's signing name, {@code lambda}. */
    SigV4Verifier(SimulatorKeys keys, String region) {
        this(keys, region, "lambda");
    }

    /**
     * @param service the signing name the credential scope must carry ({@code monitoring} for CloudWatch, {@code sts}
     *     for STS)
     */
    SigV4Verifier(SimulatorKeys keys, String region, String service) {
        this.keys = keys;
        this.region = region;
        this.service = service;
    }

    /**
     * The access key id a request claims in its Authorization header, verified or not; null when there is none. For
     * the journal.
     */
    static @Nullable String claimedAccessKeyId(Function<String, @Nullable List<String>> headerValues) {
        String authorization = first(headerValues, "Authorization");
        if (authorization == null || !authorization.startsWith(ALGORITHM + " ")) {
            return null;
        }
        String credential = authorizationParams(authorization.substring(ALGORITHM.length() + 1))
                .get("Credential");
        if (credential == null) {
            return null;
        }
        int slash = credential.indexOf('/');
        return slash > 0 ? credential.substring(0, slash) : null;
    }

    /**
     * @param headerValues all values of a header by case-insensitive name, null when absent
     * @param now the simulator's clock, against which temporary keys expire
     * @return the key that signed the request
     * @throws ApiException 403 when the request is not signed by a known key, or its session token is missing,
     *     wrong or expired
     */
    SimulatorKeys.Key verify(
            String method,
            String rawPath,
            @Nullable String rawQuery,
            Function<String, @Nullable List<String>> headerValues,
            byte[] body,
            Instant now) {
        String authorization = first(headerValues, "Authorization");
        if (authorization == null || !authorization.startsWith(ALGORITHM + " ")) {
            throw ApiException.unrecognizedClient();
        }
        Map<String, String> params = authorizationParams(authorization.substring(ALGORITHM.length() + 1));
        String credential = params.get("Credential");
        String signedHeaders = params.get("SignedHeaders");
        String signature = params.get("Signature");
        if (credential == null || signedHeaders == null || signature == null) {
            throw ApiException.incompleteSignature(
                    "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.");
        }
        String[] scope = credential.split("/", -1);
        if (scope.length != 5 || !scope[4].equals("aws4_request")) {
            throw ApiException.incompleteSignature("Authorization header has a malformed Credential: " + credential);
        }
        SimulatorKeys.Key key = keys.find(scope[0]);
        if (key == null) {
            throw ApiException.unrecognizedClient();
        }
        String token = first(headerValues, "X-Amz-Security-Token");
        if (key.temporary()) {
            if (token == null
                    || !MessageDigest.isEqual(
                            token.getBytes(StandardCharsets.UTF_8),
                            key.sessionToken().getBytes(StandardCharsets.UTF_8))) {
                throw ApiException.unrecognizedClient();
            }
            if (!now.isBefore(key.expiration())) {
                throw ApiException.expiredToken();
            }
        }
        String secret = key.secretAccessKey();
        String amzDate = first(headerValues, "X-Amz-Date");
        if (amzDate == null || amzDate.length() < 8) {
            throw ApiException.incompleteSignature(
                    "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        if (!amzDate.startsWith(scope[1])) {
            throw ApiException.invalidSignature(
                    "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                            + scope[1] + "' != '" + amzDate.substring(0, 8) + "', from '" + amzDate + "'.");
        }
        if (!scope[2].equals(region)) {
            throw ApiException.invalidSignature("Credential should be scoped to a valid region. ");
        }
        if (!scope[3].equals(service)) {
            throw ApiException.invalidSignature("Credential should be scoped to correct service: '" + service + "'. ");
        }
        String payloadHash = first(headerValues, "X-Amz-Content-Sha256");
        if (payloadHash == null) {
            payloadHash = Formats.sha256Hex(body);
        }
        String canonicalRequest = String.join(
                "\n",
                method,
                canonicalUri(rawPath),
                canonicalQuery(rawQuery),
                canonicalHeaders(signedHeaders, headerValues),
                signedHeaders,
                payloadHash);
        String stringToSign = String.join(
                "\n",
                ALGORITHM,
                amzDate,
                scope[1] + "/" + scope[2] + "/" + scope[3] + "/aws4_request",
                Formats.sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] signingKey = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope[1]);
        signingKey = hmac(signingKey, scope[2]);
        signingKey = hmac(signingKey, scope[3]);
        signingKey = hmac(signingKey, "aws4_request");
        String expected = HexFormat.of().formatHex(hmac(signingKey, stringToSign));
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
            throw ApiException.invalidSignature(
                    "The request signature we calculated does not match the signature you provided. Check your AWS "
                            + "Secret Access Key and signing method. Consult the service documentation for details.");
        }
        return key;
    }

    private static Map<String, String> authorizationParams(String s) {
        Map<String, String> out = new HashMap<>();
        for (String part : s.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                out.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        return out;
    }

    /** The path as sent is already encoded once; SigV4 for Lambda encodes it again. */
    static String canonicalUri(String rawPath) {
        return rawPath.isEmpty() ? "/" : encode(rawPath, true);
    }

    static String canonicalQuery(@Nullable String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String p : rawQuery.split("&")) {
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            String k = eq < 0 ? p : p.substring(0, eq);
            String v = eq < 0 ? "" : p.substring(eq + 1);
            pairs.add(new String[] {encode(Route.decode(k), false), encode(Route.decode(v), false)});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder sb = new StringBuilder();
        for (String[] kv : pairs) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(kv[0]).append('=').append(kv[1]);
        }
        return sb.toString();
    }

    private static String canonicalHeaders(
            String signedHeaders, Function<String, @Nullable List<String>> headerValues) {
        StringBuilder sb = new StringBuilder();
        for (String name : signedHeaders.split(";")) {
            List<String> values = headerValues.apply(name);
            List<String> cleaned = new ArrayList<>();
            if (values != null) {
                values.forEach(v -> cleaned.add(v.trim().replaceAll("\\s+", " ")));
            }
            sb.append(name).append(':').append(String.join(",", cleaned)).append('\n');
        }
        return sb.toString();
    }

    /** RFC 3986 encoding of everything but unreserved characters (and '/' if asked). */
    private static String encode(String s, boolean keepSlash) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean unreserved = (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~';
            if (unreserved || (keepSlash && c == '/')) {
                sb.append(c);
            } else {
                sb.append('%')
                        .append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    private static @Nullable String first(Function<String, @Nullable List<String>> headerValues, String name) {
        List<String> v = headerValues.apply(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
