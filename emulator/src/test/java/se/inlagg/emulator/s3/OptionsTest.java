package se.inlagg.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** The options emulator/README.md offers a caller of EmbeddedS3: its port and the credentials a form's policy is signed with. Emulator only. */
class OptionsTest {

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void servesOnThePortAskedFor() throws Exception {
        int port = freePort();
        try (EmbeddedS3 emulator = EmbeddedS3.start(EmbeddedS3.Options.inMemory().withPort(port));
             S3Client s3 = S3Contract.client(emulator.endpoint())) {
            assertEquals(port, emulator.endpoint().getPort());
            s3.createBucket(b -> b.bucket("bilder"));
            assertEquals("bilder", s3.listBuckets().buckets().getFirst().name());
        }
    }

    /** A browser's upload is checked against the secrets given, so a form signed with any other key is refused and stores nothing. */
    @Test
    void aFormSignedWithTheGivenSecretIsTakenAndOneSignedOtherwiseIsRefused() throws Exception {
        try (EmbeddedS3 emulator = EmbeddedS3.start(EmbeddedS3.Options.inMemory().withCredentials(Map.of("anna", "hemlig-nyckel")));
             S3Client s3 = S3Contract.client(emulator.endpoint())) {
            s3.createBucket(b -> b.bucket("bilder"));
            URI action = URI.create(emulator.endpoint() + "/bilder");
            PresignedPost policy = new PresignedPost().exact("bucket", "bilder").startsWith("key", "uploads/");
            byte[] file = "hej".getBytes(StandardCharsets.UTF_8);

            var taken = new MultipartForm().field("key", "uploads/a.txt").fields(policy.sign("anna", "hemlig-nyckel", S3Contract.REGION))
                    .post(action, "a.txt", "text/plain", file);
            assertEquals(204, taken.statusCode(), taken.body());
            assertEquals("hej", s3.getObjectAsBytes(b -> b.bucket("bilder").key("uploads/a.txt")).asUtf8String());

            var wrongSecret = new MultipartForm().field("key", "uploads/b.txt").fields(policy.sign("anna", "gissad", S3Contract.REGION))
                    .post(action, "b.txt", "text/plain", file);
            assertEquals(403, wrongSecret.statusCode(), wrongSecret.body());
            var defaultKey = new MultipartForm().field("key", "uploads/c.txt").fields(policy.sign("local", "local", S3Contract.REGION))
                    .post(action, "c.txt", "text/plain", file);
            assertEquals(403, defaultKey.statusCode(), "the default credentials are replaced, not added to: " + defaultKey.body());
            for (String key : new String[] {"uploads/b.txt", "uploads/c.txt"}) {
                assertThrows(NoSuchKeyException.class, () -> s3.getObjectAsBytes(b -> b.bucket("bilder").key(key)));
            }
        }
    }
}
