package se.inlagg.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

/** CopyObject: bytes always, metadata and tags copied or replaced as the directives say. */
class CopyContractTest {

    private final S3Client s3 = S3Contract.client();

    private String withOriginal() {
        String bucket = S3Contract.bucket();
        s3.putObject(b -> b.bucket(bucket).key("original.png").contentType("image/png").metadata(Map.of("fotograf", "asa"))
                .tagging("status=utkast"), RequestBody.fromBytes(ObjectContractTest.png()));
        return bucket;
    }

    @Test
    void aCopyKeepsBytesETagMetadataAndTags() {
        String bucket = withOriginal();
        var copied = s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("original.png").destinationBucket(bucket).destinationKey("kopia.png"));
        var original = s3.headObject(b -> b.bucket(bucket).key("original.png"));
        assertEquals(original.eTag(), copied.copyObjectResult().eTag());
        var copy = s3.getObjectAsBytes(b -> b.bucket(bucket).key("kopia.png"));
        assertArrayEquals(ObjectContractTest.png(), copy.asByteArray());
        assertEquals("image/png", copy.response().contentType());
        assertEquals(Map.of("fotograf", "asa"), copy.response().metadata());
        assertEquals(Map.of("status", "utkast"), tags(bucket, "kopia.png"));
    }

    @Test
    void replaceDirectivesTakeTheRequestsMetadataAndTags() {
        String bucket = withOriginal();
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("original.png").destinationBucket(bucket).destinationKey("publicerad.png")
                .metadataDirective(MetadataDirective.REPLACE).contentType("image/x-png").metadata(Map.of("granskad", "ja"))
                .taggingDirective(TaggingDirective.REPLACE).tagging("status=publicerad&%C3%A5r=2019"));
        var head = s3.headObject(b -> b.bucket(bucket).key("publicerad.png"));
        assertEquals("image/x-png", head.contentType());
        assertEquals(Map.of("granskad", "ja"), head.metadata());
        assertEquals(Map.of("status", "publicerad", "år", "2019"), tags(bucket, "publicerad.png"));
        assertEquals(Map.of("fotograf", "asa"), s3.headObject(b -> b.bucket(bucket).key("original.png")).metadata(), "the source is untouched");
    }

    @Test
    void aCopyAcrossBucketsWorks() {
        String from = withOriginal();
        String to = S3Contract.bucket();
        s3.copyObject(b -> b.sourceBucket(from).sourceKey("original.png").destinationBucket(to).destinationKey("mapp/original.png"));
        assertArrayEquals(ObjectContractTest.png(), s3.getObjectAsBytes(b -> b.bucket(to).key("mapp/original.png")).asByteArray());
    }

    @Test
    void copyingAnObjectOntoItselfNeedsReplacedMetadata() {
        String bucket = withOriginal();
        S3Exception e = assertThrows(S3Exception.class, () -> s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("original.png")
                .destinationBucket(bucket).destinationKey("original.png")));
        assertEquals(400, e.statusCode());
        assertEquals("InvalidRequest", e.awsErrorDetails().errorCode());
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("original.png").destinationBucket(bucket).destinationKey("original.png")
                .metadataDirective(MetadataDirective.REPLACE).contentType("image/png").metadata(Map.of("fotograf", "asa-oberg")));
        assertEquals(Map.of("fotograf", "asa-oberg"), s3.headObject(b -> b.bucket(bucket).key("original.png")).metadata());
    }

    @Test
    void aMissingSourceIsNoSuchKey() {
        String bucket = S3Contract.bucket();
        assertThrows(NoSuchKeyException.class, () -> s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("saknas.png")
                .destinationBucket(bucket).destinationKey("kopia.png")));
    }

    @Test
    void copySourceIfMatchGuardsTheCopy() {
        String bucket = withOriginal();
        S3Exception e = assertThrows(S3Exception.class, () -> s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("original.png")
                .destinationBucket(bucket).destinationKey("kopia.png").copySourceIfMatch("\"inte-den\"")));
        assertEquals(412, e.statusCode());
        String etag = s3.headObject(b -> b.bucket(bucket).key("original.png")).eTag();
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("original.png").destinationBucket(bucket).destinationKey("kopia.png")
                .copySourceIfMatch(etag));
    }

    private Map<String, String> tags(String bucket, String key) {
        return s3.getObjectTagging(b -> b.bucket(bucket).key(key)).tagSet().stream()
                .collect(Collectors.toMap(Tag::key, Tag::value));
    }
}
