package se.inlagg.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import se.inlagg.emulator.SkipOnLocalStack;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/** Object tags: set on upload, replaced, read, removed, counted on GET, checked against S3's limits. */
class TaggingContractTest {

    private final S3Client s3 = S3Contract.client();

    private Map<String, String> tags(String bucket, String key) {
        return s3.getObjectTagging(b -> b.bucket(bucket).key(key)).tagSet().stream().collect(Collectors.toMap(Tag::key, Tag::value));
    }

    @Test
    void tagsFromTheUploadHeaderAreStoredAndCounted() {
        String bucket = S3Contract.bucket();
        // The header is URL-query encoded, as S3 documents it.
        s3.putObject(b -> b.bucket(bucket).key("bild.png").tagging("kategori=Friv%C3%A5rd&status=utkast"), RequestBody.fromString("x"));
        assertEquals(Map.of("kategori", "Frivård", "status", "utkast"), tags(bucket, "bild.png"));
        assertEquals(2, s3.getObject(b -> b.bucket(bucket).key("bild.png")).response().tagCount());
    }

    @Test
    void putReplacesAllTagsAndDeleteRemovesThemButTheObjectStays() {
        String bucket = S3Contract.bucket();
        String etag = s3.putObject(b -> b.bucket(bucket).key("bild.png").tagging("a=1"), RequestBody.fromString("x")).eTag();
        s3.putObjectTagging(b -> b.bucket(bucket).key("bild.png").tagging(t -> t.tagSet(
                Tag.builder().key("status").value("publicerad").build(), Tag.builder().key("kontor").value("Malmö").build())));
        assertEquals(Map.of("status", "publicerad", "kontor", "Malmö"), tags(bucket, "bild.png"));
        assertEquals(etag, s3.headObject(b -> b.bucket(bucket).key("bild.png")).eTag(), "tags do not change the ETag");
        s3.deleteObjectTagging(b -> b.bucket(bucket).key("bild.png"));
        assertEquals(Map.of(), tags(bucket, "bild.png"));
        assertNull(s3.getObject(b -> b.bucket(bucket).key("bild.png")).response().tagCount());
    }

    @Test
    @SkipOnLocalStack("accepts more than S3's 10 tags per object")
    void moreThanTenTagsAreBadRequest() {
        String bucket = S3Contract.bucket();
        s3.putObject(b -> b.bucket(bucket).key("bild.png"), RequestBody.fromString("x"));
        List<Tag> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(Tag.builder().key("k" + i).value("v").build());
        }
        S3Exception e = assertThrows(S3Exception.class, () -> s3.putObjectTagging(b -> b.bucket(bucket).key("bild.png").tagging(t -> t.tagSet(eleven))));
        assertEquals(400, e.statusCode());
        assertEquals("BadRequest", e.awsErrorDetails().errorCode());
        assertEquals("Object tags cannot be greater than 10", e.awsErrorDetails().errorMessage());
    }

    @Test
    void aRepeatedTagKeyIsInvalidTag() {
        String bucket = S3Contract.bucket();
        s3.putObject(b -> b.bucket(bucket).key("bild.png"), RequestBody.fromString("x"));
        S3Exception e = assertThrows(S3Exception.class, () -> s3.putObjectTagging(b -> b.bucket(bucket).key("bild.png").tagging(t -> t.tagSet(
                Tag.builder().key("a").value("1").build(), Tag.builder().key("a").value("2").build()))));
        assertEquals(400, e.statusCode());
        assertEquals("InvalidTag", e.awsErrorDetails().errorCode());
    }

    @Test
    void taggingAMissingKeyIsNoSuchKey() {
        String bucket = S3Contract.bucket();
        assertThrows(NoSuchKeyException.class, () -> s3.getObjectTagging(b -> b.bucket(bucket).key("saknas")));
        assertThrows(NoSuchKeyException.class, () -> s3.putObjectTagging(b -> b.bucket(bucket).key("saknas")
                .tagging(t -> t.tagSet(Tag.builder().key("a").value("b").build()))));
    }
}
