package dev.lambdadeploy.simulator;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * The access keys a simulator accepts: the long-term pairs it was built with, and the temporary ones its STS issued
 * ({@code ASIA...} key ids with a session token, valid until their expiration on the simulator's clock). Thread-safe.
 */
final class SimulatorKeys {
    private static final char[] KEY_ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] SECRET_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    /**
     * A key's secret; {@code sessionToken} and {@code expiration} are null for a long-term key, set for a temporary
     * one.
     */
    record Key(
            String accessKeyId,
            String secretAccessKey,
            @Nullable String sessionToken,
            @Nullable Instant expiration) {
        boolean temporary() {
            return sessionToken != null;
        }

        @Override
        public String toString() {
            return "Key[" + accessKeyId + (temporary() ? ", temporary until " + expiration : "") + "]";
        }
    }

    private final Map<String, String> longTerm;
    private final ConcurrentMap<String, Key> issued = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    SimulatorKeys(Map<String, String> longTerm) {
        this.longTerm = Map.copyOf(longTerm);
    }

    @Nullable
    Key find(String accessKeyId) {
        String secret = longTerm.get(accessKeyId);
        return secret != null ? new Key(accessKeyId, secret, null, null) : issued.get(accessKeyId);
    }

    /** New temporary credentials, valid until {@code expiration}. */
    Key issue(Instant expiration) {
        Key key = new Key(
                "ASIA" + chars(KEY_ID_CHARS, 16), chars(SECRET_CHARS, 40), chars(SECRET_CHARS, 356), expiration);
        issued.put(key.accessKeyId(), key);
        return key;
    }

    private String chars(char[] alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return sb.toString();
    }
}
