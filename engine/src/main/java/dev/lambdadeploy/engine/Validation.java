package dev.lambdadeploy.engine;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Every parameter check, each with a message that says which parameter, what was wrong and what would be right.
 * Runs before any AWS call. Patterns follow the Lambda, S3, IAM and STS API references.
 */
public final class Validation {

    public static final int MAX_DESCRIPTION_LENGTH = 256;
    public static final int MAX_ZIP_BYTES = 50 * 1024 * 1024;
    public static final int MAX_RETRIES_LIMIT = 10;
    public static final Set<String> ARCHITECTURES = Set.of("x86_64", "arm64");

    private static final Pattern FUNCTION_NAME = Pattern.compile("([a-zA-Z0-9_-]{1,64})(:[a-zA-Z0-9$_-]{1,128})?");
    private static final Pattern FUNCTION_ARN = Pattern.compile(
            "arn:aws[a-zA-Z-]*:lambda:[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d:\\d{12}:function:([a-zA-Z0-9_-]{1,64})(:[a-zA-Z0-9$_-]{1,128})?");
    private static final Pattern PARTIAL_ARN = Pattern.compile("\\d{12}:function:([a-zA-Z0-9_-]{1,64})(:[a-zA-Z0-9$_-]{1,128})?");
    private static final Pattern QUALIFIER = Pattern.compile("\\$LATEST|[a-zA-Z0-9_-]{1,128}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d{1,2}");
    private static final Pattern S3_BUCKET = Pattern.compile("[a-z0-9][a-z0-9.\\-_]{1,61}[a-z0-9]");
    private static final Pattern IMAGE_URI = Pattern.compile("[^\\s/]+/[^\\s@:]+(:[\\w][\\w.-]{0,127}|@sha256:[0-9a-f]{64})");
    private static final Pattern REVISION_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-zA-Z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    private static final Pattern ROLE_SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");

    private static final String FUNCTION_FORMS = "a function name (1 to 64 letters, digits, hyphens or underscores, "
            + "e.g. my-function), a full ARN (arn:aws:lambda:us-east-1:123456789012:function:my-function) "
            + "or a partial ARN (123456789012:function:my-function)";

    private Validation() {
    }

    /** A function to update or publish: $LATEST is what changes, so no version or alias suffix. */
    public static String unqualifiedFunctionName(@Nullable String value) {
        String name = functionName(value);
        if (qualifierOf(name) != null) {
            throw new InvalidParameterException("functionName", "'" + value + "' names a version or alias ("
                    + qualifierOf(name) + "); updates and publishing act on $LATEST, so give the function without it");
        }
        return name;
    }

    /** A function in any of the three forms Lambda accepts, possibly with a qualifier suffix. */
    public static String functionName(@Nullable String value) {
        String name = required("functionName", value, FUNCTION_FORMS);
        if (!FUNCTION_NAME.matcher(name).matches() && !FUNCTION_ARN.matcher(name).matches()
                && !PARTIAL_ARN.matcher(name).matches()) {
            throw new InvalidParameterException("functionName", "'" + name + "' is not " + FUNCTION_FORMS);
        }
        return name;
    }

    public static @Nullable String qualifier(@Nullable String value) {
        if (isBlank(value)) {
            return null;
        }
        String q = value.trim();
        if (!QUALIFIER.matcher(q).matches()) {
            throw new InvalidParameterException("qualifier", "'" + q + "' is not a version number, an alias name "
                    + "(1 to 128 letters, digits, hyphens or underscores) or $LATEST");
        }
        return q;
    }

    /** Region as given, or null when blank (then the environment decides). */
    public static @Nullable String region(@Nullable String value) {
        if (isBlank(value)) {
            return null;
        }
        String r = value.trim();
        if (!REGION.matcher(r).matches()) {
            throw new InvalidParameterException("region", "'" + r + "' is not an AWS region code such as us-east-1 or eu-west-1");
        }
        return r;
    }

