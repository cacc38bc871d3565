package dev.lambdadeploy.engine;

import java.util.Arrays;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * A CodeSha256 is a base64 SHA-256 digest; two are the same code when their decoded bytes are equal, with or
 * without their padding ({@code cut -d= -f2} of {@code codeSha256=...=} drops the trailing {@code =}).
 */
public final class CodeHash {

    private CodeHash() {}

    /** The 32 bytes {@code value} encodes, or null if it is not a base64 SHA-256 digest. */
    public static byte @Nullable [] decode(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(value.strip());
            return bytes.length == 32 ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The padded form Lambda itself writes (44 characters ending in {@code =}); {@code value} as is if not a digest. */
    public static @Nullable String canonical(@Nullable String value) {
        byte[] bytes = decode(value);
        return bytes == null ? value : Base64.getEncoder().encodeToString(bytes);
    }

    /** Whether both name the same code: equal decoded bytes. Two values that are not digests never match. */
    public static boolean sameCode(@Nullable String a, @Nullable String b) {
        byte[] x = decode(a);
        byte[] y = decode(b);
        return x != null && y != null && Arrays.equals(x, y);
    }
}
