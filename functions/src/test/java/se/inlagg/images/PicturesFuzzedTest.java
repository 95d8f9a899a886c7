package se.inlagg.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.inlagg.posts.InMemoryPosts;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostDraft;
import se.inlagg.posts.PostService;
import se.inlagg.posts.Refusal;
import se.inlagg.posts.Seen;
import se.inlagg.posts.SiteTime;

/** Files a seeded mutation fuzzer of the picture code found mishandled, each shrunk to bytes built here. */
class PicturesFuzzedTest {

    static final String ASA = ImageServiceTest.ASA;
    final MemoryBucket bucket = new MemoryBucket();
    final PostService posts = new PostService(new InMemoryPosts(), new SiteTime(ZoneId.of("Europe/Stockholm"),
            Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneId.of("UTC"))), Duration.ofMillis(300),
            new BucketImageFiles(() -> Optional.of(bucket)));
    final ImageService images = new ImageService(bucket, posts);

    /** Saves the bytes as an upload to a new post's picture, end to end; the file readers get. */
    byte[] saved(byte[] upload) {
        var draft = new PostDraft(Optional.of("Bild"), Optional.of("Text."), Optional.of("Åsa Öberg"), Optional.empty(), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("draft"));
        Post p = ((Outcome.Done<Post>) posts.create(draft, ASA, Optional.empty())).value();
        String key = ObjectKeys.newUpload(ASA);
        bucket.upload(key, upload);
        var post = (Post) assertInstanceOf(Outcome.Done.class, images.attach(ASA, p.slug(), key, "Bild", "", Seen.atVersion(p.version())),
                "the site takes the file").value();
        return bucket.files.get(ObjectKeys.image(post.summary().image().orElseThrow().storedName().orElseThrow())).bytes();
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /**
     * A JPEG followed by a second picture (an MPO's second view, a phone's gain map or depth map, a motion photo): what
     * follows its end-of-image marker goes, as a PNG's and a WebP's bytes after their end do, so the second picture's EXIF
     * is not served (it was, when everything after the first scan was copied).
     */
    @Test
    void aJpegLosesWhatFollowsItsEndASecondPictureAndItsExif() {
        byte[] upload = Pictures.concat(Pictures.fromCamera(400, 300, 1, "Inlagg Phone 7"), Pictures.fromCamera(40, 30, 1, "Inlagg Phone 8"));
        byte[] file = saved(upload);
        assertFalse(text(file).contains("Inlagg Phone 7"), "the first picture's EXIF is taken out");
        assertFalse(text(file).contains("Inlagg Phone 8"), "the second picture's EXIF is served to every reader");
    }

    /**
     * A picture with no metadata of its own followed by a phone's second picture loses the second, and its EXIF, all the
     * same: nothing else taken out is no reason to serve it as uploaded.
     */
    @Test
    void aPictureWithoutMetadataLosesWhatFollowsItsEndAndItsExif() {
        byte[] second = Pictures.fromCamera(40, 30, 1, "Inlagg Phone 8");
        assertFalse(text(saved(Pictures.concat(Pictures.jpeg(400, 300), second))).contains("Inlagg Phone 8"), "after a JPEG");
        assertFalse(text(saved(Pictures.concat(Pictures.png(40, 30), second))).contains("Inlagg Phone 8"), "after a PNG");
    }

    /**
     * A JPEG with a parameterless TEM marker (FF 01) before its EXIF: ImageHeader walks it (and libjpeg, as browsers do,
     * shows the picture), and so does PictureMetadata.withoutJpegMetadata, which read a length after it, gave up, and left
     * the upload to be copied as it was, EXIF and all.
     */
    @Test
    void aJpegWithATemMarkerLosesItsExif() {
        byte[] photo = Pictures.fromCamera(400, 300, 6, "Inlagg Phone 7");
        byte[] upload = Pictures.concat(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0x01}, Arrays.copyOfRange(photo, 2, photo.length));
        assertTrue(ImageHeader.read(ImageHeader.Bytes.of(upload)).isPresent());
        assertFalse(text(saved(upload)).contains("Inlagg Phone 7"), "the camera's EXIF is served");
    }

    /** A PNG cut inside its IEND chunk (its CRC missing; browsers show it) loses its text: withoutPngMetadata gave up on it. */
    @Test
    void aPngCutInsideItsEndChunkLosesItsText() throws Exception {
        byte[] png = Pictures.png(40, 30);
        // Its text chunk right after IHDR (8 + 25 bytes), and the last 4 bytes (IEND's CRC) cut off.
        byte[] upload = Pictures.concat(Arrays.copyOf(png, 33), PictureForReadersKindsTest.chunk("tEXt", Pictures.text("Location\0Ystad GPS 55.43N")),
                Arrays.copyOfRange(png, 33, png.length - 4));
        assertFalse(text(saved(upload)).contains("Ystad"), "the text chunk is served");
    }

    /**
     * A WebP whose last chunk (XMP) says it is longer than the RIFF (a decoder that has the picture never reads it:
     * dwebp decoded the fuzzer's case) loses its EXIF and XMP: withoutWebpMetadata gave up on it, and they were served.
     */
    @Test
    void aWebpWhoseLastChunkIsTooLongLosesItsExif() {
        byte[] upload = Pictures.webpFromCamera(40, 30, "Ystad");
        int xmp = text(upload).indexOf("XMP ");
        upload[xmp + 4] = (byte) 0xff;
        upload[xmp + 5] = (byte) 0xff;
        assertFalse(text(saved(upload)).contains("Ystad"), "the EXIF and XMP are served");
    }

    /**
     * A WebP whose RIFF header says 4 bytes (only "WEBP"), then its picture: the RIFF ends before its picture's chunk, so
     * it is no whole picture, and refused as one cut short (it was taken, and stored as the 12 bytes the RIFF covers: a
     * ".webp" with no picture in it).
     */
    @Test
    void aWebpWhoseRiffEndsBeforeItsPictureIsRefusedAsCutShort() {
        byte[] upload = Pictures.webpLossy(40, 30);
        upload[4] = 4;
        upload[5] = 0;
        upload[6] = 0;
        upload[7] = 0;
        String key = ObjectKeys.newUpload(ASA);
        bucket.upload(key, upload);
        var refused = assertInstanceOf(Outcome.Refused.class, images.inspect(ASA, key));
        var unprocessable = assertInstanceOf(Refusal.Unprocessable.class, refused.refusal());
        assertEquals(Refusal.Rule.IMAGE_CUT_SHORT, unprocessable.rule());
        assertFalse(bucket.files.containsKey(key), "deleted, as any file that is no whole picture");
    }

    /**
     * A progressive JPEG (as the site makes one: many scans, tables between them) with a camera's EXIF before it and a
     * second picture after it loses both and nothing of its own: every scan walked, none cut at a byte pair that only looks
     * like the end; it decodes to the very pixels it had.
     */
    @Test
    void aProgressiveJpegLosesItsMetadataAndTrailerAndKeepsEveryScan() throws Exception {
        byte[] progressive = PictureForReaders.of(Pictures.fromCamera(2000, 1500, 1, "Kamera"), ImageType.JPEG).orElseThrow().bytes();
        byte[] camera = Pictures.fromCamera(40, 30, 1, "Inlagg Phone 7");
        // The camera's APP1 (EXIF) segment after the made JPEG's start, and the camera's whole photo after its end.
        int app1 = text(camera).indexOf("\u00ff\u00e1");
        byte[] upload = Pictures.concat(Arrays.copyOf(progressive, 2), Arrays.copyOfRange(camera, app1, app1 + 4 + ((camera[app1 + 2] & 0xff) << 8
                | (camera[app1 + 3] & 0xff)) - 2), Arrays.copyOfRange(progressive, 2, progressive.length), camera);
        assertTrue(text(upload).contains("Inlagg Phone 7"));
        byte[] stripped = PictureMetadata.withoutJpegMetadata(upload, 1).orElseThrow();
        assertFalse(text(stripped).contains("Inlagg Phone 7"));
        assertTrue(Arrays.equals(progressive, stripped), "the JPEG as it was made, byte for byte");
    }

    /** A JPEG's comment segment (COM, text as a PNG's tEXt is) is not in the file readers get. */
    @Test
    void aJpegLosesItsComment() {
        byte[] photo = Pictures.fromCamera(400, 300, 1, "Inlagg Phone 7");
        byte[] comment = Pictures.text("Ystad GPS 55.43N");
        byte[] upload = Pictures.concat(Arrays.copyOf(photo, 2), new byte[] {(byte) 0xff, (byte) 0xfe, 0, (byte) (comment.length + 2)}, comment,
                Arrays.copyOfRange(photo, 2, photo.length));
        assertFalse(text(saved(upload)).contains("Ystad"), "the comment is served");
    }

    /**
     * An EXIF segment of 18 bytes whose orientation entry lies just past it: ImageHeader.orientation reads only within the
     * segment, as browsers do (reading on, it dropped the segment for one of 36 bytes, so the file readers got was larger
     * than the upload, and turned where browsers show it as stored).
     */
    @Test
    void aJpegIsNeverStoredLargerThanItsUpload() {
        byte[] jpeg = Pictures.jpeg(64, 48);
        byte[] app1 = {(byte) 0xff, (byte) 0xe1, 0, 16, 'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 12};
        byte[] com = {(byte) 0xff, (byte) 0xfe, 0, 16, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0};
        byte[] upload = Pictures.concat(Arrays.copyOf(jpeg, 2), app1, com, Arrays.copyOfRange(jpeg, 2, jpeg.length));
        byte[] file = saved(upload);
        assertTrue(file.length <= upload.length, "stored " + file.length + " bytes of an upload of " + upload.length);
    }
}
