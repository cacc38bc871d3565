package dev.lambdadeploy.engine.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdadeploy.engine.InvalidParameterException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShiftPlanTest {

    @Test
    void canaryHoldsItsWeightThenShiftsTheRest() {
        ShiftPlan plan = ShiftPlan.parse("Canary10Percent5Minutes", "shift");

        assertThat(plan.steps()).containsExactly(new ShiftPlan.Step(0.10, Duration.ofMinutes(5)));
        assertThat(plan.duration()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void linearGrowsByItsStepUntilAllIsShifted() {
        ShiftPlan plan = ShiftPlan.parse("CodeDeployDefault.LambdaLinear10PercentEvery1Minute", "shift");

        assertThat(plan.steps()).hasSize(9);
        assertThat(plan.steps().get(0)).isEqualTo(new ShiftPlan.Step(0.10, Duration.ofMinutes(1)));
        assertThat(plan.steps().get(8).weight()).isEqualTo(0.90);
        assertThat(plan.duration()).isEqualTo(Duration.ofMinutes(9));
    }

    @Test
    void allAtOnceHasNoSteps() {
        assertThat(ShiftPlan.parse("AllAtOnce", "shift").steps()).isEmpty();
    }

    @Test
    void everyPresetParses() {
        for (String preset : ShiftPlan.PRESETS) {
            assertThat(ShiftPlan.parse(preset, "shift").name()).isEqualTo(preset);
        }
    }

    @Test
    void customStepsTakePercentAndDuration() {
        ShiftPlan plan = ShiftPlan.parse("5%:30s, 25%:5m,50%:1h", "--shift");

        assertThat(plan.steps())
                .isEqualTo(List.of(
                        new ShiftPlan.Step(0.05, Duration.ofSeconds(30)),
                        new ShiftPlan.Step(0.25, Duration.ofMinutes(5)),
                        new ShiftPlan.Step(0.50, Duration.ofHours(1))));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "Canary",
                "Canary0Percent5Minutes",
                "Canary100Percent5Minutes",
                "Canary10Percent0Minutes",
                "50%:5m,10%:5m",
                "10%:5m,100%:1m",
                "10%5m",
                "10%:25h",
                "Linear10PercentEvery200Minutes"
            })
    void badPlansAreRefusedNamingTheParameterAndWhatIsAccepted(String text) {
        assertThatThrownBy(() -> ShiftPlan.parse(text, "--shift"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Invalid --shift: '" + text.trim() + "'")
                .hasMessageContaining("Canary10Percent5Minutes")
                .hasMessageContaining("10%:5m,50%:10m");
    }
}
