package se.inlagg.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * A picture readers get keeps the parts of the file a browser needs to show it, named, and nothing else: a maker's own
 * segment or chunk, or one of a kind the site has not heard of, is left out with EXIF and XMP, since it may hold anything
 * the camera or the editor knew. Each upload here is saved end to end (too small to be made smaller, so only stripped).
 */
class PicturesKeepNamedPartsTest {

    static final String SECRET = "Ystad GPS 55.43N";
    final PicturesFuzzedTest saving = new PicturesFuzzedTest();

    static byte[] jpegSegment(int marker, String identifier, String data) {
        byte[] payload = Pictures.concat(identifier.getBytes(StandardCharsets.ISO_8859_1), Pictures.text(data));
        return Pictures.concat(new byte[] {(byte) 0xff, (byte) marker, (byte) ((payload.length + 2) >> 8), (byte) (payload.length + 2)}, payload);
    }

    static boolean decodes(byte[] file) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(file)) != null;
    }

    /**
     * A JPEG keeps its JFIF header, colour profile and Adobe marker, which decoders read; a phone's multi-picture index (APP2
     * MPF), a maker's APP3 and an editor's APP12 go, where only EXIF, XMP, IPTC and comments went.
     */
    @Test
    void aJpegKeepsOnlyTheSegmentsItsDecoderReads() throws Exception {
        byte[] jpeg = Pictures.jpeg(400, 300);
        assertTrue(PicturesFuzzedTest.text(jpeg).contains("JFIF"), "the JDK writes a JFIF header");
        int afterJfif = 2 + 2 + (((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff));
        byte[] upload = Pictures.concat(Arrays.copyOf(jpeg, afterJfif),
                jpegSegment(0xe2, "ICC_PROFILE\0", "\u0001\u0001profil"),
                jpegSegment(0xe2, "MPF\0", "MM " + SECRET + " 1"),
                jpegSegment(0xe3, "Meta\0", SECRET + " 2"),
                jpegSegment(0xec, "Ducky", SECRET + " 3"),
                jpegSegment(0xee, "Adobe", "\u0000\u0064\u0000\u0000\u0000\u0000\u0001"),
                Arrays.copyOfRange(jpeg, afterJfif, jpeg.length));
        byte[] file = saving.saved(upload);
        String text = PicturesFuzzedTest.text(file);
        assertFalse(text.contains(SECRET), "a maker's segment is served: " + text.substring(0, Math.min(300, text.length())));
        assertTrue(text.contains("JFIF") && text.contains("ICC_PROFILE") && text.contains("Adobe"), "what decoders read stays");
        assertTrue(decodes(file));
    }

    /** A JPEG keeps its restart interval (DRI), which its decoder reads to find the restart markers in its data. */
    @Test
    void aJpegKeepsItsRestartInterval() throws Exception {
        byte[] jpeg = Pictures.jpeg(400, 300);
        int afterJfif = 2 + 2 + (((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff));
        byte[] restartInterval = {(byte) 0xff, (byte) 0xdd, 0, 4, 0, 0};
        byte[] upload = Pictures.concat(Arrays.copyOf(jpeg, afterJfif), restartInterval, jpegSegment(0xe1, "Exif\0\0", SECRET),
                Arrays.copyOfRange(jpeg, afterJfif, jpeg.length));
        byte[] file = saving.saved(upload);
        String text = PicturesFuzzedTest.text(file);
        assertFalse(text.contains(SECRET), "EXIF is served");
        assertTrue(text.contains(PicturesFuzzedTest.text(restartInterval)), "what decoders read stays");
        assertTrue(decodes(file));
    }

    /** A lossy WebP keeps its transparency (ALPH), or a logo's clear background is served opaque. */
    @Test
    void aWebpKeepsItsTransparency() {
        byte[] vp8 = Pictures.webpLossy(40, 30);
        byte[] chunks = Pictures.concat(Pictures.webpChunk("VP8X", new byte[] {0x18, 0, 0, 0, 39, 0, 0, 29, 0, 0}),
                Pictures.webpChunk("ALPH", Pictures.text("alfa")), Arrays.copyOfRange(vp8, 12, vp8.length), Pictures.webpChunk("EXIF", Pictures.text(SECRET)));
        byte[] upload = Pictures.concat(Pictures.text("RIFF"), ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(4 + chunks.length).array(),
                Pictures.text("WEBP"), chunks);
        String text = PicturesFuzzedTest.text(saving.saved(upload));
        assertFalse(text.contains(SECRET), "EXIF is served");
        assertTrue(text.contains("ALPH"), "its transparency stays");
    }

    /**
     * A PNG keeps the chunks that draw it and say how (its aspect, an animation's control), and loses a maker's own (an
     * editor's preview, a canvas) as it loses its text.
     */
    @Test
    void aPngKeepsOnlyTheChunksThatDrawIt() throws Exception {
        byte[] png = Pictures.png(40, 30);
        byte[] upload = png;
        upload = PictureForReadersKindsTest.afterIhdr(upload, PictureForReadersKindsTest.chunk("prVW", Pictures.text(SECRET + " 1")));
        upload = PictureForReadersKindsTest.afterIhdr(upload, PictureForReadersKindsTest.chunk("caNv", Pictures.text(SECRET + " 2")));
        upload = PictureForReadersKindsTest.afterIhdr(upload, PictureForReadersKindsTest.chunk("pHYs",
                ByteBuffer.allocate(9).putInt(2835).putInt(2835).put((byte) 1).array()));
        upload = PictureForReadersKindsTest.afterIhdr(upload, PictureForReadersKindsTest.chunk("acTL", ByteBuffer.allocate(8).putInt(1).putInt(0).array()));
        byte[] file = saving.saved(upload);
        String text = PicturesFuzzedTest.text(file);
        assertFalse(text.contains(SECRET), "a maker's chunk is served");
        assertTrue(text.contains("pHYs") && text.contains("acTL"), "what draws it stays");
        assertTrue(decodes(file));
    }

    /**
     * A PNG cut short in its second data chunk (a copy that stopped; browsers show what it has, and so does the check of an
     * upload, which needs the first whole) loses its text and keeps what it has: its chunks were not walked, and it was
     * served as uploaded, text and all.
     */
    @Test
    void aPngCutShortInItsDataLosesItsTextAndKeepsItsPicture() throws Exception {
        byte[] png = Pictures.png(40, 30);
        int idat = PicturesFuzzedTest.text(png).indexOf("IDAT") - 4;
        int length = ByteBuffer.wrap(png, idat, 4).getInt();
        byte[] data = Arrays.copyOfRange(png, idat + 8, idat + 8 + length);
        int half = data.length / 2;
        byte[] second = PictureForReadersKindsTest.chunk("IDAT", Arrays.copyOfRange(data, half, data.length));
        byte[] upload = Pictures.concat(Arrays.copyOf(png, 33), PictureForReadersKindsTest.chunk("tEXt", Pictures.text("Location\0" + SECRET)),
                Arrays.copyOfRange(png, 33, idat), PictureForReadersKindsTest.chunk("IDAT", Arrays.copyOf(data, half)),
                Arrays.copyOf(second, second.length - 3));
        byte[] file = saving.saved(upload);
        assertFalse(PicturesFuzzedTest.text(file).contains(SECRET), "the text of a PNG cut short is served");
        byte[] expected = Pictures.concat(Arrays.copyOfRange(png, 0, idat), PictureForReadersKindsTest.chunk("IDAT", Arrays.copyOf(data, half)),
                Arrays.copyOf(second, second.length - 3));
        assertTrue(Arrays.equals(expected, file), "the rest kept byte for byte, the cut chunk to its end");
    }

    /**
     * A JFIF extension (APP0 "JFXX") holds a thumbnail, a second picture no browser shows, made when the photo was and not
     * always made anew when it is cropped: what the photo showed before, as an EXIF thumbnail may. It goes; the JFIF header
     * stays (found by a review).
     */
    @Test
    void aJpegLosesItsJfifExtensionsThumbnail() throws Exception {
        byte[] jpeg = Pictures.jpeg(400, 300);
        int afterJfif = 2 + 2 + (((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff));
        byte[] upload = Pictures.concat(Arrays.copyOf(jpeg, afterJfif), jpegSegment(0xe0, "JFXX\0", "\u0010" + SECRET + " thumbnail"),
                Arrays.copyOfRange(jpeg, afterJfif, jpeg.length));
        byte[] file = saving.saved(upload);
        String text = PicturesFuzzedTest.text(file);
        assertFalse(text.contains(SECRET), "a thumbnail in a JFIF extension is served: " + text.substring(0, Math.min(200, text.length())));
        assertTrue(text.contains("JFIF") && decodes(file), "the JFIF header stays, and the picture shows");
    }

    /**
     * A JFIF header may carry a thumbnail of its own (its x and y size, then its RGB pixels): the header stays, with its
     * density, and the thumbnail goes, as a JFIF extension's does.
     */
    @Test
    void aJpegsJfifHeaderLosesItsOwnThumbnailAndKeepsItsDensity() throws Exception {
        byte[] jpeg = Pictures.jpeg(400, 300);
        int jfifLength = ((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff);
        assertEquals(16, jfifLength, "the JDK writes a JFIF header with no thumbnail");
        byte[] pixels = new byte[2 * 2 * 3];
        Arrays.fill(pixels, (byte) 0x7f);
        byte[] header = Pictures.concat(Arrays.copyOfRange(jpeg, 2, 2 + 2 + 14), new byte[] {2, 2}, pixels);
        header[2] = 0;
        header[3] = (byte) (header.length - 2);
        byte[] upload = Pictures.concat(Arrays.copyOf(jpeg, 2), header, Arrays.copyOfRange(jpeg, 2 + 2 + jfifLength, jpeg.length));
        byte[] file = saving.saved(upload);
        assertTrue(Arrays.equals(jpeg, file), "the JPEG as the JDK wrote it, its JFIF header with no thumbnail, byte for byte");
    }

    /**
     * A JFIF header with a thumbnail of its own between a progressive JPEG's scans (a decoder reads APPn segments there as
     * before the first) loses its thumbnail as one before the first scan does: the walk of the scans leaves it out, as a
     * JFIF extension there, where it kept it whole, thumbnail and all (found by a review).
     */
    @Test
    void aJfifHeadersThumbnailBetweenScansGoesToo() throws Exception {
        byte[] progressive = PictureForReaders.of(Pictures.fromCamera(2000, 1500, 1, "Kamera"), ImageType.JPEG)
                .orElseThrow().bytes();
        String text = PicturesFuzzedTest.text(progressive);
        int secondScan = text.indexOf("\u00ff\u00da", text.indexOf("\u00ff\u00da") + 2);
        assertTrue(secondScan > 0, "a progressive JPEG has scans after its first");
        byte[] pixels = Pictures.text(SECRET.repeat(3));
        byte[] fields = {1, 2, 0, 0, 1, 0, 1, (byte) SECRET.length(), 1};
        byte[] payload = Pictures.concat("JFIF\0".getBytes(StandardCharsets.ISO_8859_1), fields, pixels);
        byte[] jfif = Pictures.concat(new byte[] {(byte) 0xff, (byte) 0xe0, (byte) ((payload.length + 2) >> 8), (byte) (payload.length + 2)},
                payload);
        byte[] upload = Pictures.concat(Arrays.copyOf(progressive, secondScan), jfif, Arrays.copyOfRange(progressive, secondScan,
                progressive.length));
        byte[] stripped = PictureMetadata.withoutJpegMetadata(upload, 1).orElse(upload);
        assertFalse(PicturesFuzzedTest.text(stripped).contains(SECRET), "a JFIF header's thumbnail between scans is served");
    }
}
