package se.inlagg.images;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageHeaderTest {

    static Optional<ImageHeader> read(byte[] file) {
        return ImageHeader.read(ImageHeader.Bytes.of(file));
    }

    @Test
    void pngJpegAndTheThreeWebpsAreKnownByTheirBytesWithTheirSize() {
        assertEquals(Optional.of(new ImageHeader(ImageType.PNG, 640, 320)), read(Pictures.png(640, 320)));
        assertEquals(Optional.of(new ImageHeader(ImageType.JPEG, 1200, 801)), read(Pictures.jpeg(1200, 801)));
        assertEquals(Optional.of(new ImageHeader(ImageType.WEBP, 550, 368)), read(Pictures.webpLossy(550, 368)));
        assertEquals(Optional.of(new ImageHeader(ImageType.WEBP, 16383, 2)), read(Pictures.webpLossless(16383, 2)));
        assertEquals(Optional.of(new ImageHeader(ImageType.WEBP, 20000, 9000)), read(Pictures.webpExtended(20000, 9000)));
    }

    @Test
    void aJpegsSizeIsFoundBehindItsMetadata() {
        assertEquals(Optional.of(new ImageHeader(ImageType.JPEG, 300, 200)), read(Pictures.jpegWithMetadata(300, 200, 200_000)));
        assertEquals(Optional.of(new ImageHeader(ImageType.JPEG, 30_000, 20_000)), read(Pictures.jpegClaiming(30_000, 20_000, 200_000)));
    }

    @Test
    void aJpegWhoseHuffmanTablesComeBeforeItsFrameIsReadAtItsSize() {
        assertEquals(Optional.of(new ImageHeader(ImageType.JPEG, 1200, 801)), read(Pictures.huffmanTablesFirst(Pictures.jpeg(1200, 801))));
    }

    /**
     * Fill bytes (0xFF) before a marker, which JPEG allows and decoders skip, leave the picture as large as it is: before
     * the first marker after the start and before the frame header that gives the size.
     */
    @Test
    void aJpegWithFillBytesBeforeItsMarkersIsReadAtItsSize() {
        byte[] jpeg = Pictures.jpeg(640, 480);
        int frame = Pictures.segment(jpeg, 0xc0);
        byte[] fill = {(byte) 0xff, (byte) 0xff, (byte) 0xff};
        byte[] filled = Pictures.concat(Arrays.copyOf(jpeg, 2), fill, Arrays.copyOfRange(jpeg, 2, frame), fill,
                Arrays.copyOfRange(jpeg, frame, jpeg.length));
        assertEquals(Optional.of(new ImageHeader(ImageType.JPEG, 640, 480)), read(filled));
    }

    @Test
    void aPhotoStoredOnItsSideIsAsWideAsItIsShownAndItsCamerasMetadataIsSeen() {
        for (int orientation = 1; orientation <= 8; orientation++) {
            byte[] photo = Pictures.fromCamera(400, 300, orientation, "Kamera");
            var expected = orientation >= 5 ? new ImageHeader(ImageType.JPEG, 300, 400) : new ImageHeader(ImageType.JPEG, 400, 300);
            assertEquals(Optional.of(expected), read(photo), "orientation " + orientation);
            assertEquals(orientation, ImageHeader.orientation(bytes(photo)));
            assertEquals(true, ImageHeader.carriesMetadata(bytes(photo)));
        }
        assertEquals(1, ImageHeader.orientation(bytes(Pictures.jpegWithMetadata(300, 200, 1_000))), "an APP1 that is no EXIF");
        assertEquals(false, ImageHeader.carriesMetadata(bytes(Pictures.jpeg(300, 200))), "the JDK's JPEG: JFIF alone");
    }

    @Test
    void aPhotoWhoseOrientationNoCameraWritesIsShownAsItIsStored() {
        byte[] photo = Pictures.fromCamera(400, 300, 9, "Kamera");
        assertEquals(1, ImageHeader.orientation(bytes(photo)));
        assertEquals(Optional.of(new ImageHeader(ImageType.JPEG, 400, 300)), read(photo));
    }

    @Test
    void aPhotoWhoseExifIsLittleEndianAsManyPhonesWriteItIsAsWideAsItIsShown() {
        byte[] photo = Pictures.fromCamera(400, 300, 6, "Kamera", ByteOrder.LITTLE_ENDIAN);
        assertEquals(6, ImageHeader.orientation(bytes(photo)));
        assertEquals(Optional.of(new ImageHeader(ImageType.JPEG, 300, 400)), read(photo));
    }

    private static ImageHeader.Bytes bytes(byte[] file) {
        return ImageHeader.Bytes.of(file);
    }

    @Test
    void whatOnlyPretendsToBeAPictureIsNone() {
        assertEquals(Optional.empty(), read(Pictures.text("Det här är ingen bild, hur filen än heter.")));
        assertEquals(Optional.empty(), read(Pictures.text("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")));
        assertEquals(Optional.empty(), read(Pictures.text("GIF89a\u0001\u0000\u0001\u0000")), "GIF is not one the site takes");
        assertEquals(Optional.empty(), read(new byte[0]));
        byte[] png = Pictures.png(64, 64);
        assertEquals(Optional.empty(), read(Arrays.copyOf(png, 20)), "a PNG cut short before its size");
        byte[] jpeg = Pictures.jpegWithMetadata(64, 64, 1000);
        assertEquals(Optional.empty(), read(Arrays.copyOf(jpeg, 600)), "a JPEG cut short in its metadata");
        byte[] noIhdr = Arrays.copyOf(png, 40);
        noIhdr[12] = 'X';
        assertEquals(Optional.empty(), read(noIhdr), "a PNG signature with something else after it");
        byte[] riffWav = Pictures.webpLossy(10, 10);
        riffWav[8] = 'W';
        riffWav[9] = 'A';
        riffWav[10] = 'V';
        riffWav[11] = 'E';
        assertEquals(Optional.empty(), read(riffWav), "a RIFF that is sound, not WebP");
        assertEquals(Optional.empty(), read(zeroSize()), "a PNG zero pixels wide");
    }

    @Test
    void aPngZeroPixelsHighIsNone() {
        byte[] png = Pictures.png(8, 8);
        png[20] = png[21] = png[22] = png[23] = 0;
        assertEquals(Optional.empty(), read(png));
    }

    /** A PNG whose header says it is 0 pixels wide. */
    static byte[] zeroSize() {
        byte[] png = Pictures.png(8, 8);
        png[16] = png[17] = png[18] = png[19] = 0;
        return png;
    }
}
