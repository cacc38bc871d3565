package dev.lambdadeploy.engine.aws;

import java.util.Objects;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Takes a quota token before every attempt the SDK transmits, retries included, from the limiter of the request's
 * account where the function is named by its ARN (see {@link QuotaLimiter}).
 */
final class QuotaInterceptor implements ExecutionInterceptor {

    private final QuotaLimiter limiter;

    QuotaInterceptor(QuotaLimiter limiter) {
        this.limiter = Objects.requireNonNull(limiter, "limiter");
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        try {
            String functionName = context.request()
                    .getValueForField("FunctionName", String.class)
                    .orElse(null);
            limiter.forFunction(functionName).acquire(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AbortedException.create("interrupted while waiting for Lambda's request quota", e);
        }
    }
}
