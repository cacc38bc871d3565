package dev.lambdadeploy.cli;

import dev.lambdadeploy.engine.CodeSource;
import dev.lambdadeploy.engine.Validation;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The new code: exactly one of an S3 object, a local zip file, or a container image. */
final class CodeOptions {

    @Option(names = "--s3-bucket", paramLabel = "BUCKET", description = "S3 bucket of the zip, with --s3-key.")
    @Nullable String s3Bucket;

    @Option(names = "--s3-key", paramLabel = "KEY", description = "Key of the zip in --s3-bucket.")
    @Nullable String s3Key;

    @Option(names = "--s3-object-version", paramLabel = "VERSION", description = "A specific version of the S3 object.")
    @Nullable String s3ObjectVersion;

    @Option(names = "--zip-file", paramLabel = "PATH", description = "A local zip archive to upload (at most 50 MB).")
    @Nullable Path zipFile;

    @Option(names = "--image-uri", paramLabel = "URI", description = "A container image in Amazon ECR, with tag or digest.")
    @Nullable String imageUri;

    /** Reads the zip file if one is named (size and kind checked before reading, read with a bound); the engine checks everything else. */
    CodeSource codeSource() {
        byte[] zip = zipFile == null ? null : Validation.readZip(zipFile);
        return Validation.codeSource(s3Bucket, s3Key, s3ObjectVersion, zip,
                zipFile == null ? null : String.valueOf(zipFile.getFileName()), imageUri);
    }
}
