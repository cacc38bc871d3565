package dev.lambdadeploy.engine.aws;

import java.net.URI;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** An HTTP proxy for AWS calls, e.g. Jenkins' own proxy configuration. {@code toString} hides the password. */
public record ProxySettings(String host, int port, @Nullable String username, @Nullable String password,
        Set<String> nonProxyHosts) {

    public ProxySettings {
        Objects.requireNonNull(host, "host");
        nonProxyHosts = Set.copyOf(nonProxyHosts);
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("proxy port out of range: " + port);
        }
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
