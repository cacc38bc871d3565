package dev.lambdadeploy.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/** The few encodings Lambda uses: its timestamp format, base64 and hex SHA-256, revision ids. */
final class Formats {
    private static final DateTimeFormatter LAST_MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private Formats() {}

    /** e.g. 2026-11-27T03:00:00.000+0000 */
    static String lastModified(Instant t) {
        return LAST_MODIFIED.format(t);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256Base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(sha256(bytes));
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String newRevisionId() {
        return UUID.randomUUID().toString();
    }
}
