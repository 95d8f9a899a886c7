package se.inlagg.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The emulator's own maximum body size (Options.withMaxObjectSize): refused as EntityTooLarge, early. Emulator only. */
class UploadLimitTest {

    private static final long MAX = 4096;

    private EmbeddedS3 emulator;
    private S3Client s3;

    @BeforeEach
    void start() {
        emulator = EmbeddedS3.start(EmbeddedS3.Options.inMemory().withMaxObjectSize(MAX));
        s3 = S3Contract.client(emulator.endpoint());
        s3.createBucket(b -> b.bucket("bilder"));
    }

    @AfterEach
    void stop() {
        s3.close();
        emulator.close();
    }

    @Test
    void aPutOverTheMaximumIsEntityTooLargeAndAPutAtItIsStored() {
        S3Exception e = assertThrows(S3Exception.class, () -> s3.putObject(b -> b.bucket("bilder").key("stor"),
                RequestBody.fromBytes(new byte[(int) MAX + 1])));
        assertEquals(400, e.statusCode());
        assertEquals("EntityTooLarge", e.awsErrorDetails().errorCode());
        s3.putObject(b -> b.bucket("bilder").key("lagom"), RequestBody.fromBytes(new byte[(int) MAX]));
        assertEquals(MAX, s3.headObject(b -> b.bucket("bilder").key("lagom")).contentLength());
    }

    @Test
    void anUploadAnnouncedOverTheMaximumIsRefusedBeforeItsBodyIsSent() throws Exception {
        // Headers only: the answer must come without a byte of the (10 GB) body, announcing that the connection closes.
        try (Socket socket = new Socket(emulator.endpoint().getHost(), emulator.endpoint().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /bilder HTTP/1.1\r\nHost: " + emulator.endpoint().getAuthority() + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: 10000000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            while (!answer.toString().contains("</Error>")) {
                int c = in.read();
                if (c < 0) {
                    break;
                }
                answer.append((char) c);
            }
            assertTrue(answer.toString().startsWith("HTTP/1.1 400"), answer.toString());
            assertTrue(answer.toString().contains("<Code>EntityTooLarge</Code>"), answer.toString());
            assertTrue(answer.toString().toLowerCase().contains("connection: close"), answer.toString());
        }
    }
}
