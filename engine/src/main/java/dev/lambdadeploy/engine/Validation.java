package dev.lambdadeploy.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Every parameter check, each with a message that says which parameter, what was wrong and what would be right.
 * Runs before any AWS call. Patterns follow the Lambda, S3, IAM and STS API references.
 */
public final class Validation {

    public static final int MAX_DESCRIPTION_LENGTH = 256;
    /** Lambda's limit for a zip uploaded in the request (50 MB); larger archives go through S3. */
    public static final int MAX_ZIP_BYTES = 50 * 1024 * 1024;
    /** The smallest zip archive: an empty one is its 22-byte end-of-central-directory record alone. */
    public static final int MIN_ZIP_BYTES = 22;
    /** The partitions whose Lambda ARNs the engine accepts. */
    public static final Set<String> PARTITIONS =
            Set.of("aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc");

    public static final int MAX_RETRIES_LIMIT = 10;
    public static final Set<String> ARCHITECTURES = Set.of("x86_64", "arm64");

    private static final Pattern FUNCTION_NAME = Pattern.compile("([a-zA-Z0-9_-]{1,64})(:[a-zA-Z0-9$_-]{1,128})?");
    private static final Pattern FUNCTION_ARN = Pattern.compile(
            "arn:aws[a-zA-Z-]*:lambda:[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d:\\d{12}:function:([a-zA-Z0-9_-]{1,64})(:[a-zA-Z0-9$_-]{1,128})?");
    /** A full ARN's partition and region, for the checks against the known partitions and the region in use. */
    private static final Pattern ARN_LOCATION = Pattern.compile("arn:([^:]*):lambda:([^:]*):.*");

    private static final Pattern PARTIAL_ARN =
            Pattern.compile("\\d{12}:function:([a-zA-Z0-9_-]{1,64})(:[a-zA-Z0-9$_-]{1,128})?");
    private static final Pattern QUALIFIER = Pattern.compile("\\$LATEST|[a-zA-Z0-9_-]{1,128}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d{1,2}");
    private static final Pattern S3_BUCKET = Pattern.compile("[a-z0-9][a-z0-9.\\-_]{1,61}[a-z0-9]");
    private static final Pattern IMAGE_URI =
            Pattern.compile("[^\\s/]+/[^\\s@:]+(:[\\w][\\w.-]{0,127}|@sha256:[0-9a-f]{64})");
    private static final Pattern REVISION_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-zA-Z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    private static final Pattern ROLE_SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");

    private static final String FUNCTION_FORMS = "a function name (1 to 64 letters, digits, hyphens or underscores, "
            + "e.g. my-function), a full ARN (arn:aws:lambda:us-east-1:123456789012:function:my-function) "
            + "or a partial ARN (123456789012:function:my-function)";

    private Validation() {}

    /** A function to update or publish: $LATEST is what changes, so no version or alias suffix. */
    public static String unqualifiedFunctionName(@Nullable String value) {
        String name = functionName(value);
        if (qualifierOf(name) != null) {
            throw new InvalidParameterException(
                    "functionName",
                    "'" + value + "' names a version or alias (" + qualifierOf(name)
                            + "); updates and publishing act on $LATEST, so give the function without it");
        }
        return name;
    }

    /** A function in any of the three forms Lambda accepts, possibly with a qualifier suffix. */
    public static String functionName(@Nullable String value) {
        noControlCharacters(Parameter.FUNCTION_NAME, value);
        String name = required("functionName", value, FUNCTION_FORMS);
        if (!FUNCTION_NAME.matcher(name).matches()
                && !FUNCTION_ARN.matcher(name).matches()
                && !PARTIAL_ARN.matcher(name).matches()) {
            throw new InvalidParameterException("functionName", "'" + name + "' is not " + FUNCTION_FORMS);
        }
        var location = ARN_LOCATION.matcher(name);
        if (location.matches() && !PARTITIONS.contains(location.group(1))) {
            throw new InvalidParameterException(
                    "functionName",
                    "'" + name + "' names the partition '"
                            + location.group(1) + "', which is not an AWS partition ("
                            + String.join(", ", PARTITIONS.stream().sorted().toList())
                            + "); check the ARN, e.g. arn:aws:lambda:...");
        }
        return name;
    }

