package dev.lambdadeploy.engine;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Where new code comes from; Lambda takes exactly one of these per update. */
public sealed interface CodeSource extends java.io.Serializable {

    /** A short description for the log, e.g. {@code s3://bucket/key}. */
    String describe();

    /** A zip archive uploaded in the request (up to 50 MB). {@code label} names it in the log. */
    record ZipFile(byte[] bytes, String label) implements CodeSource {
        public ZipFile {
            Objects.requireNonNull(bytes, "bytes");
            Objects.requireNonNull(label, "label");
        }

        @Override
        public String describe() {
            return "zip " + label + " (" + bytes.length + " bytes)";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ZipFile z && Arrays.equals(bytes, z.bytes) && label.equals(z.label);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(bytes) + label.hashCode();
        }

        @Override
        public String toString() {
            return "ZipFile[" + describe() + "]";
        }
    }

    /** A zip archive in S3, optionally a specific object version. */
    record S3Object(String bucket, String key, @Nullable String objectVersion) implements CodeSource {
        public S3Object {
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String describe() {
            return "s3://" + bucket + "/" + key + (objectVersion != null ? " (version " + objectVersion + ")" : "");
        }
    }

    /** A container image in Amazon ECR. */
    record ImageUri(String uri) implements CodeSource {
        public ImageUri {
            Objects.requireNonNull(uri, "uri");
        }

        @Override
        public String describe() {
            return "image " + uri;
        }
    }
}
