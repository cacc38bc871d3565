package dev.lambdadeploy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdadeploy.engine.wait.AdaptiveWaitPolicy;
import dev.lambdadeploy.engine.wait.FixedWaitPolicy;
import dev.lambdadeploy.engine.wait.HistoryWaitPolicy;
import dev.lambdadeploy.engine.wait.WaitPolicyName;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidationTest {

    /** The smallest zip: an empty one, its end-of-central-directory record alone. */
    static final byte[] ZIP = {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    @ParameterizedTest
    @ValueSource(
            strings = {
                "my-function",
                "my_function_2",
                "arn:aws:lambda:us-east-1:123456789012:function:my-function",
                "123456789012:function:my-function",
                "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f"
            })
    void acceptsTheThreeFunctionForms(String name) {
        assertThat(Validation.unqualifiedFunctionName(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "my function",
                "fn/with/slash",
                "arn:aws:lambda:us-east-1:123:function:f",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            })
    void rejectsMalformedFunctionNamesSayingWhatWouldBeRight(String name) {
        assertThatThrownBy(() -> Validation.functionName(name))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("functionName");
                    assertThat(e.getMessage())
                            .contains("'" + name + "'")
                            .contains("partial ARN")
                            .contains("my-function");
                });
    }

    @Test
    void requiresAFunctionName() {
        assertThatThrownBy(() -> Validation.functionName("  "))
                .hasMessageStartingWith("Invalid functionName: is required");
    }

    @Test
    void updatesAndPublishesRefuseAQualifiedFunction() {
        assertThatThrownBy(() ->
                        Validation.unqualifiedFunctionName("arn:aws:lambda:us-east-1:123456789012:function:f:prod"))
                .hasMessageContaining("names a version or alias (prod)");
        assertThatThrownBy(() -> Validation.unqualifiedFunctionName("f:7")).hasMessageContaining("(7)");
        assertThat(Validation.functionName("f:7")).isEqualTo("f:7");
    }

    @Test
    void exactlyOneCodeSource() {
        assertThatThrownBy(() -> Validation.codeSource(null, null, null, null, null, null))
                .hasMessage("Invalid code source: none given: set exactly one of s3Bucket + s3Key (optionally "
                        + "s3ObjectVersion), zipFile, or imageUri");
        assertThatThrownBy(() -> Validation.codeSource("bucket", "key.zip", null, null, null, "repo/img:1"))
                .hasMessageContaining("more than one given");
        assertThat(Validation.codeSource("my-bucket", "app.zip", "v1", null, null, null))
                .isEqualTo(new CodeSource.S3Object("my-bucket", "app.zip", "v1"));
        assertThat(Validation.codeSource(
                        null, null, null, null, null, "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.2"))
                .isEqualTo(new CodeSource.ImageUri("123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.2"));
        assertThat(Validation.codeSource(null, null, null, ZIP, "app.zip", null))
                .isInstanceOf(CodeSource.ZipFile.class);
    }

    @Test
    void s3NeedsBucketAndKey() {
        assertThatThrownBy(() -> Validation.codeSource("my-bucket", null, null, null, null, null))
                .hasMessageStartingWith("Invalid s3Key: is required");
        assertThatThrownBy(() -> Validation.codeSource("My_Bucket!", "k", null, null, null, null))
                .hasMessageStartingWith("Invalid s3Bucket: 'My_Bucket!' is not an S3 bucket name");
    }

    @Test
    void zipMustBeAZipOfAcceptableSize() {
        assertThatThrownBy(() -> Validation.codeSource(null, null, null, new byte[0], "app.zip", null))
                .hasMessageContaining("app.zip is empty");
        assertThatThrownBy(() -> Validation.codeSource(null, null, null, "hello".getBytes(), "app.zip", null))
                .hasMessageContaining("not a zip archive");
        byte[] huge = new byte[Validation.MAX_ZIP_BYTES + 1];
        huge[0] = 'P';
        huge[1] = 'K';
        assertThatThrownBy(() -> Validation.codeSource(null, null, null, huge, "big.zip", null))
                .hasMessageContaining("upload it to S3");
    }

    @Test
    void imageUriNeedsATagOrDigest() {
        assertThatThrownBy(() -> Validation.codeSource(null, null, null, null, null, "just-a-name"))
                .hasMessageStartingWith("Invalid imageUri:");
    }

    @Test
    void descriptionAtMost256Characters() {
        assertThat(Validation.description("x".repeat(256))).hasSize(256);
        assertThatThrownBy(() -> Validation.description("x".repeat(257)))
                .hasMessageStartingWith("Invalid description: is 257 characters long; Lambda takes at most 256");
    }

    @Test
    void codeSha256AndRevisionIdFormats() {
        assertThat(Validation.codeSha256(Statuses.SHA)).isEqualTo(Statuses.SHA);
        assertThatThrownBy(() -> Validation.codeSha256("abc")).hasMessageStartingWith("Invalid codeSha256:");
        assertThat(Validation.revisionId("11111111-2222-3333-4444-555555555555"))
                .isNotNull();
        assertThatThrownBy(() -> Validation.revisionId("r1")).hasMessageStartingWith("Invalid revisionId:");
    }

    @Test
    void regionRoleAndEndpointFormats() {
        assertThat(Validation.region(" eu-west-1 ")).isEqualTo("eu-west-1");
        assertThat(Validation.region("us-gov-west-1")).isEqualTo("us-gov-west-1");
        assertThatThrownBy(() -> Validation.region("Ireland")).hasMessageContaining("us-east-1");
        assertThat(Validation.roleArn("arn:aws:iam::123456789012:role/deployer"))
                .isNotNull();
        assertThatThrownBy(() -> Validation.roleArn("deployer")).hasMessageStartingWith("Invalid roleArn:");
        assertThatThrownBy(() -> Validation.roleSessionName("a b")).hasMessageStartingWith("Invalid roleSessionName:");
        assertThatThrownBy(() -> Validation.roleDurationSeconds(60)).hasMessageContaining("900");
        assertThat(Validation.endpointUrl("http://127.0.0.1:4566")).hasPort(4566);
        assertThatThrownBy(() -> Validation.endpointUrl("localhost:4566"))
                .hasMessageStartingWith("Invalid endpointUrl:");
    }

    @Test
    void architectures() {
        assertThat(Validation.architectures(List.of("arm64"))).containsExactly("arm64");
        assertThatThrownBy(() -> Validation.architectures(List.of("x86"))).hasMessageContaining("x86_64 or arm64");
        assertThatThrownBy(() -> Validation.architectures(List.of("x86_64", "arm64")))
                .hasMessageContaining("exactly one");
    }

    @Test
    void waitSettingsAndRetries() {
        assertThatThrownBy(() -> new WaitSettings(0, Duration.ofSeconds(2), WaitPolicyName.ADAPTIVE, false).validated())
                .hasMessageStartingWith("Invalid maxWaitAttempts: must be between 1 and 10000, was 0");
        assertThatThrownBy(() -> new WaitSettings(30, Duration.ZERO, WaitPolicyName.ADAPTIVE, false).validated())
                .hasMessageStartingWith("Invalid pollInterval:");
        assertThatThrownBy(() -> WaitPolicyName.parse("eager"))
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("waitPolicy"))
                .hasMessage("Invalid waitPolicy: must be 'history' (the default: adaptive, then polling around the "
                        + "function's earlier update durations), 'adaptive' or 'fixed' (the original script's: one poll "
                        + "every pollInterval), was 'eager'");
        assertThatThrownBy(() -> Validation.maxRetries(-1)).hasMessageStartingWith("Invalid maxRetries:");
    }

    @Test
    void waitPolicyNamesAreSpeltAsUsersWriteThemTheDefaultFirst() {
        assertThat(WaitSettings.waitPolicyChoices()).containsExactly("history", "adaptive", "fixed");
        assertThat(WaitPolicyName.parse("fixed")).isEqualTo(WaitPolicyName.FIXED);
        assertThat(WaitPolicyName.HISTORY.spelling())
                .isEqualTo(HistoryWaitPolicy.NAME)
                .isEqualTo(WaitSettings.DEFAULTS.waitPolicy().spelling());
        assertThat(WaitPolicyName.ADAPTIVE.spelling()).isEqualTo(AdaptiveWaitPolicy.NAME);
        assertThat(WaitPolicyName.FIXED.spelling()).isEqualTo(FixedWaitPolicy.NAME);
        for (WaitPolicyName name : WaitPolicyName.values()) {
            assertThat(name.toPolicy(30, Duration.ofSeconds(2)).name()).isEqualTo(name.spelling());
            assertThat(name.toPolicy(30, Duration.ofSeconds(2)).budget()).isEqualTo(Duration.ofSeconds(60));
        }
    }

    @Test
    void waitPoliciesAreParsedFromTheirSpelling() {
        assertThat(new WaitSettings(30, Duration.ofSeconds(2), WaitPolicyName.parse("history"), false))
                .isEqualTo(WaitSettings.DEFAULTS);
        assertThat(WaitSettings.DEFAULTS.waitPolicy().spelling()).isEqualTo("history");
        assertThatThrownBy(() -> new WaitSettings(30, Duration.ofSeconds(2), WaitPolicyName.parse("eager"), false))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Invalid waitPolicy: must be 'history'");
    }

    @Test
    void requestBuildersValidateEverythingBeforeAnyCall() {
        assertThatThrownBy(() -> UpdateCodeRequest.builder().functionName("f").build())
                .hasMessageStartingWith("Invalid code source: none given");
        assertThatThrownBy(() -> UpdateCodeRequest.builder()
                        .functionName("f")
                        .code(new CodeSource.ImageUri("r/i:1"))
                        .dryRun(true)
                        .publish(true)
                        .build())
                .hasMessageStartingWith("Invalid publish: cannot be combined with dryRun");
        assertThatThrownBy(() -> PublishVersionRequest.builder()
                        .functionName("f")
                        .description("d".repeat(300))
                        .build())
                .hasMessageStartingWith("Invalid description:");
        assertThatThrownBy(() -> AwaitReadyRequest.of("f:prod", "live", WaitSettings.DEFAULTS))
                .hasMessageStartingWith("Invalid qualifier: 'live' given, but functionName already names prod");
        PublishVersionRequest defaults =
                PublishVersionRequest.builder().functionName("f").build();
        assertThat(defaults.maxRetries()).isEqualTo(3);
        assertThat(defaults.waitSettings())
                .isEqualTo(new WaitSettings(30, Duration.ofSeconds(2), WaitPolicyName.HISTORY, false));
        assertThat(defaults.rollback()).isFalse();
    }

    @Test
    void messagesCanNameParametersTheWayAFrontEndSpellsThem() {
        var e = new InvalidParameterException("maxWaitAttempts", "must be positive");
        assertThat(e.render(name -> "--max-wait-attempts")).isEqualTo("Invalid --max-wait-attempts: must be positive");
    }

    @Test
    void anEndpointPortOutOfRangeIsBadInput() {
        assertThatThrownBy(() -> Validation.endpointUrl("http://127.0.0.1:99999"))
                .hasMessage("Invalid endpointUrl: 'http://127.0.0.1:99999' has the port 99999, which is no TCP port: "
                        + "give one from 1 to 65535, e.g. http://127.0.0.1:4566");
        assertThatThrownBy(() -> Validation.endpointUrl("http://127.0.0.1:0")).hasMessageContaining("has the port 0");
        assertThatThrownBy(() -> Validation.endpointUrl("http://localhost:99999999999"))
                .hasMessageContaining("has a port out of range");
        assertThat(Validation.endpointUrl("http://127.0.0.1:65535")).hasPort(65535);
    }

    @Test
    void aFunctionArnInAnotherRegionThanTheOneInUseIsBadInput() {
        String arn = "arn:aws:lambda:eu-west-1:123456789012:function:fn";
        assertThatThrownBy(() -> Validation.functionInRegion(arn, "us-east-1"))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.getMessage())
                            .isEqualTo(
                                    "Invalid functionName: '" + arn + "' is in region eu-west-1, "
                                            + "but the region in use is us-east-1; set region to eu-west-1, or give the function's name alone");
                    assertThat(e.render(ParameterNames.CLI))
                            .startsWith("Invalid --function-name: ")
                            .contains("set --region to eu-west-1");
                });
        Validation.functionInRegion(arn, "eu-west-1");
        Validation.functionInRegion("fn", "us-east-1");
        Validation.functionInRegion("123456789012:function:fn", "us-east-1");
    }

    @Test
    void aFunctionArnOfAnUnknownPartitionIsBadInput() {
        assertThatThrownBy(() -> Validation.functionName("arn:aws-moon:lambda:us-east-1:123456789012:function:fn"))
                .hasMessageStartingWith(
                        "Invalid functionName: 'arn:aws-moon:lambda:us-east-1:123456789012:function:fn' "
                                + "names the partition 'aws-moon', which is not an AWS partition (aws, aws-cn, ");
        assertThat(Validation.functionName("arn:aws-cn:lambda:cn-north-1:123456789012:function:fn"))
                .isNotNull();
    }

    @Test
    void aNameWithATrailingNewlineIsBadInputNotTrimmedAway() {
        assertThatThrownBy(() -> Validation.unqualifiedFunctionName("my-function\n"))
                .hasMessage("Invalid functionName: contains a line break (\\n) at position 12 of 12; give the value "
                        + "alone, without line breaks or control characters");
        assertThat(Validation.functionName(" my-function ")).isEqualTo("my-function");
        assertThatThrownBy(() -> Validation.region("us-east-1\r\n"))
                .hasMessageStartingWith("Invalid region: contains a " + "carriage return (\\r) at position 10 of 11");
        assertThatThrownBy(() -> Validation.codeSource("b1b", "app.zip\n", null, null, null, null))
                .hasMessageStartingWith("Invalid s3Key: contains a line break");
        assertThatThrownBy(() -> Validation.roleArn("arn:aws:iam::123456789012:role/x\t"))
                .hasMessageStartingWith("Invalid roleArn: contains a tab");
    }

    @Test
    void descriptionLengthIsCountedInCodePointsAsLambdaCountsIt() {
        String rockets = "\uD83D\uDE80".repeat(256); // 256 characters, 512 UTF-16 units
        assertThat(Validation.description(rockets)).isEqualTo(rockets);
        assertThatThrownBy(() -> Validation.description(rockets + "x"))
                .hasMessageStartingWith("Invalid description: is 257 characters long");
    }
}
