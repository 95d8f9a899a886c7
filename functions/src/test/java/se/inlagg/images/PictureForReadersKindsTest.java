package se.inlagg.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import org.junit.jupiter.api.Test;
import se.inlagg.posts.Image;
import se.inlagg.posts.InMemoryPosts;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostDraft;
import se.inlagg.posts.PostService;
import se.inlagg.posts.Seen;
import se.inlagg.posts.SiteTime;

/** What PictureForReaders does with the pictures that are not a camera's plain photo: grey, colour profiles, print's colours, slow files. */
class PictureForReadersKindsTest {

    static final String ASA = ImageServiceTest.ASA;
    final MemoryBucket bucket = new MemoryBucket();
    final PostService posts = new PostService(new InMemoryPosts(), new SiteTime(ZoneId.of("Europe/Stockholm"),
            Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneId.of("UTC"))), Duration.ofMillis(300),
            new BucketImageFiles(() -> Optional.of(bucket)));
    final ImageService images = new ImageService(bucket, posts);

    /**
     * A grey PNG with transparency (grey+alpha, or grey with a tRNS key: logos, line art, optimisers' output) larger than
     * 1,600 pixels shows the grey the upload shows: Java2D, drawing it, takes the JDK's grey space as linear light and
     * lightens it (0x80 as 0xbc).
     */
    @Test
    void aGreyPngWithTransparencyKeepsItsGrey() throws Exception {
        var raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 3000, 100, 2, null);
        var model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false, Transparency.TRANSLUCENT,
                DataBuffer.TYPE_BYTE);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 3000; x++) {
                raster.setPixel(x, y, new int[] {0x80, x < 1500 ? 0xff : 0});
            }
        }
        byte[] png = encoded(new BufferedImage(model, raster, false, null), "png");
        var made = PictureForReaders.of(png, ImageType.PNG).orElseThrow();
        int rgb = ImageIO.read(new ByteArrayInputStream(made.bytes())).getRGB(100, 50);
        assertEquals(0xff, rgb >>> 24);
        assertTrue(Math.abs((rgb & 0xff) - 0x80) < 8, "grey 0x80 uploaded, shown as " + Integer.toHexString(rgb));
    }

    /**
     * A PNG larger than 1,600 pixels that names its colours (a Mac's screenshot on a P3 screen says Display P3): the JDK's
     * reader does not apply an iCCP chunk, so a PNG made from its pixels would show other colours. It is kept as uploaded.
     */
    @Test
    void aLargePngThatNamesItsColoursIsKeptAsUploaded() throws Exception {
        BufferedImage flat = new BufferedImage(3000, 600, BufferedImage.TYPE_INT_RGB);
        var g = flat.createGraphics();
        g.setColor(new Color(128, 128, 128));
        g.fillRect(0, 0, 3000, 600);
        g.dispose();
        byte[] png = encoded(flat, "png");
        ByteArrayOutputStream iccp = new ByteArrayOutputStream();
        iccp.write("Linear RGB".getBytes(StandardCharsets.ISO_8859_1));
        iccp.write(0);
        iccp.write(0);
        iccp.write(deflated(ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData()));
        byte[] tagged = afterIhdr(png, chunk("iCCP", iccp.toByteArray()));
        assertEquals(Optional.empty(), PictureForReaders.of(tagged, ImageType.PNG), "kept as uploaded");
        byte[] withText = afterIhdr(tagged, chunk("tEXt", "Author\0Åsa".getBytes(StandardCharsets.ISO_8859_1)));
        var made = PictureForReaders.of(withText, ImageType.PNG).orElseThrow();
        assertTrue(Arrays.equals(tagged, made.bytes()), "its text out, its profile and pixels as they were");
        assertEquals(new Image.Size(3000, 600), made.size());
    }

    /**
     * A file small to send but slow to decode (a 16-bit PNG of one colour, 50 megapixels in 0.4 MB; a progressive JPEG) is
     * not made past its budget: the save's function has 15 s. Kept as uploaded instead, never a save that times out.
     */
    @Test
    void aPictureNotMadeWithinItsBudgetIsKeptAsUploaded() throws Exception {
        byte[] png = flatPng(7999, 6250, 6, 16);
        String key = ObjectKeys.newUpload(ASA);
        bucket.upload(key, png);
        assertInstanceOf(Outcome.Done.class, images.inspect(ASA, key), "the site takes it");
        assertEquals(Optional.empty(), PictureForReaders.of(png, ImageType.PNG, Duration.ofMillis(1)));
        var made = PictureForReaders.of(flatPng(3000, 100, 6, 16), ImageType.PNG).orElseThrow();
        assertEquals(new Image.Size(1600, 53), made.size(), "within its budget, the same kind of file is made");
    }

    /**
     * A CMYK or YCCK JPEG (print material) is kept as uploaded: the JDK reads it, but converts it a pixel at a time without a
     * profile, a quarter of a minute for 12 megapixels, past the save's timeout.
     */
    @Test
    void aLargeProgressiveJpegIsNotMadeSmallerForItCannotBeStoppedInTime() throws Exception {
        BufferedImage image = new BufferedImage(4400, 3000, BufferedImage.TYPE_INT_RGB);
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            var param = writer.getDefaultWriteParam();
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        assertEquals(Optional.empty(), PictureForReaders.of(out.toByteArray(), ImageType.JPEG), "13 megapixels, progressive: as uploaded");
    }

    @Test
    void aCmykJpegIsKeptAsUploaded() throws Exception {
        var raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 3000, 2000, 4, null);
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(raster, null, null), null);
        }
        byte[] adobe = {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        byte[] cmyk = withSegment(out.toByteArray(), 0xee, adobe);
        assertEquals(Optional.empty(), PictureForReaders.of(cmyk, ImageType.JPEG).map(PictureForReaders.Made::size));
    }

    /** A PNG no larger than readers get keeps its pixels byte for byte, but not its eXIf chunk (GPS and all). */
    @Test
    void aSmallPngsExifIsNotServedToReaders() throws Exception {
        byte[] gps = "MM\0*\0\0\0\bGPSLatitude 59.3293N GPSLongitude 18.0686E".getBytes(StandardCharsets.ISO_8859_1);
        byte[] png = afterIhdr(Pictures.png(1200, 800), chunk("eXIf", gps));
        var draft = new PostDraft(Optional.of("Skärmbild"), Optional.of("Text."), Optional.of("Åsa Öberg"), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("draft"));
        Post p = ((Outcome.Done<Post>) posts.create(draft, ASA, Optional.empty())).value();
        String key = ObjectKeys.newUpload(ASA);
        bucket.upload(key, png);
        var saved = (Post) assertInstanceOf(Outcome.Done.class,
                images.attach(ASA, p.slug(), key, "Bild", "", Seen.atVersion(p.version()))).value();
        Image image = saved.summary().image().orElseThrow();
        byte[] file = bucket.files.get(ObjectKeys.image(image.storedName().orElseThrow())).bytes();
        String text = new String(file, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("eXIf") || text.contains("GPSLatitude"), "the upload's eXIf chunk is served");
    }

    // ---- helpers

    static byte[] encoded(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    static byte[] chunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        return b.putInt((int) crc.getValue()).array();
    }

    /** The PNG with a chunk put right after IHDR (signature 8 + IHDR 25 bytes). */
    static byte[] afterIhdr(byte[] png, byte[] chunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33);
        out.write(chunk, 0, chunk.length);
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }

    static byte[] deflated(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var z = new DeflaterOutputStream(out, new Deflater(9))) {
            z.write(data);
        }
        return out.toByteArray();
    }

    static byte[] withSegment(byte[] jpeg, int marker, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xff);
        out.write(marker);
        out.write((payload.length + 2) >> 8);
        out.write((payload.length + 2) & 0xff);
        out.write(payload, 0, payload.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A PNG every row of which is the same bytes (filter None): some 1,000 to 1 compressed. */
    static byte[] flatPng(int width, int height, int colourType, int bitDepth) throws IOException {
        int channels = switch (colourType) {
            case 2 -> 3;
            case 4 -> 2;
            case 6 -> 4;
            default -> 1;
        };
        byte[] row = new byte[1 + width * channels * bitDepth / 8];
        Arrays.fill(row, (byte) 0x80);
        row[0] = 0;
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (var z = new DeflaterOutputStream(idat, new Deflater(9), 1 << 16)) {
            for (int y = 0; y < height; y++) {
                z.write(row);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        out.write(chunk("IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) bitDepth).put((byte) colourType)
                .put(new byte[3]).array()));
        out.write(chunk("IDAT", idat.toByteArray()));
        out.write(chunk("IEND", new byte[0]));
        return out.toByteArray();
    }
}
