package dev.lambdadeploy.cli;

import dev.lambdadeploy.engine.CodeSource;
import dev.lambdadeploy.engine.InvalidParameterException;
import dev.lambdadeploy.engine.Parameter;
import dev.lambdadeploy.engine.ParameterNames;
import dev.lambdadeploy.engine.Validation;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.MaxValuesExceededException;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.MutuallyExclusiveArgsException;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The new code: exactly one of an S3 object, a local zip file, or a container image. Commands hold it as
 * {@code @ArgGroup(exclusive = true, multiplicity = "1", heading = CodeOptions.HEADING)}, so picocli refuses none and
 * two before the engine sees them, and {@code --help} lists the sources under {@link #HEADING}.
 */
final class CodeOptions {

    static final String HEADING = "%nThe new code, exactly one of:%n";

    @ArgGroup(exclusive = false, multiplicity = "1")
    @Nullable
    S3Object s3;

    @Option(
            names = "--zip-file",
            required = true,
            paramLabel = "PATH",
            description = "A local zip archive to upload (at most 50 MB).")
    @Nullable
    Path zipFile;

    @Option(
            names = "--image-uri",
            required = true,
            paramLabel = "URI",
            description = "A container image in Amazon ECR, with tag or digest.")
    @Nullable
    String imageUri;

    /** A zip in S3: bucket and key, optionally the object's version. */
    static final class S3Object {

        @Option(
                names = "--s3-bucket",
                required = true,
                paramLabel = "BUCKET",
                description = "S3 bucket of the zip, with --s3-key.")
        @Nullable
        String bucket;

        @Option(names = "--s3-key", required = true, paramLabel = "KEY", description = "Key of the zip in --s3-bucket.")
        @Nullable
        String key;

        @Option(
                names = "--s3-object-version",
                paramLabel = "VERSION",
                description = "A specific version of the S3 object.")
        @Nullable
        String objectVersion;
    }

    /** Reads the zip file if one is named (size and kind checked before reading, read with a bound); the engine checks everything else. */
    CodeSource codeSource() {
        byte[] zip = zipFile == null ? null : Validation.readZip(zipFile);
        return Validation.codeSource(
                s3 == null ? null : s3.bucket,
                s3 == null ? null : s3.key,
                s3 == null ? null : s3.objectVersion,
                zip,
                zipFile == null ? null : String.valueOf(zipFile.getFileName()),
                imageUri);
    }

    /**
     * The engine's message for a code source picocli refused: none, two, or half an S3 object. It says what to give
     * ("set exactly one of --s3-bucket + --s3-key ..."), where picocli repeats the synopsis. Empty for any other usage
     * error (one source given twice keeps picocli's message), and when the engine would accept what was given.
     */
    static Optional<String> engineMessage(ParameterException refused) {
        // two different sources come as MutuallyExclusiveArgs or, when the S3 object comes first, as MaxValuesExceeded
        boolean aboutCode = refused instanceof MutuallyExclusiveArgsException
                || refused instanceof MaxValuesExceededException
                || refused instanceof MissingParameterException missing
                        && missing.getMissing().stream().allMatch(CodeOptions::isCodeOption);
        boolean takesCode = refused.getCommandLine().getCommandSpec().argGroups().stream()
                .anyMatch(group -> group.typeInfo().getType() == CodeOptions.class);
        ParseResult given = refused.getCommandLine().getParseResult();
        if (!aboutCode || !takesCode || given == null) {
            return Optional.empty();
        }
        boolean zipGiven = given.hasMatchedOption(Parameter.ZIP_FILE.cliName());
        boolean otherGiven = Stream.of(
                        Parameter.S3_BUCKET, Parameter.S3_KEY, Parameter.S3_OBJECT_VERSION, Parameter.IMAGE_URI)
                .anyMatch(p -> given.hasMatchedOption(p.cliName()));
        if (zipGiven && !otherGiven) {
            return Optional.empty(); // --zip-file twice
        }
        try {
            // beside another source the engine only counts the zip file, so it is not read here
            Validation.codeSource(
                    given.matchedOptionValue(Parameter.S3_BUCKET.cliName(), null),
                    given.matchedOptionValue(Parameter.S3_KEY.cliName(), null),
                    given.matchedOptionValue(Parameter.S3_OBJECT_VERSION.cliName(), null),
                    zipGiven ? new byte[0] : null,
                    null,
                    given.matchedOptionValue(Parameter.IMAGE_URI.cliName(), null));
            return Optional.empty();
        } catch (InvalidParameterException invalid) {
            return Optional.of(invalid.render(ParameterNames.CLI));
        }
    }

    private static boolean isCodeOption(ArgSpec arg) {
        ArgGroupSpec group = arg.group();
        while (group != null && group.parentGroup() != null) {
            group = group.parentGroup();
        }
        return group != null && group.typeInfo().getType() == CodeOptions.class;
    }
}
