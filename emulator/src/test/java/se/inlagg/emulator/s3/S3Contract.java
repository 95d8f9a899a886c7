package se.inlagg.emulator.s3;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import se.inlagg.emulator.ContractEndpoint;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Where the S3 contract tests run: an in-memory emulator started once per test JVM, or the endpoint
 * in {@code -Demulator.contract.endpoint=http://…} (LocalStack, for example), with unique bucket names.
 */
final class S3Contract {

    static final Region REGION = Region.EU_NORTH_1;
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static URI endpoint;
    private static S3Client client;
    private static HttpClient http;

    private S3Contract() {
    }

    static synchronized URI endpoint() {
        if (endpoint == null) {
            URI given = ContractEndpoint.given();
            if (given == null) {
                EmbeddedS3 emulator = EmbeddedS3.start(EmbeddedS3.Options.inMemory().withMaxObjectSize(4L * 1024 * 1024));
                Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
                endpoint = emulator.endpoint();
            } else {
                endpoint = given;
            }
        }
        return endpoint;
    }

    static boolean localStack() {
        return ContractEndpoint.localStack();
    }

    /** The access key and secret that POST policies are signed with: the emulator's default, or LocalStack's. */
    static String accessKey() {
        return localStack() ? "test" : "local";
    }

    static String secretKey() {
        return localStack() ? "test" : "local";
    }

    static synchronized S3Client client() {
        if (client == null) {
            client = client(endpoint());
        }
        return client;
    }

    /** Path-style, as the app configures it locally; any credentials; no retries, so every error shows. */
    static S3Client client(URI at) {
        return S3Client.builder()
                .endpointOverride(at)
                .forcePathStyle(true)
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey(), secretKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    static synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return http;
    }

    static String uniqueName(String base) {
        return base + "-" + RUN + "-" + BUCKETS.incrementAndGet();
    }

    /** A new, empty bucket. */
    static String bucket() {
        String name = uniqueName("inlagg");
        client().createBucket(b -> b.bucket(name));
        return name;
    }
}
