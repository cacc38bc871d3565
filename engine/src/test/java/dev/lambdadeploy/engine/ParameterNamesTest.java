package dev.lambdadeploy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdadeploy.engine.aws.AwsErrorInfo;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** One vocabulary of parameters in the engine, rendered as each front end spells it. */
class ParameterNamesTest {

    @Test
    void jenkinsSpellingIsTheDefaultAndTheCliSpellsItsOptions() {
        var e = new InvalidParameterException(
                Parameter.MAX_WAIT_ATTEMPTS,
                "must be positive; or set " + Parameter.FAIL_ON_TIMEOUT.ref() + " and " + Parameter.REGION.ref());

        assertThat(e.getMessage())
                .isEqualTo("Invalid maxWaitAttempts: must be positive; or set failOnTimeout and region");
        assertThat(e.problem()).isEqualTo("must be positive; or set failOnTimeout and region");
        assertThat(e.render(ParameterNames.JENKINS)).isEqualTo(e.getMessage());
        assertThat(e.render(ParameterNames.CLI))
                .isEqualTo("Invalid --max-wait-attempts: must be positive; or set --fail-on-timeout and --region");
    }

    @Test
    void anUnknownReferenceOrADescriptionStaysAsItIs() {
        var e = new InvalidParameterException("code source", "see {{noSuchThing}}");

        assertThat(e.render(ParameterNames.CLI)).isEqualTo("Invalid code source: see {{noSuchThing}}");
    }

    @Test
    void everyCliSpellingIsTheKebabOfTheJenkinsOne() {
        assertThat(Arrays.stream(Parameter.values()).filter(p -> p.cliName().startsWith("--")))
                .allSatisfy(p ->
                        assertThat(p.cliName().substring(2).replace("-", "")).isEqualToIgnoringCase(p.jenkinsName()));
    }

    @Test
    void engineMessagesRenderPerFrontEnd() {
        var timeout = new ReadinessTimeoutException(
                "fn",
                new dev.lambdadeploy.engine.wait.WaitOutcome(
                        dev.lambdadeploy.engine.wait.WaitOutcome.Kind.TIMED_OUT,
                        null,
                        30,
                        java.time.Duration.ofSeconds(60)));
        assertThat(timeout.getMessage()).contains("Raise maxWaitAttempts or pollInterval, or leave failOnTimeout off");
        assertThat(timeout.render(ParameterNames.CLI))
                .contains("Raise --max-wait-attempts or --poll-interval, or leave --fail-on-timeout off");

        var conflict = new AwsCallException(
                new AwsErrorInfo(
                        "UpdateFunctionCode",
                        "fn",
                        "ResourceConflictException",
                        409,
                        "req-1",
                        "An update is in progress for resource: arn:aws:lambda:us-east-1:123456789012:function:fn"),
                null);
        assertThat(conflict.getMessage())
                .endsWith("function:fn. Another update kept the function busy; raise maxRetries or the wait.");
        assertThat(conflict.render(ParameterNames.CLI)).endsWith("raise --max-retries or the wait.");

        var missing = new InvalidParameterException("region", "none given");
        assertThat(missing.render(ParameterNames.CLI)).startsWith("Invalid --region: ");
    }

    @Test
    void aCodeChangeAfterAwsMessageEndingInAFullStopHasOneFullStop() {
        var error = new AwsErrorInfo(
                "PublishVersion",
                "fn",
                "PreconditionFailedException",
                412,
                "req-3",
                "The Revision Id provided does not match the latest Revision Id.");

        assertThat(error.describe()).endsWith("does not match the latest Revision Id");
        assertThat(error.describe() + ". Read the function again.").doesNotContain("..");
    }

    @Test
    void noDoubledFullStopAfterAwsMessage() {
        var e = new AwsCallException(
                new AwsErrorInfo(
                        "GetFunction",
                        "fn",
                        "ResourceNotFoundException",
                        404,
                        "req-2",
                        "Function not found: arn:aws:lambda:us-east-1:123456789012:function:fn."),
                null);

        assertThat(e.getMessage()).doesNotContain("..").endsWith("function:fn. Check functionName and region.");
        assertThat(e.render(ParameterNames.CLI)).endsWith("function:fn. Check --function-name and --region.");
    }
}
