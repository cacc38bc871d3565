package dev.lambdadeploy.engine.wait;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UpdateTraitsTest {

    private static final long MB = 1024 * 1024;

    @Test
    void aSmallZipIsExpectedToTakeAboutASecond() {
        assertThat(new UpdateTraits("Zip", 4096, false).prior())
                .isEqualTo(new ExpectedEnd(
                        Duration.ofMillis(500),
                        Duration.ofMillis(1000),
                        Duration.ofMillis(1100),
                        ExpectedEnd.Source.PRIOR));
    }

    @Test
    void aBiggerZipLongerAnImageLongerStillAVpcHalfAsLongAgain() {
        Duration small = typical(new UpdateTraits("Zip", 0, false));
        Duration big = typical(new UpdateTraits("Zip", 50 * MB, false));
        Duration image = typical(new UpdateTraits("Image", 0, false));
        Duration imageInVpc = typical(new UpdateTraits("Image", 0, true));

        assertThat(big).isEqualTo(small.plusSeconds(2));
        assertThat(image).isEqualTo(Duration.ofSeconds(5));
        assertThat(imageInVpc).isEqualTo(Duration.ofMillis(7500));
    }

    @Test
    void anUnknownPackageTypeHasNoPrior() {
        assertThat(UpdateTraits.UNKNOWN.prior()).isNull();
        assertThat(new UpdateTraits("Something", 10, true).prior()).isNull();
    }

    private static Duration typical(UpdateTraits traits) {
        ExpectedEnd prior = traits.prior();
        assertThat(prior).isNotNull();
        return prior.typical();
    }
}
