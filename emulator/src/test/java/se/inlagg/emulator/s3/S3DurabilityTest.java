package se.inlagg.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.inlagg.emulator.DataFolderInUseException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/** The data folder: what a restart finds, what a crash leaves, and who may use it. Emulator only. */
class S3DurabilityTest {

    @TempDir
    Path dir;

    private static EmbeddedS3 start(Path dir) {
        return EmbeddedS3.start(EmbeddedS3.Options.durable(dir));
    }

    private static Map<String, String> tags(S3Client s3, String bucket, String key) {
        return s3.getObjectTagging(b -> b.bucket(bucket).key(key)).tagSet().stream().collect(Collectors.toMap(Tag::key, Tag::value));
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> all = Files.list(folder)) {
            return all.toList();
        }
    }

    @Test
    void aRestartOnTheSameFolderFindsObjectsMetadataTagsAndConfigurations() {
        byte[] png = ObjectContractTest.png();
        try (EmbeddedS3 s3 = start(dir); S3Client client = S3Contract.client(s3.endpoint())) {
            client.createBucket(b -> b.bucket("bilder"));
            client.putObject(b -> b.bucket("bilder").key("uploads/brus.png").contentType("image/png").metadata(Map.of("fotograf", "asa"))
                    .tagging("status=publicerad"), RequestBody.fromBytes(png));
            client.putObject(b -> b.bucket("bilder").key("index/posts.json").contentType("application/json"),
                    RequestBody.fromString(ObjectContractTest.SWEDISH, StandardCharsets.UTF_8));
            client.putObjectTagging(b -> b.bucket("bilder").key("index/posts.json").tagging(t -> t.tagSet(Tag.builder().key("typ").value("index").build())));
            client.putBucketCors(b -> b.bucket("bilder").corsConfiguration(c -> c.corsRules(CORSRule.builder()
                    .allowedOrigins("http://localhost:3000").allowedMethods("POST").build())));
            client.putBucketLifecycleConfiguration(b -> b.bucket("bilder").lifecycleConfiguration(c -> c.rules(LifecycleRule.builder()
                    .id("tmp").status(ExpirationStatus.ENABLED).filter(f -> f.prefix("tmp/")).expiration(x -> x.days(1)).build())));
        }
        try (EmbeddedS3 s3 = start(dir); S3Client client = S3Contract.client(s3.endpoint())) {
            var picture = client.getObjectAsBytes(b -> b.bucket("bilder").key("uploads/brus.png"));
            assertArrayEquals(png, picture.asByteArray());
            assertEquals("image/png", picture.response().contentType());
            assertEquals(Map.of("fotograf", "asa"), picture.response().metadata());
            assertEquals(Map.of("status", "publicerad"), tags(client, "bilder", "uploads/brus.png"));
            assertEquals(ObjectContractTest.SWEDISH, client.getObjectAsBytes(b -> b.bucket("bilder").key("index/posts.json")).asUtf8String());
            assertEquals(Map.of("typ", "index"), tags(client, "bilder", "index/posts.json"));
            assertEquals(List.of("index/posts.json", "uploads/brus.png"),
                    client.listObjectsV2(b -> b.bucket("bilder")).contents().stream().map(o -> o.key()).toList());
            assertEquals(List.of("POST"), client.getBucketCors(b -> b.bucket("bilder")).corsRules().getFirst().allowedMethods());
            assertEquals("tmp", client.getBucketLifecycleConfiguration(b -> b.bucket("bilder")).rules().getFirst().id());
        }
    }

    @Test
    void deletesOfObjectsAndBucketsSurviveARestart() {
        try (EmbeddedS3 s3 = start(dir); S3Client client = S3Contract.client(s3.endpoint())) {
            client.createBucket(b -> b.bucket("kvar"));
            client.createBucket(b -> b.bucket("borta"));
            client.putObject(b -> b.bucket("kvar").key("a"), RequestBody.fromString("a"));
            client.putObject(b -> b.bucket("kvar").key("b"), RequestBody.fromString("b"));
            client.deleteObject(b -> b.bucket("kvar").key("a"));
            client.deleteBucket(b -> b.bucket("borta"));
        }
        try (EmbeddedS3 s3 = start(dir); S3Client client = S3Contract.client(s3.endpoint())) {
            assertThrows(NoSuchKeyException.class, () -> client.headObject(b -> b.bucket("kvar").key("a")));
            assertEquals("b", client.getObjectAsBytes(b -> b.bucket("kvar").key("b")).asUtf8String());
            assertThrows(NoSuchBucketException.class, () -> client.headBucket(b -> b.bucket("borta")));
        }
    }

    @Test
    void objectsAreFilesUnderTheBucketsFolderWithAReadableSidecar() throws IOException {
        try (EmbeddedS3 s3 = start(dir); S3Client client = S3Contract.client(s3.endpoint())) {
            client.createBucket(b -> b.bucket("bilder"));
            client.putObject(b -> b.bucket("bilder").key("a.txt"), RequestBody.fromString("första"));
            client.putObject(b -> b.bucket("bilder").key("a.txt"), RequestBody.fromString("andra"));
        }
        Path bucket = dir.resolve("s3").resolve("bilder");
        List<Path> blobs = files(bucket.resolve("blobs"));
        assertEquals(1, blobs.size(), "an overwrite leaves one copy of the bytes");
        assertEquals("andra", Files.readString(blobs.getFirst()));
        List<Path> sidecars = files(bucket.resolve("keys"));
        assertEquals(1, sidecars.size());
        String sidecar = Files.readString(sidecars.getFirst());
        assertTrue(sidecar.contains("\"key\" : \"a.txt\""), sidecar);
        assertTrue(sidecar.contains(blobs.getFirst().getFileName().toString()), "the sidecar names its blob");
    }

    @Test
    void aCrashInTheMiddleOfAWriteLeavesTheOldObjectIntact() throws IOException {
        try (EmbeddedS3 s3 = start(dir); S3Client client = S3Contract.client(s3.endpoint())) {
            client.createBucket(b -> b.bucket("bilder"));
            client.putObject(b -> b.bucket("bilder").key("index.json"), RequestBody.fromString("{\"version\":1}"));
        }
        // What a crash leaves: half a body in staging, a new body moved into place but no sidecar naming it yet,
        // and half a sidecar in staging.
        Path s3Folder = dir.resolve("s3");
        Files.writeString(s3Folder.resolve(".staging").resolve("0b5e2f6a-halv"), "{\"version\":2, \"ofull");
        Path orphan = s3Folder.resolve("bilder").resolve("blobs").resolve("7d3c1a90-ny");
        Files.writeString(orphan, "{\"version\":2}");
        Files.writeString(s3Folder.resolve(".staging").resolve("write-halv-sidecar"), "{\"key\" : \"index.json\", \"blob\" : \"7d3c");

        try (EmbeddedS3 s3 = start(dir); S3Client client = S3Contract.client(s3.endpoint())) {
            var index = client.getObjectAsBytes(b -> b.bucket("bilder").key("index.json"));
            assertEquals("{\"version\":1}", index.asUtf8String());
            assertEquals("\"" + md5("{\"version\":1}") + "\"", index.response().eTag());
            client.putObject(b -> b.bucket("bilder").key("index.json"), RequestBody.fromString("{\"version\":2}"));
            assertEquals("{\"version\":2}", client.getObjectAsBytes(b -> b.bucket("bilder").key("index.json")).asUtf8String());
        }
        assertFalse(Files.exists(orphan), "a blob no sidecar names is removed at start");
        assertEquals(List.of(), files(s3Folder.resolve(".staging")), "staging is emptied at start");
    }

    /**
     * With the data folder's disk full, every PUT the search indexer retries meets it: a disk's refusal is one line that
     * says so, not a stack trace each, and the client gets S3's own 500; the next PUT, once the disk takes it, is kept.
     */
    @Test
    void aDisksRefusalIsOneLineThatSaysSoAndS3sOwn500() throws IOException {
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(HttpFront.class.getName());
        log.addHandler(handler);
        try (EmbeddedS3 s3 = start(dir); S3Client client = S3Contract.client(s3.endpoint())) {
            client.createBucket(b -> b.bucket("bilder"));
            // What a full disk does to the next write, as a file where the bytes' folder should be does it (and as root too,
            // which no permission stops).
            Path blobs = dir.resolve("s3").resolve("bilder").resolve("blobs");
            Files.delete(blobs);
            Files.writeString(blobs, "inte en mapp");
            var failed = assertThrows(S3Exception.class,
                    () -> client.putObject(b -> b.bucket("bilder").key("a.txt"), RequestBody.fromString("första")));
            assertEquals(500, failed.statusCode());
            assertEquals("InternalError", failed.awsErrorDetails().errorCode());
            List<LogRecord> warnings = logged.stream().filter(r -> r.getMessage().contains("PUT /bilder/a.txt failed")).toList();
            assertFalse(warnings.isEmpty(), "logged");
            for (var warning : warnings) {
                assertTrue(warning.getMessage().contains("failed: the data folder's disk: ") && warning.getMessage().contains("free some space"),
                        warning.getMessage());
                assertEquals(null, warning.getThrown(), "one line, no stack trace");
            }

            // Any other failure is no disk's, and keeps its trace: a client that hangs up in the middle of
            // its body, here.
            logged.clear();
            try (var socket = new Socket("localhost", s3.endpoint().getPort())) {
                socket.getOutputStream().write(("PUT /bilder/b.txt HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n0123456789")
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (logged.stream().noneMatch(r -> r.getMessage().contains("/bilder/b.txt")) && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            List<LogRecord> hungUp = logged.stream().filter(r -> r.getMessage().contains("/bilder/b.txt")).toList();
            assertFalse(hungUp.isEmpty(), "the hang-up is logged");
            for (var record : hungUp) {
                assertFalse(record.getMessage().contains("disk"), record.getMessage());
                assertTrue(record.getThrown() != null, "logged with its trace: " + record.getMessage());
            }

            Files.delete(blobs);
            Files.createDirectory(blobs);
            client.putObject(b -> b.bucket("bilder").key("a.txt"), RequestBody.fromString("andra"));
            assertEquals("andra", client.getObjectAsBytes(b -> b.bucket("bilder").key("a.txt")).asUtf8String());
        } finally {
            log.removeHandler(handler);
        }
    }

    private static String md5(String text) {
        try {
            return ObjectContractTest.md5(text.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSecondEmulatorOnTheSameFolderIsRefusedAndTheFolderIsFreeAfterClose() {
        try (EmbeddedS3 first = start(dir)) {
            DataFolderInUseException e = assertThrows(DataFolderInUseException.class, () -> start(dir));
            assertTrue(e.getMessage().contains("S3 data folder"), e.getMessage());
            assertTrue(e.getMessage().contains(Long.toString(ProcessHandle.current().pid())), e.getMessage());
        }
        start(dir).close();
    }
}
