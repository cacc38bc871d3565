package dev.lambdadeploy.engine.aws;

import dev.lambdadeploy.engine.InvalidParameterException;
import dev.lambdadeploy.engine.Validation;
import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Where STS is called, as the AWS CLI finds it: {@code AWS_ENDPOINT_URL_STS}, else {@code AWS_ENDPOINT_URL}. */
public final class StsEndpoint {

    private StsEndpoint() {}

    /**
     * STS's endpoint of {@code environment}; null (AWS's regional STS) when neither variable is set.
     *
     * @throws InvalidParameterException naming the variable when it is no endpoint URL
     */
    public static @Nullable URI fromEnvironment(Map<String, String> environment) {
        String sts = environment.get("AWS_ENDPOINT_URL_STS");
        String variable = sts != null && !sts.isBlank() ? "AWS_ENDPOINT_URL_STS" : "AWS_ENDPOINT_URL";
        try {
            return Validation.endpointUrl(environment.get(variable));
        } catch (InvalidParameterException e) {
            throw new InvalidParameterException(variable, e.problem());
        }
    }
}