    public static CodeSource codeSource(@Nullable String s3Bucket, @Nullable String s3Key, @Nullable String s3ObjectVersion,
            byte @Nullable [] zipFile, @Nullable String zipLabel, @Nullable String imageUri) {
        boolean s3 = !isBlank(s3Bucket) || !isBlank(s3Key) || !isBlank(s3ObjectVersion);
        boolean zip = zipFile != null;
        boolean image = !isBlank(imageUri);
        int given = (s3 ? 1 : 0) + (zip ? 1 : 0) + (image ? 1 : 0);
        if (given != 1) {
            throw new InvalidParameterException("code source", (given == 0 ? "none given" : "more than one given")
                    + ": set exactly one of s3Bucket + s3Key (optionally s3ObjectVersion), zipFile, or imageUri");
        }
        if (zip) {
            return zipFile(zipFile, zipLabel == null ? "archive" : zipLabel);
        }
        if (image) {
            String uri = imageUri.trim();
            if (!IMAGE_URI.matcher(uri).matches()) {
                throw new InvalidParameterException("imageUri", "'" + uri + "' is not a container image URI with a tag or "
                        + "digest, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/my-repo:1.0");
            }
            return new CodeSource.ImageUri(uri);
        }
        String bucket = required("s3Bucket", s3Bucket, "the S3 bucket that holds the zip, together with s3Key");
        if (!S3_BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw new InvalidParameterException("s3Bucket", "'" + bucket + "' is not an S3 bucket name (3 to 63 lower-case "
                    + "letters, digits, dots or hyphens, starting and ending with a letter or digit)");
        }
        String key = required("s3Key", s3Key, "the key of the zip in s3Bucket, e.g. builds/app-1.2.3.zip");
        if (key.length() > 1024) {
            throw new InvalidParameterException("s3Key", "is " + key.length() + " characters long; S3 keys have at most 1024");
        }
        String version = isBlank(s3ObjectVersion) ? null : s3ObjectVersion.trim();
        if (version != null && version.length() > 1024) {
            throw new InvalidParameterException("s3ObjectVersion", "is longer than 1024 characters");
        }
        return new CodeSource.S3Object(bucket, key, version);
    }

    /** The size check of a zip archive, for callers that know the size before reading the file. */
    public static void zipFileSize(String label, long size) {
        if (size == 0) {
            throw new InvalidParameterException("zipFile", label + " is empty; give a zip archive of the function's code");
        }
        if (size > MAX_ZIP_BYTES) {
            throw new InvalidParameterException("zipFile", label + " is " + size + " bytes; Lambda takes at most "
                    + MAX_ZIP_BYTES + " bytes in a request: upload it to S3 and use s3Bucket and s3Key");
        }
    }

