package dev.lambdadeploy.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One row of the Lambda REST API table: a method and a request URI as the API model writes it
 * ({@code /2015-03-31/functions/{FunctionName}/aliases/{Name}}), the operation they name, and the
 * {@link LambdaService} method that answers it. {@link #TABLE} holds every route, as moto's urls.py does.
 */
record Route(String method, String uri, String operation, Handler handler, Pattern path, List<String> parameters) {
    static final String UNKNOWN = "Unknown";

    /** How the service answers one operation. */
    @FunctionalInterface
    interface Handler {
        ApiResponse answer(LambdaService service, ApiRequest request);
    }

    // before TABLE, which route() builds with it
    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}");
    private static final String FUNCTIONS = "/2015-03-31/functions";
    private static final String FUNCTION = FUNCTIONS + "/{FunctionName}";
    private static final String ALIAS = FUNCTION + "/aliases/{Name}";

    /** Tried in order; the first route whose method and whole path match wins. */
    static final List<Route> TABLE = List.of(
            route("POST", FUNCTIONS, "CreateFunction", LambdaService::createFunction),
            route("GET", FUNCTIONS, "ListFunctions", LambdaService::listFunctions),
            route("GET", FUNCTION, "GetFunction", LambdaService::getFunction),
            route("DELETE", FUNCTION, "DeleteFunction", LambdaService::deleteFunction),
            route(
                    "GET",
                    FUNCTION + "/configuration",
                    "GetFunctionConfiguration",
                    LambdaService::getFunctionConfiguration),
            route(
                    "PUT",
                    FUNCTION + "/configuration",
                    "UpdateFunctionConfiguration",
                    LambdaService::updateFunctionConfiguration),
            route("PUT", FUNCTION + "/code", "UpdateFunctionCode", LambdaService::updateFunctionCode),
            route("GET", FUNCTION + "/versions", "ListVersionsByFunction", LambdaService::listVersionsByFunction),
            route("POST", FUNCTION + "/versions", "PublishVersion", LambdaService::publishVersion),
            route("POST", FUNCTION + "/aliases", "CreateAlias", LambdaService::createAlias),
            route("GET", FUNCTION + "/aliases", "ListAliases", LambdaService::listAliases),
            route("GET", ALIAS, "GetAlias", LambdaService::getAlias),
            route("PUT", ALIAS, "UpdateAlias", LambdaService::updateAlias),
            route("DELETE", ALIAS, "DeleteAlias", LambdaService::deleteAlias));

    /** Any path below one function, to name the function of a call no route answers. */
    private static final Pattern BELOW_A_FUNCTION = Pattern.compile(Pattern.quote(FUNCTIONS) + "/([^/]*)");

    private static final Handler UNKNOWN_OPERATION = (service, request) -> {
        throw ApiException.unknownOperation();
    };

    /** The route {@code method} and {@code rawPath} name, with its decoded path parameters. */
    static Match match(String method, String rawPath) {
        for (Route route : TABLE) {
            Matcher m = route.path.matcher(rawPath);
            if (route.method.equals(method) && m.matches()) {
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < route.parameters.size(); i++) {
                    values.put(route.parameters.get(i), decode(m.group(i + 1)));
                }
                return new Match(route.operation, values.get("FunctionName"), values.get("Name"), route.handler);
            }
        }
        Matcher below = BELOW_A_FUNCTION.matcher(rawPath);
        return new Match(UNKNOWN, below.lookingAt() ? decode(below.group(1)) : null, null, UNKNOWN_OPERATION);
    }

    /** A route matched: its operation, the decoded FunctionName and alias Name path parameters, its handler. */
    record Match(
            String operation,
            @Nullable String function,
            @Nullable String alias,
            Handler handler) {}

    /** A parameter is one path segment; trailing slashes are ignored. */
    private static Route route(String method, String uri, String operation, Handler handler) {
        List<String> parameters = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        Matcher p = PARAMETER.matcher(uri);
        int literalFrom = 0;
        while (p.find()) {
            regex.append(Pattern.quote(uri.substring(literalFrom, p.start()))).append("([^/]*)");
            parameters.add(p.group(1));
            literalFrom = p.end();
        }
        regex.append(Pattern.quote(uri.substring(literalFrom))).append("/*");
        return new Route(method, uri, operation, handler, Pattern.compile(regex.toString()), List.copyOf(parameters));
    }

    /** Percent-decoding only: in a path '+' is a plus sign. */
    static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
