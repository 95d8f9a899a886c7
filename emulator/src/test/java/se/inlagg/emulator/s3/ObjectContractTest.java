package se.inlagg.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import se.inlagg.emulator.SkipOnLocalStack;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** PutObject, GetObject, HeadObject, DeleteObject and DeleteObjects, through the SDK's S3Client. */
class ObjectContractTest {

    static final String SWEDISH = "Månadsmöte i Ystad: samverkan för klientens bästa.\nÅsa Öberg, Frivårdsinspektör — "
            + "\"citat\" & <taggar> ska tåla XML.";

    private final S3Client s3 = S3Contract.client();

    /** A real PNG of noise: every byte value occurs, nothing survives a text conversion. */
    static byte[] png() {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
        Random random = new Random(7);
        for (int x = 0; x < 32; x++) {
            for (int y = 0; y < 32; y++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    @Test
    void swedishTextRoundTripsWithItsContentTypeMetadataAndMd5ETag() throws Exception {
        String bucket = S3Contract.bucket();
        var put = s3.putObject(b -> b.bucket(bucket).key("inlägg/månadsmöte.txt").contentType("text/plain; charset=utf-8")
                        .metadata(Map.of("author", "asa-oberg", "office", "malmo")).cacheControl("max-age=60"),
                RequestBody.fromString(SWEDISH, StandardCharsets.UTF_8));
        String etag = "\"" + md5(SWEDISH.getBytes(StandardCharsets.UTF_8)) + "\"";
        assertEquals(etag, put.eTag());

        var got = s3.getObjectAsBytes(b -> b.bucket(bucket).key("inlägg/månadsmöte.txt"));
        assertEquals(SWEDISH, got.asUtf8String());
        assertEquals("text/plain; charset=utf-8", got.response().contentType());
        assertEquals(etag, got.response().eTag());
        assertEquals(Map.of("author", "asa-oberg", "office", "malmo"), got.response().metadata());
        assertEquals("max-age=60", got.response().cacheControl());
        assertEquals(SWEDISH.getBytes(StandardCharsets.UTF_8).length, got.response().contentLength());
        Instant modified = got.response().lastModified();
        assertTrue(Math.abs(modified.getEpochSecond() - Instant.now().getEpochSecond()) < 60, "Last-Modified is about now: " + modified);
    }

    @Test
    void aBinaryPngRoundTripsByteForByteAndHeadReportsItsSize() throws Exception {
        String bucket = S3Contract.bucket();
        byte[] png = png();
        s3.putObject(b -> b.bucket(bucket).key("bilder/brus.png").contentType("image/png"), RequestBody.fromBytes(png));
        var got = s3.getObjectAsBytes(b -> b.bucket(bucket).key("bilder/brus.png"));
        assertArrayEquals(png, got.asByteArray());
        var head = s3.headObject(b -> b.bucket(bucket).key("bilder/brus.png"));
        assertEquals(png.length, head.contentLength());
        assertEquals("image/png", head.contentType());
        assertEquals("\"" + md5(png) + "\"", head.eTag());
    }

    @Test
    void responseParametersOverrideTheStoredHeadersAsInAPresignedDownload() {
        String bucket = S3Contract.bucket();
        s3.putObject(b -> b.bucket(bucket).key("bild.png").contentType("image/png"), RequestBody.fromBytes(png()));
        var got = s3.getObjectAsBytes(b -> b.bucket(bucket).key("bild.png").responseContentType("application/octet-stream")
                .responseContentDisposition("attachment; filename=\"bild.png\"").responseCacheControl("no-store"));
        assertEquals("application/octet-stream", got.response().contentType());
        assertEquals("attachment; filename=\"bild.png\"", got.response().contentDisposition());
        assertEquals("no-store", got.response().cacheControl());
    }

    @Test
    void theChecksumSentWithAnUploadComesBackWhenAskedForAndTheSdkValidatesIt() {
        String bucket = S3Contract.bucket();
        byte[] png = png();
        var put = s3.putObject(b -> b.bucket(bucket).key("sum.png"), RequestBody.fromBytes(png));
        assertTrue(put.checksumCRC32() != null, "the SDK sends CRC32 and S3 echoes it");
        var got = s3.getObjectAsBytes(b -> b.bucket(bucket).key("sum.png").checksumMode(ChecksumMode.ENABLED));
        assertEquals(put.checksumCRC32(), got.response().checksumCRC32());
        assertArrayEquals(png, got.asByteArray());
    }

    @Test
    void keysWithSpacesPlusSignsAndNonLatinCharactersAreKeptExactly() {
        String bucket = S3Contract.bucket();
        List<String> keys = List.of("a b+c.txt", "mapp/undermapp/fil (1).txt", "ÅÄÖ/ö.txt", "emoji-😀.txt", "percent%20.txt", "x//y");
        for (String key : keys) {
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(key));
        }
        for (String key : keys) {
            assertEquals(key, s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String());
        }
        assertEquals(keys.stream().sorted(new Utf8OrderForTests()).toList(),
                s3.listObjectsV2(b -> b.bucket(bucket)).contents().stream().map(o -> o.key()).toList());
    }

    /** UTF-8 byte order, spelled out independently of the emulator's comparator. */
    static final class Utf8OrderForTests implements Comparator<String> {
        @Override
        public int compare(String a, String b) {
            return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void rangesAnswer206WithContentRange() {
        String bucket = S3Contract.bucket();
        s3.putObject(b -> b.bucket(bucket).key("r.txt"), RequestBody.fromString("0123456789"));
        var first = s3.getObjectAsBytes(b -> b.bucket(bucket).key("r.txt").range("bytes=2-5"));
        assertEquals("2345", first.asUtf8String());
        assertEquals("bytes 2-5/10", first.response().contentRange());
        assertEquals(4, first.response().contentLength());
        assertEquals("789", s3.getObjectAsBytes(b -> b.bucket(bucket).key("r.txt").range("bytes=7-")).asUtf8String());
        assertEquals("89", s3.getObjectAsBytes(b -> b.bucket(bucket).key("r.txt").range("bytes=-2")).asUtf8String());
        assertEquals("56789", s3.getObjectAsBytes(b -> b.bucket(bucket).key("r.txt").range("bytes=5-100")).asUtf8String());
        S3Exception e = assertThrows(S3Exception.class, () -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("r.txt").range("bytes=10-")));
        assertEquals(416, e.statusCode());
        assertEquals("InvalidRange", e.awsErrorDetails().errorCode());
    }

    /** A suffix range longer than the object (bytes=-100 of ten bytes) is the whole object, as RFC 9110 and S3 have it. */
    @Test
    void aSuffixRangeLongerThanTheObjectIsTheWholeObject() {
        String bucket = S3Contract.bucket();
        s3.putObject(b -> b.bucket(bucket).key("r.txt"), RequestBody.fromString("0123456789"));
        var all = s3.getObjectAsBytes(b -> b.bucket(bucket).key("r.txt").range("bytes=-100"));
        assertEquals("0123456789", all.asUtf8String());
        assertEquals("bytes 0-9/10", all.response().contentRange());
        assertEquals(10, all.response().contentLength());
    }

    /** bytes=3-3 is one byte, the range a client asks for to learn an object's size. */
    @Test
    void aRangeOfOneByteIsThatByte() {
        String bucket = S3Contract.bucket();
        s3.putObject(b -> b.bucket(bucket).key("r.txt"), RequestBody.fromString("0123456789"));
        var one = s3.getObjectAsBytes(b -> b.bucket(bucket).key("r.txt").range("bytes=3-3"));
        assertEquals("3", one.asUtf8String());
        assertEquals("bytes 3-3/10", one.response().contentRange());
    }

    @Test
    void conditionalReadsAnswer304And412() {
        String bucket = S3Contract.bucket();
        String etag = s3.putObject(b -> b.bucket(bucket).key("c.txt"), RequestBody.fromString("v1")).eTag();
        S3Exception notModified = assertThrows(S3Exception.class, () -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("c.txt").ifNoneMatch(etag)));
        assertEquals(304, notModified.statusCode());
        assertEquals("v1", s3.getObjectAsBytes(b -> b.bucket(bucket).key("c.txt").ifNoneMatch("\"other\"")).asUtf8String());
        assertEquals("v1", s3.getObjectAsBytes(b -> b.bucket(bucket).key("c.txt").ifMatch(etag)).asUtf8String());
        S3Exception failed = assertThrows(S3Exception.class, () -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("c.txt").ifMatch("\"other\"")));
        assertEquals(412, failed.statusCode());
        assertEquals("PreconditionFailed", failed.awsErrorDetails().errorCode());
    }

    /**
     * A date equal to the object's Last-Modified, as a cache sends back the header it was given: the
     * object has not been modified since, so If-Modified-Since is 304 and If-Unmodified-Since reads it.
     */
    @Test
    void theObjectsOwnLastModifiedIsNotModifiedSinceItself() {
        String bucket = S3Contract.bucket();
        s3.putObject(b -> b.bucket(bucket).key("d.txt"), RequestBody.fromString("v1"));
        Instant modified = s3.headObject(b -> b.bucket(bucket).key("d.txt")).lastModified();
        S3Exception notModified = assertThrows(S3Exception.class,
                () -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("d.txt").ifModifiedSince(modified)));
        assertEquals(304, notModified.statusCode());
        assertEquals("v1", s3.getObjectAsBytes(b -> b.bucket(bucket).key("d.txt").ifUnmodifiedSince(modified)).asUtf8String());
        assertEquals("v1", s3.getObjectAsBytes(b -> b.bucket(bucket).key("d.txt").ifModifiedSince(modified.minusSeconds(1))).asUtf8String());
        S3Exception failed = assertThrows(S3Exception.class,
                () -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("d.txt").ifUnmodifiedSince(modified.minusSeconds(1))));
        assertEquals(412, failed.statusCode());
    }

    /**
     * S3's documented pairs: a true If-Match with a false If-Unmodified-Since reads the object, and a
     * false If-None-Match with a true If-Modified-Since is 304; the ETag decides, not the date.
     */
    @Test
    @SkipOnLocalStack("answers 412 when If-Match holds and If-Unmodified-Since does not, where S3 reads the object (GetObject's reference)")
    void theETagConditionWinsOverTheDateCondition() {
        String bucket = S3Contract.bucket();
        String etag = s3.putObject(b -> b.bucket(bucket).key("e.txt"), RequestBody.fromString("v1")).eTag();
        Instant before = s3.headObject(b -> b.bucket(bucket).key("e.txt")).lastModified().minusSeconds(3600);
        assertEquals("v1", s3.getObjectAsBytes(b -> b.bucket(bucket).key("e.txt").ifMatch(etag).ifUnmodifiedSince(before)).asUtf8String());
        S3Exception notModified = assertThrows(S3Exception.class,
                () -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("e.txt").ifNoneMatch(etag).ifModifiedSince(before)));
        assertEquals(304, notModified.statusCode());
    }

    @Test
    void ifNoneMatchStarCreatesOnlyOnceAndIfMatchOverwritesOnlyTheVersionRead() {
        String bucket = S3Contract.bucket();
        String first = s3.putObject(b -> b.bucket(bucket).key("index.json").ifNoneMatch("*"), RequestBody.fromString("{\"v\":1}")).eTag();
        S3Exception taken = assertThrows(S3Exception.class,
                () -> s3.putObject(b -> b.bucket(bucket).key("index.json").ifNoneMatch("*"), RequestBody.fromString("{\"v\":2}")));
        assertEquals(412, taken.statusCode());
        assertEquals("PreconditionFailed", taken.awsErrorDetails().errorCode());

        String second = s3.putObject(b -> b.bucket(bucket).key("index.json").ifMatch(first), RequestBody.fromString("{\"v\":2}")).eTag();
        S3Exception stale = assertThrows(S3Exception.class,
                () -> s3.putObject(b -> b.bucket(bucket).key("index.json").ifMatch(first), RequestBody.fromString("{\"v\":3}")));
        assertEquals(412, stale.statusCode());
        assertEquals("{\"v\":2}", s3.getObjectAsBytes(b -> b.bucket(bucket).key("index.json")).asUtf8String());
        assertEquals(second, s3.headObject(b -> b.bucket(bucket).key("index.json")).eTag());
    }

    @Test
    void ifMatchOnAMissingKeyIsNoSuchKey() {
        String bucket = S3Contract.bucket();
        S3Exception e = assertThrows(S3Exception.class,
                () -> s3.putObject(b -> b.bucket(bucket).key("saknas.json").ifMatch("\"abc\""), RequestBody.fromString("x")));
        assertEquals(404, e.statusCode());
        assertEquals("NoSuchKey", e.awsErrorDetails().errorCode());
    }

    @Test
    void aWrongContentMd5IsBadDigestAndStoresNothing() throws Exception {
        String bucket = S3Contract.bucket();
        String wrong = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest("annat".getBytes(StandardCharsets.UTF_8)));
        S3Exception e = assertThrows(S3Exception.class,
                () -> s3.putObject(b -> b.bucket(bucket).key("md5.txt").contentMD5(wrong), RequestBody.fromString("innehåll")));
        assertEquals(400, e.statusCode());
        assertEquals("BadDigest", e.awsErrorDetails().errorCode());
        assertThrows(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket(bucket).key("md5.txt")));
        String right = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest("innehåll".getBytes(StandardCharsets.UTF_8)));
        s3.putObject(b -> b.bucket(bucket).key("md5.txt").contentMD5(right), RequestBody.fromString("innehåll"));
    }

    @Test
    void missingKeysAndBucketsAreNoSuchKeyAndNoSuchBucket() {
        String bucket = S3Contract.bucket();
        NoSuchKeyException e = assertThrows(NoSuchKeyException.class, () -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("finns-inte")));
        assertEquals(404, e.statusCode());
        assertEquals("The specified key does not exist.", e.awsErrorDetails().errorMessage());
        assertThrows(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket(bucket).key("finns-inte")));
        assertThrows(NoSuchBucketException.class, () -> s3.getObjectAsBytes(b -> b.bucket(S3Contract.uniqueName("saknas")).key("x")));
    }

    @Test
    void deleteIsIdempotent() {
        String bucket = S3Contract.bucket();
        s3.putObject(b -> b.bucket(bucket).key("bort.txt"), RequestBody.fromString("x"));
        s3.deleteObject(b -> b.bucket(bucket).key("bort.txt"));
        s3.deleteObject(b -> b.bucket(bucket).key("bort.txt"));
        assertThrows(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket(bucket).key("bort.txt")));
    }

    @Test
    void deleteObjectsRemovesABatchAndReportsEachKey() {
        String bucket = S3Contract.bucket();
        for (String k : List.of("a", "b", "c")) {
            s3.putObject(b -> b.bucket(bucket).key(k), RequestBody.fromString(k));
        }
        var result = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(
                ObjectIdentifier.builder().key("a").build(), ObjectIdentifier.builder().key("c").build(),
                ObjectIdentifier.builder().key("aldrig-funnits").build())));
        assertEquals(List.of("a", "aldrig-funnits", "c"), result.deleted().stream().map(d -> d.key()).sorted().toList());
        assertTrue(result.errors().isEmpty());
        assertEquals(List.of("b"), s3.listObjectsV2(b -> b.bucket(bucket)).contents().stream().map(o -> o.key()).toList());
        var quiet = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.quiet(true).objects(ObjectIdentifier.builder().key("b").build())));
        assertTrue(quiet.deleted().isEmpty(), "quiet mode reports only errors");
    }

    /** S3 takes up to 1,000 keys in one DeleteObjects: a full batch, as a clean-up sends it, is accepted. */
    @Test
    void deleteObjectsTakesAFullBatchOfAThousandKeys() {
        String bucket = S3Contract.bucket();
        s3.putObject(b -> b.bucket(bucket).key("nyckel-0"), RequestBody.fromString("x"));
        List<ObjectIdentifier> thousand = IntStream.range(0, 1000).mapToObj(i -> ObjectIdentifier.builder().key("nyckel-" + i).build()).toList();
        var result = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(thousand)));
        assertEquals(1000, result.deleted().size());
        assertTrue(result.errors().isEmpty());
        assertThrows(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket(bucket).key("nyckel-0")));
    }

    /** S3's keys are at most 1,024 bytes of UTF-8: a key of exactly that is stored, one byte more is KeyTooLongError. */
    @Test
    void aKeyOfMoreThan1024BytesIsKeyTooLong() {
        String bucket = S3Contract.bucket();
        String longest = "å".repeat(512);
        s3.putObject(b -> b.bucket(bucket).key(longest), RequestBody.fromString("x"));
        assertEquals("x", s3.getObjectAsBytes(b -> b.bucket(bucket).key(longest)).asUtf8String());
        S3Exception e = assertThrows(S3Exception.class,
                () -> s3.putObject(b -> b.bucket(bucket).key(longest + "a"), RequestBody.fromString("x")));
        assertEquals(400, e.statusCode());
        assertEquals("KeyTooLongError", e.awsErrorDetails().errorCode());
    }

    @Test
    @SkipOnLocalStack("accepts user metadata over S3's documented 2 KB limit")
    void metadataOverTwoKilobytesIsRefused() {
        String bucket = S3Contract.bucket();
        S3Exception e = assertThrows(S3Exception.class, () -> s3.putObject(b -> b.bucket(bucket).key("m")
                .metadata(Map.of("stor", "x".repeat(2100))), RequestBody.fromString("x")));
        assertEquals("MetadataTooLarge", e.awsErrorDetails().errorCode());
    }
}
