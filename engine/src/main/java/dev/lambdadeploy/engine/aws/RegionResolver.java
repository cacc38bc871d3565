package dev.lambdadeploy.engine.aws;

import dev.lambdadeploy.engine.InvalidParameterException;
import dev.lambdadeploy.engine.Validation;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The region: the parameter, else AWS_REGION, else AWS_DEFAULT_REGION from the given environment. */
public final class RegionResolver {

    private RegionResolver() {}

    public static String resolve(@Nullable String parameter, Map<String, String> environment) {
        String given = Validation.region(parameter);
        if (given != null) {
            return given;
        }
        for (String variable : new String[] {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                try {
                    return Validation.region(value);
                } catch (InvalidParameterException e) {
                    throw new InvalidParameterException(
                            "region",
                            variable + " is '" + value.trim() + "', which is not an AWS region code such as us-east-1");
                }
            }
        }
        throw new InvalidParameterException(
                "region",
                "none given: set "
                        + dev.lambdadeploy.engine.Parameter.REGION.ref() + " (e.g. eu-west-1), "
                        + "or AWS_REGION or AWS_DEFAULT_REGION in the environment");
    }
}
