package se.inlagg.local;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The one place tests reach the search index's S3 through: LocalStack's S3 on either backend for
 * now ({@link Backends#s3Endpoint()}); the emulator's EmbeddedS3 on the default backend once it is
 * merged. Empty where no S3 can run, and the tests that need one are skipped.
 */
public final class S3ForTests {

    private final LocalS3 s3;

    private S3ForTests(LocalS3 s3) {
        this.s3 = s3;
    }

    public static Optional<S3ForTests> start() {
        return Backends.s3Endpoint().map(e -> new S3ForTests(LocalS3.external(e)));
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
        String name = ("search-" + purpose.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-") + "-"
                + java.util.UUID.randomUUID().toString().substring(0, 8));
        String bucket = name.length() <= 63 ? name : name.substring(name.length() - 63);
        s3.ensureBucket(bucket);
        return bucket;
    }
}
