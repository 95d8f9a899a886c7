package se.inlagg.images;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;

/** Real pictures made here (PNG and JPEG by the JDK; WebP headers by hand, as the JDK writes none), and files that only pretend. */
final class Pictures {

    private Pictures() {
    }

    static byte[] png(int width, int height) {
        return write("png", width, height);
    }

    static byte[] jpeg(int width, int height) {
        return write("jpeg", width, height);
    }

    /** A JPEG of noise, which compresses badly: megabytes of data between its header and its end, as a photo's. */
    static byte[] noisyJpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return encoded(image, "jpeg");
    }

    /** A photo as a PNG: colours that change smoothly, with a camera's grain, which a PNG keeps at great length. */
    static byte[] photoAsPng(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int grain = random.nextInt(17) - 8;
                int r = Math.clamp(x * 255L / width + grain, 0, 255);
                int g = Math.clamp(y * 255L / height + grain, 0, 255);
                int b = Math.clamp(128 + grain, 0, 255);
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return encoded(image, "png");
    }

    /** A JPEG with a large metadata segment first (as a camera's EXIF and colour profile are), pushing its size far back. */
    static byte[] jpegWithMetadata(int width, int height, int metadataBytes) {
        byte[] plain = jpeg(width, height);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        int remaining = metadataBytes;
        while (remaining > 0) {
            int length = Math.min(remaining, 65_533);
            out.write(0xff);
            out.write(0xe1);
            out.write(((length + 2) >> 8) & 0xff);
            out.write((length + 2) & 0xff);
            out.write(new byte[length], 0, length);
            remaining -= length;
        }
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /**
     * A small JPEG with metadata first whose frame header claims any size: only its header is read to know it, and
     * encoding one of 30,000 by 30,000 pixels takes half a minute and gigabytes.
     */
    static byte[] jpegClaiming(int width, int height, int metadataBytes) {
        byte[] file = jpegWithMetadata(8, 8, metadataBytes);
        for (int at = 2 + metadataBytes; at < file.length - 8; at++) {
            if ((file[at] & 0xff) == 0xff && (file[at + 1] & 0xff) == 0xc0) {
                ByteBuffer.wrap(file, at + 5, 4).order(ByteOrder.BIG_ENDIAN).putShort((short) height).putShort((short) width);
                return file;
            }
        }
        throw new IllegalStateException("the JDK wrote no baseline frame header");
    }

    /**
     * A PNG's signature, header chunk, a token image data chunk and its end chunk, claiming any size: a byte of data (none
     * is decoded to know the size, and only the data chunk's presence to know the file is not cut before it).
     */
    static byte[] pngClaiming(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(8 + 8 + 13 + 4 + 13 + 12).order(ByteOrder.BIG_ENDIAN);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        b.putInt(13).put(text("IHDR")).putInt(width).putInt(height).put((byte) 8).put((byte) 6).put(new byte[3]).putInt(0);
        b.putInt(1).put(text("IDAT")).put((byte) 0).putInt(0);
        b.putInt(0).put(text("IEND")).putInt(0xae426082);
        return b.array();
    }

    /** Lossy WebP: RIFF, the VP8 chunk, a key frame's start code and its 14-bit width and height. */
    static byte[] webpLossy(int width, int height) {
        ByteBuffer b = riff("VP8 ", 10);
        b.put((byte) 0x9d).put((byte) 0x01).put((byte) 0x2a);
        b.position(26);
        b.putShort((short) width).putShort((short) height);
        return b.array();
    }

    /** Lossless WebP: the 0x2f signature, then width - 1 and height - 1 in 14 bits each. */
    static byte[] webpLossless(int width, int height) {
        ByteBuffer b = riff("VP8L", 5);
        b.put((byte) 0x2f);
        b.putInt((width - 1) | ((height - 1) << 14));
        return b.array();
    }

    /** Extended WebP: the canvas's width - 1 and height - 1 in 24 bits each. */
    static byte[] webpExtended(int width, int height) {
        ByteBuffer b = riff("VP8X", 10);
        b.putInt(0);
        b.put((byte) (width - 1)).put((byte) ((width - 1) >> 8)).put((byte) ((width - 1) >> 16));
        b.put((byte) (height - 1)).put((byte) ((height - 1) >> 8)).put((byte) ((height - 1) >> 16));
        return b.array();
    }

    /**
     * An extended WebP as cwebp writes a camera's photo with its metadata: VP8X (saying a colour profile, EXIF and XMP
     * follow), a colour profile, the picture ({@code width} by {@code height}, lossless), then EXIF saying where it was taken
     * ({@code place}) and XMP, chunks of odd length padded to even, and a few bytes after the RIFF's end.
     */
    static byte[] webpFromCamera(int width, int height, String place) {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        chunks.writeBytes(webpChunk("VP8X", new byte[] {0x2c, 0, 0, 0, (byte) (width - 1), (byte) ((width - 1) >> 8), 0,
            (byte) (height - 1), (byte) ((height - 1) >> 8), 0}));
        chunks.writeBytes(webpChunk("ICCP", text("sRGB profile")));
        ByteBuffer lossless = ByteBuffer.allocate(7).order(ByteOrder.LITTLE_ENDIAN).put((byte) 0x2f).putInt((width - 1) | ((height - 1) << 14));
        chunks.writeBytes(webpChunk("VP8L", lossless.array()));
        chunks.writeBytes(webpChunk("EXIF", text("MM\0*GPS " + place + " Kamera")));
        chunks.writeBytes(webpChunk("XMP ", text("<x:xmpmeta><dc:creator>" + place + "</dc:creator></x:xmpmeta>")));
        ByteBuffer file = ByteBuffer.allocate(12 + chunks.size() + 3).order(ByteOrder.LITTLE_ENDIAN);
        file.put(text("RIFF")).putInt(4 + chunks.size()).put(text("WEBP")).put(chunks.toByteArray()).put(text("END"));
        return file.array();
    }

    /** The files' bytes one after the other: a picture with what a phone puts after it, or segments put together. */
    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** A RIFF chunk: its name, its length, and its bytes, padded to an even length. */
    static byte[] webpChunk(String name, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length + (payload.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        return b.put(text(name)).putInt(payload.length).put(payload).array();
    }

    /**
     * A photo as a phone's camera writes it: stored as the sensor saw it, {@code width} by {@code height}, its top-left
     * quarter red and the rest blue, with EXIF saying how to turn it upright ({@code orientation}) and the camera's name
     * ({@code make}), as it says where the photo was taken.
     */
    static byte[] fromCamera(int width, int height, int orientation, String make) {
        return fromCamera(width, height, orientation, make, ByteOrder.BIG_ENDIAN);
    }

    /** The same, its EXIF in this byte order: big-endian ("MM") as Apple's phones write it, little-endian ("II") as many others do. */
    static byte[] fromCamera(int width, int height, int orientation, String make, ByteOrder order) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height / 2);
        g.dispose();
        byte[] plain = encoded(image, "jpeg");
        byte[] name = (make + "\0").getBytes(StandardCharsets.US_ASCII);
        // TIFF: its header, then IFD0 of two entries (Make, Orientation) and no next IFD, then the name.
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 2 * 12 + 4 + name.length).order(order);
        tiff.put(text(order == ByteOrder.BIG_ENDIAN ? "MM" : "II")).putShort((short) 42).putInt(8).putShort((short) 2);
        tiff.putShort((short) 0x010f).putShort((short) 2).putInt(name.length).putInt(8 + 2 + 2 * 12 + 4);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0).put(name);
        byte[] exif = ByteBuffer.allocate(6 + tiff.capacity()).put(text("Exif\0\0")).put(tiff.array()).array();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        out.write(0xff);
        out.write(0xe1);
        out.write(((exif.length + 2) >> 8) & 0xff);
        out.write((exif.length + 2) & 0xff);
        out.write(exif, 0, exif.length);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /**
     * The JPEG with its Huffman tables (DHT) moved before its frame header, as many cameras write them: the JDK writes them
     * after it.
     */
    static byte[] huffmanTablesFirst(byte[] jpeg) {
        ByteArrayOutputStream before = new ByteArrayOutputStream();
        ByteArrayOutputStream tables = new ByteArrayOutputStream();
        ByteArrayOutputStream after = new ByteArrayOutputStream();
        boolean framed = false;
        int scan = segment(jpeg, 0xda);
        for (int at = 2; at < scan; at += 2 + segmentLength(jpeg, at)) {
            int marker = jpeg[at + 1] & 0xff;
            framed |= marker == 0xc0;
            (marker == 0xc4 ? tables : framed ? after : before).write(jpeg, at, 2 + segmentLength(jpeg, at));
        }
        return concat(Arrays.copyOf(jpeg, 2), before.toByteArray(), tables.toByteArray(), after.toByteArray(),
                Arrays.copyOfRange(jpeg, scan, jpeg.length));
    }

    /** Where the JPEG's first segment of this marker starts (its 0xFF), walking its segments from the start of image. */
    static int segment(byte[] jpeg, int marker) {
        int at = 2;
        while ((jpeg[at + 1] & 0xff) != marker) {
            at += 2 + segmentLength(jpeg, at);
        }
        return at;
    }

    /** The length a segment's header gives, which counts itself but not the marker's two bytes. */
    private static int segmentLength(byte[] jpeg, int at) {
        return ((jpeg[at + 2] & 0xff) << 8) | (jpeg[at + 3] & 0xff);
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static ByteBuffer riff(String chunk, int payload) {
        ByteBuffer b = ByteBuffer.allocate(20 + payload + 16).order(ByteOrder.LITTLE_ENDIAN);
        // The chunk holds the rest of the file, as a real one's picture data does.
        b.put(text("RIFF")).putInt(b.capacity() - 8).put(text("WEBP")).put(text(chunk)).putInt(b.capacity() - 20);
        if (chunk.equals("VP8 ")) {
            b.put(new byte[3]);
        }
        return b;
    }

    private static byte[] write(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0x0b5394));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0xffbf47));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return encoded(image, format);
    }

    private static byte[] encoded(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
