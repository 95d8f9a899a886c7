package se.inlagg.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import se.inlagg.posts.Image;

class PictureForReadersTest {

    @Test
    void aPngsTransparencyAndAGreyPhotosGreyAreKept() throws Exception {
        BufferedImage logo = new BufferedImage(2400, 600, BufferedImage.TYPE_INT_ARGB);
        var g = logo.createGraphics();
        g.setColor(new Color(0x0b5394));
        g.fillRect(0, 0, 1200, 600);
        g.dispose();
        var made = PictureForReaders.of(encoded(logo, "png"), ImageType.PNG).orElseThrow();
        assertEquals(new Image.Size(1600, 400), made.size());
        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(made.bytes()));
        assertTrue(shown.getColorModel().hasAlpha());
        assertEquals(0, shown.getRGB(1500, 200) >>> 24, "the transparent half stays transparent");
        assertEquals(0xff, shown.getRGB(100, 200) >>> 24);

        BufferedImage grey = new BufferedImage(3000, 2000, BufferedImage.TYPE_BYTE_GRAY);
        var gg = grey.createGraphics();
        gg.setColor(Color.GRAY);
        gg.fillRect(0, 0, 3000, 2000);
        gg.dispose();
        var greyMade = PictureForReaders.of(encoded(grey, "jpeg"), ImageType.JPEG).orElseThrow();
        assertEquals(new Image.Size(1600, 1067), greyMade.size());
        int rgb = ImageIO.read(new ByteArrayInputStream(greyMade.bytes())).getRGB(800, 500);
        assertTrue(Math.abs(((rgb >> 16) & 0xff) - 0x80) < 8 && Math.abs((rgb & 0xff) - 0x80) < 8, Integer.toHexString(rgb));
    }

    /**
     * A photo no larger than readers get loses its camera's metadata and nothing else: its picture data byte for byte (no
     * new encoding), its turn upright said again in an EXIF of that one entry, which browsers follow.
     */
    @Test
    void aSmallPhotoLosesItsMetadataByteForByteAndKeepsItsTurn() {
        byte[] photo = Pictures.fromCamera(400, 300, 6, "Inlagg Phone 7");
        var made = PictureForReaders.of(photo, ImageType.JPEG).orElseThrow();
        assertEquals(new Image.Size(300, 400), made.size(), "as shown");
        String text = new String(made.bytes(), StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("Inlagg Phone 7"));
        ImageHeader.Bytes bytes = ImageHeader.Bytes.of(made.bytes());
        assertEquals(6, ImageHeader.orientation(bytes), "turned as before");
        int scan = text.indexOf("\u00ff\u00da");
        assertTrue(Arrays.equals(Arrays.copyOfRange(photo, new String(photo, StandardCharsets.ISO_8859_1)
                .indexOf("\u00ff\u00da"), photo.length), Arrays.copyOfRange(made.bytes(), scan, made.bytes().length)), "the picture data as it was");

        byte[] upright = Pictures.fromCamera(400, 300, 1, "Inlagg Phone 7");
        var plain = PictureForReaders.of(upright, ImageType.JPEG).orElseThrow();
        assertFalse(new String(plain.bytes(), StandardCharsets.ISO_8859_1).contains("Exif"), "no EXIF at all");
        assertEquals(Optional.empty(), PictureForReaders.of(Pictures.jpeg(400, 300), ImageType.JPEG), "nothing to take out: as uploaded");
    }

    @Test
    void aPhotoExactlyAsLargeAsReadersGetIsKeptAsUploadedNotEncodedAgain() {
        // Encoded again it would only lose quality: it is no larger than readers get.
        int side = PictureForReaders.LONGEST_SIDE;
        assertEquals(Optional.empty(), PictureForReaders.of(Pictures.jpeg(side, side * 3 / 4), ImageType.JPEG));
        assertEquals(Optional.empty(), PictureForReaders.of(Pictures.jpeg(side * 3 / 4, side), ImageType.JPEG));
        var larger = PictureForReaders.of(Pictures.jpeg(side + 1, side * 3 / 4), ImageType.JPEG).orElseThrow();
        assertEquals(side, larger.size().width(), "one pixel more is made smaller");
    }

    /**
     * A picture of more than {@link PictureForReaders#MOST_PIXELS} is kept as uploaded: decoding one takes seconds and
     * hundreds of megabytes of the save's time and memory. One of exactly that many is made smaller. (A budget of a minute,
     * so that this machine's speed cannot decide it.)
     */
    @Test
    void aPictureOfMorePixelsThanTheMostMadeSmallerIsKeptAsUploaded() throws Exception {
        var minute = Duration.ofMinutes(1);
        int width = 10_000;
        int atMost = (int) (PictureForReaders.MOST_PIXELS / width);
        var atTheMost = PictureForReaders.of(encoded(new BufferedImage(width, atMost, BufferedImage.TYPE_BYTE_GRAY), "jpeg"), ImageType.JPEG, minute);
        assertEquals(PictureForReaders.LONGEST_SIDE, atTheMost.orElseThrow().size().width(), "as many pixels as the most: made smaller");
        assertEquals(Optional.empty(), PictureForReaders.of(encoded(new BufferedImage(width, atMost + 1, BufferedImage.TYPE_BYTE_GRAY), "jpeg"),
                ImageType.JPEG, minute), "a line more: kept as uploaded");
    }

    /**
     * A WebP, which the JDK cannot read, loses what its camera knew all the same: its EXIF and XMP chunks go, its extended
     * header no longer says they follow, and every chunk that draws it (its colour profile among them) stays byte for byte.
     */
    @Test
    void aWebpLosesItsMetadataAndKeepsWhatDrawsIt() {
        byte[] photo = Pictures.webpFromCamera(640, 480, "Kungsgatan 12");
        var made = PictureForReaders.of(photo, ImageType.WEBP).orElseThrow();
        String text = new String(made.bytes(), StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("Kungsgatan") || text.contains("EXIF") || text.contains("XMP"), text);
        assertEquals(new Image.Size(640, 480), made.size());
        assertEquals(ImageType.WEBP, made.type());
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(Pictures.webpChunk("VP8X", new byte[] {0x20, 0, 0, 0, 127, 2, 0, (byte) 223, 1, 0}));
        expected.writeBytes(Pictures.webpChunk("ICCP", Pictures.text("sRGB profile")));
        String drawn = new String(photo, StandardCharsets.ISO_8859_1);
        expected.write(photo, drawn.indexOf("VP8L"), drawn.indexOf("EXIF") - drawn.indexOf("VP8L"));
        assertEquals("RIFF", text.substring(0, 4));
        assertEquals(made.bytes().length - 8, ByteBuffer.wrap(made.bytes(), 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt(),
                "the RIFF's size is the file's");
        assertEquals("WEBP", text.substring(8, 12));
        assertTrue(Arrays.equals(expected.toByteArray(), Arrays.copyOfRange(made.bytes(), 12, made.bytes().length)),
                "the chunks that draw it, as they were, with only the EXIF and XMP flags cleared");
        assertEquals(new Image.Size(640, 480), ImageHeader.read(ImageHeader.Bytes.of(made.bytes()))
                .map(h -> new Image.Size(h.width(), h.height())).orElseThrow(), "its header reads as before");

        assertEquals(Optional.empty(), PictureForReaders.of(made.bytes(), ImageType.WEBP), "nothing more to take out: kept as it is");
        assertEquals(Optional.empty(), PictureForReaders.of(Arrays.copyOf(photo, 60), ImageType.WEBP), "cut short: kept as it is");
    }

    @Test
    void whatIsNoPictureTheJdkCanReadIsKeptAsUploaded() {
        assertEquals(Optional.empty(), PictureForReaders.of(Pictures.webpLossy(4000, 3000), ImageType.WEBP));
        byte[] broken = Pictures.fromCamera(400, 300, 6, "Kamera");
        Arrays.fill(broken, broken.length / 2, broken.length - 2, (byte) 0xff);
        assertEquals(Optional.empty(), PictureForReaders.of(Arrays.copyOf(broken, 200), ImageType.JPEG), "cut short");
    }

    private static byte[] encoded(BufferedImage image, String format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
