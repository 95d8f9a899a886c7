package se.inlagg.local;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The one place tests reach an S3 of their own through ({@link Backends#s3Endpoint()}): LocalStack's
 * on that backend, else the emulator's embedded S3 in this JVM.
 */
public final class S3ForTests {

    private final LocalS3 s3;

    private S3ForTests(LocalS3 s3) {
        this.s3 = s3;
    }

    public static S3ForTests start() {
        return new S3ForTests(LocalS3.external(Backends.s3Endpoint()));
    }

    /** Where another process reaches it (AWS_ENDPOINT_URL_S3). */
    public URI endpoint() {
        return s3.endpoint();
    }

    /** A client on it, path-style as local S3s need. */
    public S3Client client() {
        return s3.client();
    }

    /** A bucket of its own for one test or one function: made now, named after what it is for. */
    public String newBucket(String purpose) {
        String name = ("search-" + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-") + "-"
                + UUID.randomUUID().toString().substring(0, 8));
        String bucket = name.length() <= 63 ? name : name.substring(name.length() - 63);
        s3.ensureBucket(bucket);
        return bucket;
    }
}
