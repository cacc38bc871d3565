package dev.lambdadeploy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zip is checked before it is read and read with a bound: no size or kind of file exhausts memory. */
class ZipReadTest {

    @TempDir
    Path dir;

    @Test
    void aSparseFileOverTwoGibibytesIsRefusedAtOnceWithoutReadingIt() throws Exception {
        Path big = dir.resolve("big.zip");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.write(new byte[] {'P', 'K', 3, 4});
            file.setLength(3L * 1024 * 1024 * 1024); // sparse: costs no disk
        }
        long before = usedHeap();

        assertThatThrownBy(() -> Validation.readZip(big)).isInstanceOfSatisfying(InvalidParameterException.class, e -> {
            assertThat(e.parameter()).isEqualTo("zipFile");
            assertThat(e.getMessage())
                    .isEqualTo(
                            "Invalid zipFile: big.zip is 3221225472 bytes; Lambda takes at "
                                    + "most 52428800 bytes (50 MB) in a request: upload it to S3 and use s3Bucket/s3Key instead");
            assertThat(e.render(ParameterNames.CLI)).endsWith("use --s3-bucket/--s3-key instead");
        });
        assertThat(usedHeap() - before).as("heap grown by the check").isLessThan(Validation.MAX_ZIP_BYTES);
    }

    @Test
    void aDeviceIsNotARegularFile() {
        Path zero = Path.of("/dev/zero");
        assumeThat(Files.exists(zero)).isTrue();

        assertThatThrownBy(() -> Validation.readZip(zero))
                .hasMessage("Invalid zipFile: /dev/zero is not a regular file (a device, pipe or socket); give a zip "
                        + "archive on disk");
    }

    @Test
    void aDirectoryOrAMissingFileSaysSo() {
        assertThatThrownBy(() -> Validation.readZip(dir)).hasMessageContaining("is a directory");
        assertThatThrownBy(() -> Validation.readZip(dir.resolve("missing.zip")))
                .hasMessageStartingWith("Invalid zipFile: no such file: ");
    }

    @Test
    void theTwoBytesPKAreTooShortToBeAZip() throws Exception {
        Path pk = Files.write(dir.resolve("pk.zip"), new byte[] {'P', 'K'});

        assertThatThrownBy(() -> Validation.readZip(pk))
                .hasMessage(
                        "Invalid zipFile: pk.zip is 2 bytes, too short to be a zip archive (even an empty zip has 22)");
    }

    @Test
    void aTextFileIsNotAZip() throws Exception {
        Path text = Files.writeString(dir.resolve("app.txt"), "hello, this is no archive at all");

        assertThatThrownBy(() -> Validation.readZip(text)).hasMessageContaining("app.txt is not a zip archive");
    }

    @Test
    void aSmallZipIsReadWhole() throws Exception {
        Path zip = Files.write(dir.resolve("app.zip"), ValidationTest.ZIP);

        assertThat(Validation.readZip(zip)).isEqualTo(ValidationTest.ZIP);
    }

    @Test
    void aStreamDeclaredOverTheLimitIsNotReadAtAll() {
        AtomicLong read = new AtomicLong();
        InputStream endless = endless(read);

        assertThatThrownBy(() -> Validation.readZip("agent.zip", 3L * 1024 * 1024 * 1024, endless))
                .hasMessageContaining("agent.zip is 3221225472 bytes");
        assertThat(read).hasValue(0);
    }

    @Test
    void aStreamLongerThanItsDeclaredLengthIsReadOnlyOneBytePastIt() {
        AtomicLong read = new AtomicLong();

        assertThatThrownBy(() -> Validation.readZip("agent.zip", 1024, endless(read)))
                .hasMessageContaining("agent.zip is longer than the 1024 bytes it had when its size was checked");
        assertThat(read.get()).isLessThanOrEqualTo(1025);
    }

    @Test
    void aStreamShorterThanDeclaredIsCheckedForWhatItHad() {
        assertThatThrownBy(() -> Validation.readZip("agent.zip", 1000, new ByteArrayInputStream(new byte[] {'P', 'K'})))
                .hasMessageContaining("agent.zip is 2 bytes, too short to be a zip archive");
        assertThatThrownBy(() -> Validation.readZip("agent.zip", -1, new ByteArrayInputStream(ValidationTest.ZIP)))
                .hasMessageContaining("the size of agent.zip cannot be read");
    }

    @Test
    void aStreamOfTheDeclaredLengthIsRead() throws Exception {
        assertThat(Validation.readZip(
                        "agent.zip", ValidationTest.ZIP.length, new ByteArrayInputStream(ValidationTest.ZIP)))
                .isEqualTo(ValidationTest.ZIP);
    }

    /** 'P', 'K', then zeros for ever, like a zip header in front of /dev/zero. */
    private static InputStream endless(AtomicLong read) {
        return new InputStream() {
            @Override
            public int read() {
                long n = read.getAndIncrement();
                return n == 0 ? 'P' : n == 1 ? 'K' : 0;
            }
        };
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
