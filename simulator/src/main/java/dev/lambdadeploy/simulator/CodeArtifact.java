package dev.lambdadeploy.simulator;

import org.jspecify.annotations.Nullable;

/** Deployed code as Lambda describes it: its hash and size, and where it came from. */
record CodeArtifact(
        String sha256,
        long size,
        String packageType,
        @Nullable String imageUri) {

    /** An empty but valid zip archive (only the end-of-central-directory record). */
    static final byte[] EMPTY_ZIP = {0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    static CodeArtifact zip(byte[] bytes) {
        return new CodeArtifact(Formats.sha256Base64(bytes), bytes.length, "Zip", null);
    }

    /** The simulator has no S3: it hashes the object's coordinates instead of its bytes. */
    static CodeArtifact s3(String bucket, String key, @Nullable String objectVersion) {
        String uri = "s3://" + bucket + "/" + key + (objectVersion == null ? "" : "?versionId=" + objectVersion);
        byte[] id = Formats.utf8(uri);
        return new CodeArtifact(Formats.sha256Base64(id), id.length, "Zip", null);
    }

    static CodeArtifact image(String uri) {
        return new CodeArtifact(Formats.sha256Base64(Formats.utf8(uri)), 0, "Image", uri);
    }
}
