package dev.lambdadeploy.cli;

import static dev.lambdadeploy.cli.CliHarness.FN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input: the engine's message in option spelling, exit 2, and not one request to Lambda. */
class BadInputTest {

    @TempDir
    Path dir;

    CliHarness cli;
    Path zip;

    @BeforeEach
    void start() {
        cli = new CliHarness(dir);
        cli.simulator.control().createFunction(FN, Duration.ZERO);
        zip = CliHarness.writeZip(dir, "app.zip", "code");
    }

    @AfterEach
    void stop() {
        assertThat(cli.simulator.journal().entries()).as("requests to Lambda").isEmpty();
        cli.close();
    }

    private CliHarness.Run usageError(String... args) {
        CliHarness.Run run = cli.run(args);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        return run;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "deploy --s3-bucket b1b --s3-key k                                    | ❌ Missing required option: '--function-name=NAME'",
                "deploy --function-name '' --s3-bucket b1b --s3-key k                 | ❌ Invalid --function-name: is required: give a function name",
                "deploy --function-name 'bad name!' --s3-bucket b1b --s3-key k        | ❌ Invalid --function-name: 'bad name!' is not a function name",
                "deploy --function-name fn:prod --s3-bucket b1b --s3-key k            | ❌ Invalid --function-name: 'fn:prod' names a version or alias (prod)",
                "deploy --function-name fn                                            | ❌ Invalid code source: none given",
                "deploy --function-name fn --s3-bucket b1b --s3-key k --image-uri a/b:1 | ❌ Invalid code source: more than one given",
                "update-code --function-name fn --zip-file app.zip --image-uri a/b:1  | ❌ Invalid code source: more than one given",
                "deploy --function-name fn --s3-key k                                 | ❌ Invalid --s3-bucket: is required",
                "deploy --function-name fn --s3-bucket B --s3-key k                   | ❌ Invalid --s3-bucket: 'B' is not an S3 bucket name",
                "deploy --function-name fn --s3-bucket b1b                            | ❌ Invalid --s3-key: is required",
                "deploy --function-name fn --image-uri nope                           | ❌ Invalid --image-uri: 'nope' is not a container image URI",
                "deploy --function-name fn --s3-bucket b1b --s3-key k --architectures mips | ❌ Invalid --architectures: 'mips' is not x86_64 or arm64",
                "deploy --function-name fn --s3-bucket b1b --s3-key k --max-retries 11 | ❌ Invalid --max-retries: must be between 0 and 10, was 11",
                "deploy --function-name fn --s3-bucket b1b --s3-key k --wait-policy eager | ❌ Invalid --wait-policy: must be 'history'",
                "deploy --function-name fn --s3-bucket b1b --s3-key k --poll-interval 0 | ❌ Invalid --poll-interval: must be more than 0",
                "deploy --function-name fn --s3-bucket b1b --s3-key k --poll-interval 301 | ❌ Invalid --poll-interval: must be more than 0 and at most 300 seconds, was 301.0s",
                "deploy --function-name fn --s3-bucket b1b --s3-key k --max-wait-attempts 0 | ❌ Invalid --max-wait-attempts: must be between 1 and 10000, was 0",
                "deploy --function-name fn --s3-bucket b1b --s3-key k --revision-id 42 | ❌ Invalid --revision-id: '42' is not a Lambda revision id",
                "deploy --function-name fn --s3-bucket b1b --s3-key k --region mars   | ❌ Invalid --region: 'mars' is not an AWS region code",
                "deploy --function-name fn --s3-bucket b1b --s3-key k --role-arn arn:nope | ❌ Invalid --role-arn: 'arn:nope' is not an IAM role ARN",
                "deploy --function-name fn --s3-bucket b1b --s3-key k --external-id xyz | ❌ Invalid --external-id: is only used when assuming a role",
                "deploy --function-name fn --s3-bucket b1b --s3-key k --role-arn arn:aws:iam::123456789012:role/d --role-duration-seconds 600 | ❌ Invalid --role-duration-seconds: must be between 900 and 43200 seconds, was 600",
                "deploy --function-name fn --s3-bucket b1b --s3-key k --endpoint-url ftp://x | ❌ Invalid --endpoint-url: 'ftp://x' is not an http or https URL",
                "deploy --function-name fn --s3-bucket b1b --s3-key k --profile nobody | ❌ Invalid --profile: no profile 'nobody'",
                "update-code --function-name fn --s3-bucket b1b --s3-key k --dry-run --publish | ❌ Invalid --publish: cannot be combined with --dry-run",
                "publish-version --function-name fn --code-sha256 abc                 | ❌ Invalid --code-sha256: 'abc' is not a base64 SHA-256 digest",
                "await-ready --function-name fn:1 --qualifier 2                       | ❌ Invalid --qualifier: '2' given, but --function-name already names 1",
                "await-ready --function-name fn --qualifier 'no good'                 | ❌ Invalid --qualifier: 'no good' is not a version number",
            })
    void engineValidationMessagesInOptionSpelling(String args, String message) {
        var run = usageError(split(args));

        assertThat(run.errLines()).first().asString().startsWith(message);
        assertThat(run.errLines())
                .last()
                .asString()
                .startsWith("Run 'lambda-deploy ")
                .endsWith(" --help' for its options.");
    }

    @Test
    void noCodeSourceSaysWhichToGive() {
        var run = usageError("update-code", "--function-name", "fn");

        assertThat(run.errLines())
                .first()
                .asString()
                .isEqualTo("❌ Invalid code source: none given: set exactly one of "
                        + "--s3-bucket + --s3-key (optionally --s3-object-version), --zip-file, or --image-uri");
    }

    @Test
    void oneSourceGivenTwiceKeepsPicocliMessage() {
        var run = usageError(
                "deploy", "--function-name", "fn", "--zip-file", zip.toString(), "--zip-file", zip.toString());

        assertThat(run.errLines())
                .first()
                .asString()
                .startsWith("❌ Error: expected only one match")
                .doesNotContain("empty");
    }

    @Test
    void theHelpListsTheCodeSourcesAsExactlyOneOf() {
        for (String command : new String[] {"update-code", "deploy"}) {
            var help = cli.runExactly(command, "--help");

            assertThat(help.exitCode()).isZero();
            assertThat(help.out().replaceAll("\\s+", " "))
                    .contains(
                            "--function-name=NAME",
                            "(--zip-file=PATH | --image-uri=URI | (--s3-bucket=BUCKET "
                                    + "--s3-key=KEY [--s3-object-version=VERSION]))")
                    .containsPattern("The new code, exactly one of: --zip-file=PATH .* --image-uri=URI .* "
                            + "--s3-bucket=BUCKET .* --s3-key=KEY .* --s3-object-version=VERSION");
        }
    }

    @Test
    void everyCommandThatTalksToLambdaRequiresTheFunctionName() {
        for (String command : new String[] {"update-code", "await-ready", "publish-version", "deploy"}) {
            var run = usageError(command);

            assertThat(run.errLines())
                    .as(command)
                    .first()
                    .asString()
                    .startsWith("❌ Missing required option")
                    .contains("'--function-name=NAME'");
        }
    }

    @Test
    void aDescriptionLongerThanLambdaTakesIsRefused() {
        var run = usageError("publish-version", "--function-name", "fn", "--description", "x".repeat(257));

        assertThat(run.err()).contains("Invalid --description: is 257 characters long; Lambda takes at most 256");
    }

    @Test
    void aMissingZipFileIsBadInput() {
        var run = usageError(
                "update-code",
                "--function-name",
                "fn",
                "--zip-file",
                dir.resolve("missing.zip").toString());

        assertThat(run.err()).startsWith("❌ Invalid --zip-file: no such file: ");
    }

    @Test
    void aFileThatIsNotAZipIsBadInput() throws Exception {
        Path text = java.nio.file.Files.writeString(dir.resolve("app.txt"), "hello");

        var run = usageError("update-code", "--function-name", "fn", "--zip-file", text.toString());

        assertThat(run.err()).startsWith("❌ Invalid --zip-file: app.txt is not a zip archive");
    }

    @Test
    void anEndpointPortOutOfRangeIsBadInputNotAnHttpClientError() {
        var run = usageError(
                "deploy",
                "--function-name",
                "fn",
                "--zip-file",
                zip.toString(),
                "--endpoint-url",
                "http://127.0.0.1:99999");

        assertThat(run.err())
                .startsWith("❌ Invalid --endpoint-url: 'http://127.0.0.1:99999' has the port 99999, "
                        + "which is no TCP port");
    }

    @Test
    void aFunctionArnInAnotherRegionIsBadInput() {
        String arn = "arn:aws:lambda:eu-west-1:" + cli.simulator.accountId() + ":function:fn";

        var run = usageError(
                "deploy", "--function-name", arn, "--zip-file", zip.toString(), "--region", cli.simulator.region());

        assertThat(run.err())
                .startsWith("❌ Invalid --function-name: '" + arn + "' is in region eu-west-1, but the "
                        + "region in use is " + cli.simulator.region() + "; set --region to eu-west-1");
    }

    @Test
    void aFunctionArnOfAnUnknownPartitionIsBadInput() {
        var run =
                usageError("await-ready", "--function-name", "arn:aws-mars:lambda:us-east-1:123456789012:function:fn");

        assertThat(run.err())
                .startsWith("❌ Invalid --function-name: 'arn:aws-mars:lambda:us-east-1:123456789012:"
                        + "function:fn' names the partition 'aws-mars'");
    }

    @Test
    void aFunctionNameWithATrailingNewlineIsBadInput() {
        var run = usageError("deploy", "--function-name", "fn\n", "--zip-file", zip.toString());

        assertThat(run.err()).startsWith("❌ Invalid --function-name: contains a line break (\\n) at position 3 of 3");
    }

    @Test
    void theTwoByteFilePKIsTooShortToBeAZip() throws Exception {
        Path pk = java.nio.file.Files.write(dir.resolve("pk.zip"), new byte[] {'P', 'K'});

        var run = usageError("update-code", "--function-name", "fn", "--zip-file", pk.toString());

        assertThat(run.err()).startsWith("❌ Invalid --zip-file: pk.zip is 2 bytes, too short to be a zip archive");
    }

    @Test
    void aZipOverTheDirectUploadLimitIsRefusedAtOnceNamingTheS3Options() throws Exception {
        Path big = dir.resolve("big.zip");
        try (var file = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            file.write(new byte[] {'P', 'K', 3, 4});
            file.setLength(3L * 1024 * 1024 * 1024); // sparse: no disk used
        }

        var run = usageError("deploy", "--function-name", "fn", "--zip-file", big.toString());

        assertThat(run.err())
                .startsWith("❌ Invalid --zip-file: big.zip is 3221225472 bytes; Lambda takes at most "
                        + "52428800 bytes (50 MB) in a request: upload it to S3 and use --s3-bucket/--s3-key instead");
    }

    @Test
    void aDeviceIsNoZipFile() {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(Path.of("/dev/zero")));

        var run = usageError("deploy", "--function-name", "fn", "--zip-file", "/dev/zero");

        assertThat(run.err()).startsWith("❌ Invalid --zip-file: /dev/zero is not a regular file");
    }

    @Test
    void noRegionAnywhereIsBadInput() {
        cli.env.remove("AWS_REGION");

        var run = usageError("deploy", "--function-name", "fn", "--zip-file", zip.toString());

        assertThat(run.err()).startsWith("❌ Invalid --region: none given");
    }

    @Test
    void aBadRegionInTheEnvironmentNamesTheVariable() {
        cli.env.put("AWS_REGION", "moon-1");

        var run = usageError("deploy", "--function-name", "fn", "--zip-file", zip.toString());

        assertThat(run.err()).startsWith("❌ Invalid --region: AWS_REGION is 'moon-1'");
    }

    @Test
    void halfTheKeysInTheEnvironmentIsBadInput() {
        cli.env.remove("AWS_SECRET_ACCESS_KEY");

        var run = usageError("deploy", "--function-name", "fn", "--zip-file", zip.toString());

        assertThat(run.err())
                .startsWith(
                        "❌ Invalid credentials: the environment has AWS_ACCESS_KEY_ID but not AWS_SECRET_ACCESS_KEY")
                .doesNotContain(dev.lambdadeploy.simulator.SimulatorCredentials.SECRET_ACCESS_KEY);
    }

    @Test
    void unknownOptionsGetPicocliSuggestions() {
        var run = usageError("deploy", "--function-nam", "fn");

        assertThat(run.errLines()).first().asString().startsWith("❌ Unknown options: '--function-nam'");
        assertThat(run.err()).contains("--function-name");
    }

    @Test
    void aPollIntervalThatIsNoNumberIsBadUsage() {
        var run = usageError("await-ready", "--function-name", "fn", "--poll-interval", "soon");

        assertThat(run.err()).contains("'soon' is not a duration");
    }

    @Test
    void noSubcommandIsBadUsage() {
        var run = usageError();

        assertThat(run.err()).contains("Missing subcommand");
    }

    @Test
    void usageErrorsAreAnnotatedInGitHubActions() {
        cli.env.put("GITHUB_ACTIONS", "true");

        var run = usageError("deploy", "--function-name", "bad name!", "--s3-bucket", "b1b", "--s3-key", "k");

        assertThat(run.errLines())
                .contains("::error::Invalid --function-name: 'bad name!' is not a function name (1 to 64 "
                        + "letters, digits, hyphens or underscores, e.g. my-function), a full ARN "
                        + "(arn:aws:lambda:us-east-1:123456789012:function:my-function) or a partial ARN "
                        + "(123456789012:function:my-function)");
    }

    @Test
    void helpAndVersionExitZero() {
        var help = cli.run("deploy", "--help");
        var version = cli.runExactly("--version");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--function-name", "--poll-interval", "--wait-policy", "--rollback");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("lambda-deploy ");
    }

    /** Splits on spaces, keeping 'quoted words' together. */
    static String[] split(String args) {
        java.util.List<String> words = new java.util.ArrayList<>();
        var m = java.util.regex.Pattern.compile("'([^']*)'|(\\S+)").matcher(args.trim());
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return words.toArray(String[]::new);
    }
}
