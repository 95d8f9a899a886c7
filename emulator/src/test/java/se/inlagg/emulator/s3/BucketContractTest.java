package se.inlagg.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Buckets: create, head, list, delete (empty only), and their stored lifecycle and CORS configurations, with preflights. */
class BucketContractTest {

    private final S3Client s3 = S3Contract.client();

    @Test
    void aCreatedBucketCanBeHeadedListedAndDeleted() {
        String bucket = S3Contract.uniqueName("ny");
        s3.createBucket(b -> b.bucket(bucket));
        s3.headBucket(b -> b.bucket(bucket));
        assertTrue(s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(bucket)));
        assertEquals(S3Contract.REGION.id(), s3.getBucketLocation(b -> b.bucket(bucket)).locationConstraintAsString());
        s3.deleteBucket(b -> b.bucket(bucket));
        assertThrows(NoSuchBucketException.class, () -> s3.headBucket(b -> b.bucket(bucket)));
        assertThrows(NoSuchBucketException.class, () -> s3.deleteBucket(b -> b.bucket(bucket)));
    }

    @Test
    void creatingABucketTwiceIsBucketAlreadyOwnedByYou() {
        String bucket = S3Contract.bucket();
        assertThrows(BucketAlreadyOwnedByYouException.class, () -> s3.createBucket(b -> b.bucket(bucket)));
    }

    @Test
    void aBucketWithObjectsIsNotDeleted() {
        String bucket = S3Contract.bucket();
        s3.putObject(b -> b.bucket(bucket).key("kvar.txt"), RequestBody.fromString("x"));
        S3Exception e = assertThrows(S3Exception.class, () -> s3.deleteBucket(b -> b.bucket(bucket)));
        assertEquals(409, e.statusCode());
        assertEquals("BucketNotEmpty", e.awsErrorDetails().errorCode());
        s3.deleteObject(b -> b.bucket(bucket).key("kvar.txt"));
        s3.deleteBucket(b -> b.bucket(bucket));
    }

    @Test
    void invalidBucketNamesAreRefused() throws Exception {
        // Sent by hand: the SDK refuses such names before sending them.
        for (String name : List.of("Stora_Bokstaver", "ab", "punkt..punkt", "-bindestreck")) {
            HttpResponse<String> r = S3Contract.http().send(HttpRequest.newBuilder(URI.create(S3Contract.endpoint() + "/" + name))
                    .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, r.statusCode(), name);
            assertTrue(r.body().contains("<Code>InvalidBucketName</Code>"), name + ": " + r.body());
        }
    }

    @Test
    void aLifecycleConfigurationIsStoredAndReturned() {
        String bucket = S3Contract.bucket();
        S3Exception none = assertThrows(S3Exception.class, () -> s3.getBucketLifecycleConfiguration(b -> b.bucket(bucket)));
        assertEquals(404, none.statusCode());
        assertEquals("NoSuchLifecycleConfiguration", none.awsErrorDetails().errorCode());
        s3.putBucketLifecycleConfiguration(b -> b.bucket(bucket).lifecycleConfiguration(c -> c.rules(LifecycleRule.builder()
                .id("rensa-uppladdningar").status(ExpirationStatus.ENABLED).filter(f -> f.prefix("uploads/tmp/"))
                .expiration(x -> x.days(7)).build())));
        List<LifecycleRule> rules = s3.getBucketLifecycleConfiguration(b -> b.bucket(bucket)).rules();
        assertEquals(1, rules.size());
        assertEquals("rensa-uppladdningar", rules.getFirst().id());
        assertEquals(ExpirationStatus.ENABLED, rules.getFirst().status());
        assertEquals("uploads/tmp/", rules.getFirst().filter().prefix());
        assertEquals(7, rules.getFirst().expiration().days());
        s3.deleteBucketLifecycle(b -> b.bucket(bucket));
        assertThrows(S3Exception.class, () -> s3.getBucketLifecycleConfiguration(b -> b.bucket(bucket)));
    }

    private static CORSRule uploadRule() {
        return CORSRule.builder().allowedOrigins("http://localhost:3000").allowedMethods("GET", "PUT", "POST")
                .allowedHeaders("*").exposeHeaders("ETag").maxAgeSeconds(600).build();
    }

    @Test
    void corsRulesAreStoredAndReturned() {
        String bucket = S3Contract.bucket();
        S3Exception none = assertThrows(S3Exception.class, () -> s3.getBucketCors(b -> b.bucket(bucket)));
        assertEquals("NoSuchCORSConfiguration", none.awsErrorDetails().errorCode());
        s3.putBucketCors(b -> b.bucket(bucket).corsConfiguration(c -> c.corsRules(uploadRule())));
        CORSRule rule = s3.getBucketCors(b -> b.bucket(bucket)).corsRules().getFirst();
        assertEquals(List.of("http://localhost:3000"), rule.allowedOrigins());
        assertEquals(List.of("GET", "PUT", "POST"), rule.allowedMethods());
        assertEquals(List.of("*"), rule.allowedHeaders());
        assertEquals(List.of("ETag"), rule.exposeHeaders());
        assertEquals(600, rule.maxAgeSeconds());
    }

    @Test
    void corsRulesWithAnUnknownMethodAreRefused() {
        String bucket = S3Contract.bucket();
        S3Exception e = assertThrows(S3Exception.class, () -> s3.putBucketCors(b -> b.bucket(bucket).corsConfiguration(c -> c.corsRules(
                CORSRule.builder().allowedOrigins("*").allowedMethods("PATCH").build()))));
        assertEquals(400, e.statusCode());
        assertEquals("InvalidRequest", e.awsErrorDetails().errorCode());
    }

    private static HttpResponse<String> preflight(String bucket, String origin, String method, String headers) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(S3Contract.endpoint() + "/" + bucket + "/uploads/bild.png"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", method);
        if (headers != null) {
            r.header("Access-Control-Request-Headers", headers);
        }
        return S3Contract.http().send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredFromTheStoredRules() throws Exception {
        String bucket = S3Contract.bucket();
        s3.putBucketCors(b -> b.bucket(bucket).corsConfiguration(c -> c.corsRules(uploadRule())));
        HttpResponse<String> ok = preflight(bucket, "http://localhost:3000", "PUT", "content-type,x-amz-meta-fotograf");
        assertEquals(200, ok.statusCode());
        assertEquals("http://localhost:3000", ok.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(ok.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("PUT"));
        assertTrue(ok.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase().contains("x-amz-meta-fotograf"));
        assertEquals("600", ok.headers().firstValue("Access-Control-Max-Age").orElse(null));

        HttpResponse<String> otherOrigin = preflight(bucket, "https://elak.example", "PUT", null);
        assertEquals(403, otherOrigin.statusCode());
        assertTrue(otherOrigin.body().contains("<Code>AccessForbidden</Code>"), otherOrigin.body());
        assertEquals(403, preflight(bucket, "http://localhost:3000", "DELETE", null).statusCode());
    }

    @Test
    void aPreflightToABucketWithoutCorsIsForbidden() throws Exception {
        String bucket = S3Contract.bucket();
        HttpResponse<String> r = preflight(bucket, "http://localhost:3000", "GET", null);
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("<Code>AccessForbidden</Code>"), r.body());
    }

    @Test
    void anActualRequestFromAnAllowedOriginCarriesAllowOrigin() throws Exception {
        String bucket = S3Contract.bucket();
        s3.putBucketCors(b -> b.bucket(bucket).corsConfiguration(c -> c.corsRules(uploadRule())));
        s3.putObject(b -> b.bucket(bucket).key("bild.png"), RequestBody.fromString("x"));
        HttpResponse<String> r = S3Contract.http().send(HttpRequest.newBuilder(URI.create(S3Contract.endpoint() + "/" + bucket + "/bild.png"))
                .header("Origin", "http://localhost:3000").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("http://localhost:3000", r.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(r.headers().firstValue("Access-Control-Expose-Headers").orElse("").contains("ETag"));
    }
}
