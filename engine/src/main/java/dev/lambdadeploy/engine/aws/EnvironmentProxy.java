package dev.lambdadeploy.engine.aws;

import dev.lambdadeploy.engine.InvalidParameterException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The proxy a machine's environment sets, as curl and the AWS CLI read it: {@code HTTPS_PROXY} (for an {@code http:}
 * endpoint {@code HTTP_PROXY}), upper or lower case, as {@code http://[user:password@]host[:port]}; {@code NO_PROXY}
 * a comma-separated list of hosts, each also matching its subdomains ({@code .example.com} and {@code *.example.com}
 * too), {@code *} matching all.
 */
public final class EnvironmentProxy {

    private EnvironmentProxy() {}

    /** The proxy for calls to {@code endpoint} (null: AWS's https endpoints), or null when none is set. */
    public static @Nullable ProxySettings from(Map<String, String> environment, @Nullable URI endpoint) {
        boolean plainHttp = endpoint != null && "http".equalsIgnoreCase(endpoint.getScheme());
        String name = plainHttp ? "HTTP_PROXY" : "HTTPS_PROXY";
        String raw = variable(environment, name);
        if (raw == null) {
            return null;
        }
        URI proxy;
        try {
            proxy = new URI(raw.contains("://") ? raw : "http://" + raw);
        } catch (URISyntaxException e) {
            throw new InvalidParameterException(name, "is not a proxy URL (http://host:port): " + e.getReason());
        }
        if (proxy.getHost() == null) {
            throw new InvalidParameterException(name, "names no host; expected http://host:port");
        }
        String user = null;
        String password = null;
        if (proxy.getRawUserInfo() != null) {
            String[] userInfo = proxy.getRawUserInfo().split(":", 2);
            user = URLDecoder.decode(userInfo[0], StandardCharsets.UTF_8);
            password = userInfo.length > 1 ? URLDecoder.decode(userInfo[1], StandardCharsets.UTF_8) : null;
        }
        int port = proxy.getPort() > 0 ? proxy.getPort() : "https".equalsIgnoreCase(proxy.getScheme()) ? 443 : 80;
        return ProxySettings.of(proxy.getHost(), port, user, password, noProxyGlobs(variable(environment, "NO_PROXY")));
    }

    private static @Nullable String noProxyGlobs(@Nullable String noProxy) {
        if (noProxy == null) {
            return null;
        }
        List<String> globs = new ArrayList<>();
        for (String entry : noProxy.split(",")) {
            String host = entry.strip();
            if (host.isEmpty()) {
                continue;
            }
            if (host.equals("*")) {
                globs.add("*");
            } else if (host.startsWith("*.")) {
                globs.add(host);
            } else if (host.startsWith(".")) {
                globs.add("*" + host);
            } else {
                globs.add(host);
                globs.add("*." + host);
            }
        }
        return String.join(",", globs);
    }

    private static @Nullable String variable(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            value = environment.get(name.toLowerCase(java.util.Locale.ROOT));
        }
        return value == null || value.isBlank() ? null : value.strip();
    }
}
