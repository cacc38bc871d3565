package dev.lambdadeploy.engine.aws;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** An HTTP proxy for AWS calls, e.g. Jenkins' own proxy configuration. {@code toString} hides the password. */
public record ProxySettings(
        String host,
        int port,
        @Nullable String username,
        @Nullable String password,
        Set<String> nonProxyHosts) {

    public ProxySettings {
        Objects.requireNonNull(host, "host");
        nonProxyHosts = Set.copyOf(nonProxyHosts);
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("proxy port out of range: " + port);
        }
    }

    /**
     * From a proxy configured as Jenkins and most tools write it: {@code noProxyHosts} is a list of host names
     * separated by white space, commas or bars, {@code *} matching any characters.
     */
    public static ProxySettings of(
            String host,
            int port,
            @Nullable String username,
            @Nullable String password,
            @Nullable String noProxyHosts) {
        Set<String> patterns = new LinkedHashSet<>();
        if (noProxyHosts != null) {
            for (String glob : noProxyHosts.split("[\\s,|]+")) {
                if (!glob.isBlank()) {
                    patterns.add(toRegex(glob.trim().toLowerCase(Locale.ROOT)));
                }
            }
        }
        return new ProxySettings(
                host,
                port,
                username == null || username.isEmpty() ? null : username,
                password == null || password.isEmpty() ? null : password,
                patterns);
    }

    /** The SDK matches non-proxy hosts as regular expressions against the lower-cased host name. */
    private static String toRegex(String glob) {
        return Arrays.stream(glob.split("\\*", -1))
                .map(part -> part.isEmpty() ? "" : Pattern.quote(part))
                .collect(Collectors.joining(".*"));
    }

    URI endpoint() {
        return URI.create("http://" + host + ":" + port);
    }

    @Override
    public String toString() {
        return "ProxySettings[" + host + ":" + port + (username != null ? ", user " + username + ", password ****" : "")
                + ", nonProxyHosts=" + nonProxyHosts + "]";
    }
}