    private static CodeSource zipFile(byte[] bytes, String label) {
        zipFileSize(label, bytes.length);
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            throw new InvalidParameterException("zipFile", label + " is not a zip archive (it does not start with PK)");
        }
        return new CodeSource.ZipFile(bytes, label);
    }

    public static List<String> architectures(@Nullable List<String> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        List<String> trimmed = values.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String a : trimmed) {
            if (!ARCHITECTURES.contains(a)) {
                throw new InvalidParameterException("architectures", "'" + a + "' is not x86_64 or arm64");
            }
        }
        if (trimmed.size() > 1) {
            throw new InvalidParameterException("architectures", "Lambda takes exactly one architecture, got " + trimmed);
        }
        return trimmed;
    }

    public static @Nullable String description(@Nullable String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_DESCRIPTION_LENGTH) {
            throw new InvalidParameterException("description", "is " + value.length() + " characters long; Lambda "
                    + "takes at most " + MAX_DESCRIPTION_LENGTH + ": shorten it, e.g. keep the environment, version and commit");
        }
        return value;
    }

    public static @Nullable String codeSha256(@Nullable String value) {
        if (isBlank(value)) {
            return null;
        }
        String v = value.trim();
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(v);
        } catch (IllegalArgumentException e) {
            decoded = new byte[0];
        }
        if (decoded.length != 32) {
            throw new InvalidParameterException("codeSha256", "'" + v + "' is not a base64 SHA-256 digest (44 characters, "
                    + "as returned by lambdaUpdateCode in codeSha256)");
        }
        return v;
    }

    public static @Nullable String revisionId(@Nullable String value) {
        if (isBlank(value)) {
            return null;
        }
        String v = value.trim();
        if (!REVISION_ID.matcher(v).matches()) {
            throw new InvalidParameterException("revisionId", "'" + v + "' is not a Lambda revision id (a UUID, as "
                    + "returned by lambdaUpdateCode in revisionId)");
        }
        return v;
    }

    public static int maxRetries(int value) {
        if (value < 0 || value > MAX_RETRIES_LIMIT) {
            throw new InvalidParameterException("maxRetries", "must be between 0 and " + MAX_RETRIES_LIMIT + ", was "
                    + value + " (the spec's default is 3)");
        }
        return value;
    }

    public static @Nullable String roleArn(@Nullable String value) {
        if (isBlank(value)) {
            return null;
        }
        String v = value.trim();
        if (!ROLE_ARN.matcher(v).matches()) {
            throw new InvalidParameterException("roleArn", "'" + v + "' is not an IAM role ARN such as "
                    + "arn:aws:iam::123456789012:role/deployer");
        }
        return v;
    }

    public static @Nullable String externalId(@Nullable String value) {
        if (isBlank(value)) {
            return null;
        }
        if (!EXTERNAL_ID.matcher(value.trim()).matches()) {
            throw new InvalidParameterException("externalId", "must be 2 to 1224 letters, digits or +=,.@:/- characters");
        }
        return value.trim();
    }

    public static @Nullable String roleSessionName(@Nullable String value) {
        if (isBlank(value)) {
            return null;
        }
        if (!ROLE_SESSION_NAME.matcher(value.trim()).matches()) {
            throw new InvalidParameterException("roleSessionName", "'" + value.trim() + "' must be 2 to 64 letters, "
                    + "digits or +=,.@- characters");
        }
        return value.trim();
    }

    public static int roleDurationSeconds(int value) {
        if (value < 900 || value > 43_200) {
            throw new InvalidParameterException("roleDurationSeconds", "must be between 900 and 43200 seconds, was " + value);
        }
        return value;
    }

    public static @Nullable URI endpointUrl(@Nullable String value) {
        if (isBlank(value)) {
            return null;
        }
        String v = value.trim();
        try {
            URI uri = new URI(v);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below with the expected form
        }
        throw new InvalidParameterException("endpointUrl", "'" + v + "' is not an http or https URL such as "
                + "https://lambda.us-east-1.amazonaws.com or http://127.0.0.1:4566");
    }

    /** The qualifier suffix of a function name or ARN ({@code my-fn:prod} → {@code prod}), or null. */
    public static @Nullable String qualifierOf(String functionName) {
        var plain = FUNCTION_NAME.matcher(functionName);
        if (plain.matches()) {
            return plain.group(2) == null ? null : plain.group(2).substring(1);
        }
        var arn = FUNCTION_ARN.matcher(functionName);
        if (arn.matches()) {
            return arn.group(3) == null ? null : arn.group(3).substring(1);
        }
        var partial = PARTIAL_ARN.matcher(functionName);
        if (partial.matches()) {
            return partial.group(2) == null ? null : partial.group(2).substring(1);
        }
        return null;
    }

    static String required(String parameter, @Nullable String value, String expected) {
        if (isBlank(value)) {
            throw new InvalidParameterException(parameter, "is required: give " + expected);
        }
        return value.trim();
    }

    static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
