package dev.lambdadeploy.engine.aws;

import dev.lambdadeploy.engine.wait.UpdateTraits;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.VpcConfigResponse;

/** {@link UpdateTraits} as the SDK's responses to UpdateFunctionCode and UpdateFunctionConfiguration give them. */
public final class UpdateResponseTraits {

    private UpdateResponseTraits() {}

    public static UpdateTraits of(UpdateFunctionCodeResponse response) {
        return traits(response.packageTypeAsString(), response.codeSize(), response.vpcConfig());
    }

    public static UpdateTraits of(UpdateFunctionConfigurationResponse response) {
        return traits(response.packageTypeAsString(), response.codeSize(), response.vpcConfig());
    }

    private static UpdateTraits traits(
            @Nullable String packageType, @Nullable Long codeSize, @Nullable VpcConfigResponse vpc) {
        boolean inVpc = vpc != null && vpc.hasSubnetIds() && !vpc.subnetIds().isEmpty();
        long size = codeSize == null || codeSize < 0 ? 0 : codeSize;
        return new UpdateTraits(packageType, size, inVpc);
    }
}
