package dev.lambdadeploy.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The route table: which operation a method and path name, and the path parameters it takes from them. */
class RouteTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(
            nullValues = "-",
            value = {
                "POST, /2015-03-31/functions,                          CreateFunction,              -,      -",
                "GET,  /2015-03-31/functions/,                         ListFunctions,               -,      -",
                "GET,  /2015-03-31/functions/fn,                       GetFunction,                 fn,     -",
                "GET,  /2015-03-31/functions/fn/configuration,         GetFunctionConfiguration,    fn,     -",
                "PUT,  /2015-03-31/functions/fn/configuration,         UpdateFunctionConfiguration, fn,     -",
                "PUT,  /2015-03-31/functions/fn/code//,                UpdateFunctionCode,          fn,     -",
                "GET,  /2015-03-31/functions/fn/versions,              ListVersionsByFunction,      fn,     -",
                "POST, /2015-03-31/functions/fn/versions,              PublishVersion,              fn,     -",
                "POST, /2015-03-31/functions/fn/aliases,               CreateAlias,                 fn,     -",
                "GET,  /2015-03-31/functions/fn/aliases/prod,          GetAlias,                    fn,     prod",
                "PUT,  /2015-03-31/functions/fn/aliases/prod,          UpdateAlias,                 fn,     prod",
                "GET,  /2015-03-31/functions/fn%3Aprod/configuration,  GetFunctionConfiguration,    fn:prod, -",
                "GET,  /2015-03-31/functions/a+b,                      GetFunction,                 a+b,    -",
                "DELETE, /2015-03-31/functions/fn,                     DeleteFunction,              fn,     -",
                "GET,  /2015-03-31/functions/fn/aliases,               ListAliases,                 fn,     -",
                "DELETE, /2015-03-31/functions/fn/aliases/prod,        DeleteAlias,                 fn,     prod",
                "DELETE, /2015-03-31/functions/fn/versions,            Unknown,                     fn,     -",
                "GET,  /2015-03-31/functions/fn/configuration/extra,   Unknown,                     fn,     -",
                "PUT,  /2015-03-31/functions/fn/code,                  UpdateFunctionCode,          fn,     -",
                "GET,  /2015-03-31/functionsfn,                        Unknown,                     -,      -",
                "GET,  /2018-10-31/layers,                             Unknown,                     -,      -",
            })
    void aMethodAndPathNameOneOperation(String method, String path, String operation, String function, String alias) {
        Route.Match match = Route.match(method, path);

        assertThat(match.operation()).isEqualTo(operation);
        assertThat(match.function()).isEqualTo(function);
        assertThat(match.alias()).isEqualTo(alias);
    }

    @Test
    void everyRouteIsReachable() {
        assertThat(Route.TABLE)
                .allSatisfy(route -> assertThat(Route.match(
                                        route.method(),
                                        route.uri()
                                                .replace("{FunctionName}", "fn")
                                                .replace("{Name}", "prod"))
                                .operation())
                        .isEqualTo(route.operation()));
        assertThat(Route.TABLE.stream().map(Route::operation).distinct()).hasSameSizeAs(Route.TABLE);
    }
}
