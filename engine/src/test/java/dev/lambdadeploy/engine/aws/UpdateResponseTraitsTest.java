package dev.lambdadeploy.engine.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdadeploy.engine.wait.UpdateTraits;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.VpcConfigResponse;

class UpdateResponseTraitsTest {

    @Test
    void readsPackageTypeCodeSizeAndWhetherSubnetsAreConfigured() {
        UpdateFunctionCodeResponse code = UpdateFunctionCodeResponse.builder()
                .packageType("Zip")
                .codeSize(1234L)
                .vpcConfig(VpcConfigResponse.builder().subnetIds("subnet-1").build())
                .build();
        assertThat(UpdateResponseTraits.of(code)).isEqualTo(new UpdateTraits("Zip", 1234, true));
    }

    @Test
    void anEmptyVpcConfigIsNoVpcAndMissingFieldsAreUnknown() {
        UpdateFunctionConfigurationResponse config = UpdateFunctionConfigurationResponse.builder()
                .packageType("Image")
                .vpcConfig(VpcConfigResponse.builder().build())
                .build();
        assertThat(UpdateResponseTraits.of(config)).isEqualTo(new UpdateTraits("Image", 0, false));
        assertThat(UpdateResponseTraits.of(UpdateFunctionCodeResponse.builder().build()))
                .isEqualTo(UpdateTraits.UNKNOWN);
    }
}