    /**
     * A full function ARN must be in the region the client uses: Lambda would answer for another region's
     * function with a confusing ResourceNotFoundException (or an error about the ARN). Names and partial ARNs
     * take the client's region, so they always pass.
     */
    public static void functionInRegion(String functionName, String region) {
        var location = ARN_LOCATION.matcher(functionName);
        if (location.matches() && !location.group(2).equals(region)) {
            throw new InvalidParameterException(
                    "functionName",
                    "'" + functionName + "' is in region "
                            + location.group(2) + ", but the region in use is " + region + "; set "
                            + Parameter.REGION.ref()
                            + " to " + location.group(2) + ", or give the function's name alone");
        }
    }

    /** Line breaks, tabs and other control characters: trimming them away would hide a quoting mistake. */
    private static void noControlCharacters(Parameter parameter, @Nullable String value) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                String shown = switch (c) {
                    case '\n' -> "a line break (\\n)";
                    case '\r' -> "a carriage return (\\r)";
                    case '\t' -> "a tab (\\t)";
                    default -> String.format(Locale.ROOT, "the control character U+%04X", (int) c);
                };
                throw new InvalidParameterException(
                        parameter,
                        "contains " + shown + " at position " + (i + 1) + " of " + value.length()
                                + "; give the value alone, without line breaks or control characters");
            }
        }
    }

    public static @Nullable String qualifier(@Nullable String value) {
        noControlCharacters(Parameter.QUALIFIER, value);
        if (isBlank(value)) {
            return null;
        }
        String q = value.trim();
        if (!QUALIFIER.matcher(q).matches()) {
            throw new InvalidParameterException(
                    "qualifier",
                    "'" + q + "' is not a version number, an alias name "
                            + "(1 to 128 letters, digits, hyphens or underscores) or $LATEST");
        }
        return q;
    }

    /** Region as given, or null when blank (then the environment decides). */
    public static @Nullable String region(@Nullable String value) {
        noControlCharacters(Parameter.REGION, value);
        if (isBlank(value)) {
            return null;
        }
        String r = value.trim();
        if (!REGION.matcher(r).matches()) {
            throw new InvalidParameterException(
                    "region", "'" + r + "' is not an AWS region code such as us-east-1 or eu-west-1");
        }
        return r;
    }

    public static CodeSource codeSource(
            @Nullable String s3Bucket,
            @Nullable String s3Key,
            @Nullable String s3ObjectVersion,
            byte @Nullable [] zipFile,
            @Nullable String zipLabel,
            @Nullable String imageUri) {
        boolean s3 = !isBlank(s3Bucket) || !isBlank(s3Key) || !isBlank(s3ObjectVersion);
        boolean zip = zipFile != null;
        boolean image = !isBlank(imageUri);
        int given = (s3 ? 1 : 0) + (zip ? 1 : 0) + (image ? 1 : 0);
        if (given != 1) {
            throw new InvalidParameterException(
                    "code source",
                    (given == 0 ? "none given" : "more than one given")
                            + ": set exactly one of " + Parameter.S3_BUCKET.ref() + " + " + Parameter.S3_KEY.ref()
                            + " (optionally "
                            + Parameter.S3_OBJECT_VERSION.ref() + "), " + Parameter.ZIP_FILE.ref() + ", or "
                            + Parameter.IMAGE_URI.ref());
        }
        if (zip) {
            return zipFile(zipFile, zipLabel == null ? "archive" : zipLabel);
        }
        noControlCharacters(Parameter.IMAGE_URI, imageUri);
        noControlCharacters(Parameter.S3_BUCKET, s3Bucket);
        noControlCharacters(Parameter.S3_KEY, s3Key);
        noControlCharacters(Parameter.S3_OBJECT_VERSION, s3ObjectVersion);
        if (image) {
            String uri = imageUri.trim();
            if (!IMAGE_URI.matcher(uri).matches()) {
                throw new InvalidParameterException(
                        "imageUri",
                        "'" + uri + "' is not a container image URI with a tag or "
                                + "digest, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/my-repo:1.0");
            }
            return new CodeSource.ImageUri(uri);
        }
        String bucket = required(
                "s3Bucket", s3Bucket, "the S3 bucket that holds the zip, together with " + Parameter.S3_KEY.ref());
        if (!S3_BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw new InvalidParameterException(
                    "s3Bucket",
                    "'" + bucket + "' is not an S3 bucket name (3 to 63 lower-case "
                            + "letters, digits, dots or hyphens, starting and ending with a letter or digit)");
        }
        String key = required(
                "s3Key", s3Key, "the key of the zip in " + Parameter.S3_BUCKET.ref() + ", e.g. builds/app-1.2.3.zip");
        if (key.length() > 1024) {
            throw new InvalidParameterException(
                    "s3Key", "is " + key.length() + " characters long; S3 keys have at most 1024");
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
            throw new InvalidParameterException(
                    "zipFile", label + " is empty; give a zip archive of the function's code");
        }
        if (size > MAX_ZIP_BYTES) {
            throw tooLarge(label, size + " bytes");
        }
    }

    private static InvalidParameterException tooLarge(String label, String size) {
        return new InvalidParameterException(
                "zipFile",
                label + " is " + size + "; Lambda takes at most "
                        + MAX_ZIP_BYTES + " bytes (50 MB) in a request: upload it to S3 and use "
                        + Parameter.S3_BUCKET.ref()
                        + "/" + Parameter.S3_KEY.ref() + " instead");
    }

    private static InvalidParameterException tooShort(String label, long size) {
        return new InvalidParameterException(
                "zipFile",
                label + " is " + size + " byte" + (size == 1 ? "" : "s")
                        + ", too short to be a zip archive (even an empty zip has " + MIN_ZIP_BYTES + ")");
    }

    /**
     * Reads a zip archive whose length the caller knows before reading, e.g. a Jenkins {@code FilePath}'s
     * {@code length()} with its {@code read()} stream: checks the declared length first (nothing is read when it is
     * over {@link #MAX_ZIP_BYTES}), then reads at most the limit, so neither a wrong length nor an endless stream
     * can exhaust memory. The caller closes {@code in}.
     *
     * @throws InvalidParameterException (parameter zipFile) when the archive is empty, too short, too large or
     *     not a zip
     */
    public static byte[] readZip(String label, long declaredLength, InputStream in) throws IOException {
        if (declaredLength < 0) {
            throw new InvalidParameterException(
                    "zipFile", "the size of " + label + " cannot be read; give a zip " + "archive in a regular file");
        }
        zipFileSize(label, declaredLength);
        byte[] bytes = in.readNBytes((int) declaredLength);
        if (bytes.length == declaredLength && in.read() >= 0) {
            throw new InvalidParameterException(
                    "zipFile",
                    label + " is longer than the " + declaredLength
                            + " bytes it had when its size was checked: it changed while it was read; deploy it once it is complete");
        }
        zipFileSize(label, bytes.length);
        checkZipContent(label, bytes);
        return bytes;
    }

    /**
     * Reads a local zip archive: checks that it is a regular file within {@link #MAX_ZIP_BYTES} before reading
     * a byte (so a 3 GB file or {@code /dev/zero} fails at once), then reads it with the same bound.
     *
     * @throws InvalidParameterException (parameter zipFile) when it is missing, not a regular file, unreadable,
     *     empty, too short, too large or not a zip
     */
    public static byte[] readZip(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new InvalidParameterException("zipFile", "no such file: " + path);
        } catch (IOException e) {
            throw new InvalidParameterException("zipFile", "cannot read " + path + ": " + e.getMessage());
        }
        if (attributes.isDirectory()) {
            throw new InvalidParameterException("zipFile", path + " is a directory; give the zip archive itself");
        }
        if (!attributes.isRegularFile()) {
            throw new InvalidParameterException(
                    "zipFile",
                    path + " is not a regular file (a device, pipe or socket); " + "give a zip archive on disk");
        }
        String label = String.valueOf(path.getFileName());
        try (InputStream in = Files.newInputStream(path)) {
            return readZip(label, attributes.size(), in);
        } catch (IOException e) {
            throw new InvalidParameterException("zipFile", "cannot read " + path + ": " + e.getMessage());
        }
    }

    private static void checkZipContent(String label, byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] != 'P' || bytes[1] != 'K')) {
            throw new InvalidParameterException("zipFile", label + " is not a zip archive (it does not start with PK)");
        }
        if (bytes.length < MIN_ZIP_BYTES) {
            throw tooShort(label, bytes.length);
        }
    }

    private static CodeSource zipFile(byte[] bytes, String label) {
        zipFileSize(label, bytes.length);
        checkZipContent(label, bytes);
        return new CodeSource.ZipFile(bytes, label);
    }

    public static List<String> architectures(@Nullable List<String> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        List<String> trimmed =
                values.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String a : trimmed) {
            if (!ARCHITECTURES.contains(a)) {
                throw new InvalidParameterException("architectures", "'" + a + "' is not x86_64 or arm64");
            }
        }
        if (trimmed.size() > 1) {
            throw new InvalidParameterException(
                    "architectures", "Lambda takes exactly one architecture, got " + trimmed);
        }
        return trimmed;
    }

    /**
     * The names in a text field that holds a list (layers, alarms): separated by commas or line breaks, trimmed, the
     * empty ones dropped; null for a blank text (the setting is left alone).
     */
    public static @Nullable List<String> listOf(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Arrays.stream(text.split("[,\\r\\n]+"))
                .map(String::trim)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    /**
     * A version description of at most {@link #MAX_DESCRIPTION_LENGTH} characters, counted as Lambda's API model
     * counts them: Unicode code points (the Smithy {@code @length} constraint on strings), so an emoji outside the
     * Basic Multilingual Plane is one character, not the two UTF-16 units {@link String#length()} would count.
     */
    public static @Nullable String description(@Nullable String value) {
        if (value == null) {
            return null;
        }
        int length = value.codePointCount(0, value.length());
        if (length > MAX_DESCRIPTION_LENGTH) {
            throw new InvalidParameterException(
                    "description",
                    "is " + length + " characters long; Lambda " + "takes at most " + MAX_DESCRIPTION_LENGTH
                            + ": shorten it, e.g. keep the environment, version and commit");
        }
        return value;
    }

    public static @Nullable String codeSha256(@Nullable String value) {
        noControlCharacters(Parameter.CODE_SHA256, value);
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
            throw new InvalidParameterException(
                    "codeSha256",
                    "'" + v + "' is not a base64 SHA-256 digest (44 characters, "
                            + "as an update returns in codeSha256)");
        }
        return v;
    }

    public static @Nullable String revisionId(@Nullable String value) {
        noControlCharacters(Parameter.REVISION_ID, value);
        if (isBlank(value)) {
            return null;
        }
        String v = value.trim();
        if (!REVISION_ID.matcher(v).matches()) {
            throw new InvalidParameterException(
                    "revisionId",
                    "'" + v + "' is not a Lambda revision id (a UUID, as " + "an update returns in revisionId)");
        }
        return v;
    }

    public static int maxRetries(int value) {
        if (value < 0 || value > MAX_RETRIES_LIMIT) {
            throw new InvalidParameterException(
                    Parameter.MAX_RETRIES,
                    "must be between 0 and " + MAX_RETRIES_LIMIT + ", was " + value
                            + " (the original script's default is 3)");
        }
        return value;
    }

    public static @Nullable String roleArn(@Nullable String value) {
        noControlCharacters(Parameter.ROLE_ARN, value);
        if (isBlank(value)) {
            return null;
        }
        String v = value.trim();
        if (!ROLE_ARN.matcher(v).matches()) {
            throw new InvalidParameterException(
                    "roleArn",
                    "'" + v + "' is not an IAM role ARN such as " + "arn:aws:iam::123456789012:role/deployer");
        }
        return v;
    }

    public static @Nullable String externalId(@Nullable String value) {
        if (isBlank(value)) {
            return null;
        }
        if (!EXTERNAL_ID.matcher(value.trim()).matches()) {
            throw new InvalidParameterException(
                    "externalId", "must be 2 to 1224 letters, digits or +=,.@:/- characters");
        }
        return value.trim();
    }

    public static @Nullable String roleSessionName(@Nullable String value) {
        if (isBlank(value)) {
            return null;
        }
        if (!ROLE_SESSION_NAME.matcher(value.trim()).matches()) {
            throw new InvalidParameterException(
                    "roleSessionName",
                    "'" + value.trim() + "' must be 2 to 64 letters, " + "digits or +=,.@- characters");
        }
        return value.trim();
    }

    public static int roleDurationSeconds(int value) {
        if (value < 900 || value > 43_200) {
            throw new InvalidParameterException(
                    "roleDurationSeconds", "must be between 900 and 43200 seconds, was " + value);
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
                if (uri.getPort() == 0 || uri.getPort() > 65_535) {
                    throw new InvalidParameterException(
                            "endpointUrl",
                            "'" + v + "' has the port " + uri.getPort()
                                    + ", which is no TCP port: give one from 1 to 65535, e.g. http://127.0.0.1:4566");
                }
                return uri;
            }
            if (uri.getAuthority() != null
                    && uri.getHost() == null
                    && uri.getAuthority().matches(".*:\\d{6,}")) {
                throw new InvalidParameterException(
                        "endpointUrl",
                        "'" + v + "' has a port out of range: give one "
                                + "from 1 to 65535, e.g. http://127.0.0.1:4566");
            }
        } catch (URISyntaxException e) {
            // reported below with the expected form
        }
        throw new InvalidParameterException(
                "endpointUrl",
                "'" + v + "' is not an http or https URL such as "
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
