package se.inlagg.images;

import java.util.Optional;

/**
 * What a file's header says it is: JPEG, PNG or WebP, with its width and height in pixels. It
 * reads only the few bytes the format puts them in, from a {@link Bytes} that fetches more of the
 * file on demand (a JPEG's size comes after its metadata segments, which it skips over unread).
 * A file that lies about its type, or is cut short, is no picture.
 */
public record ImageHeader(ImageType type, int width, int height) {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** JPEG markers are at most this many segments apart from the start to the frame header. */
    private static final int MAX_SEGMENTS = 512;

    /** A file's bytes by position; -1 past its end. */
    public interface Bytes {
        int at(long position);
    }

    public static Optional<ImageHeader> read(Bytes bytes) {
        if (startsWith(bytes, 0, PNG)) {
            return png(bytes);
        }
        if (bytes.at(0) == 0xff && bytes.at(1) == 0xd8 && bytes.at(2) == 0xff) {
            return jpeg(bytes);
        }
        if (startsWith(bytes, 0, ascii("RIFF")) && startsWith(bytes, 8, ascii("WEBP"))) {
            return webp(bytes);
        }
        return Optional.empty();
    }

    /** IHDR must be the first chunk: width and height as 32-bit big-endian numbers. */
    private static Optional<ImageHeader> png(Bytes b) {
        if (!startsWith(b, 12, ascii("IHDR"))) {
            return Optional.empty();
        }
        return sized(ImageType.PNG, bigEndian(b, 16, 4), bigEndian(b, 20, 4));
    }

    /**
     * Walks the segments to the first start-of-frame (SOF0–SOF15 but DHT, JPG and DAC), whose header
     * holds the height, then the width. A scan or the end before it means a broken file.
     */
    private static Optional<ImageHeader> jpeg(Bytes b) {
        long at = 2;
        for (int segment = 0; segment < MAX_SEGMENTS; segment++) {
            if (b.at(at) != 0xff) {
                return Optional.empty();
            }
            int marker = b.at(at + 1);
            while (marker == 0xff) {
                at++;
                marker = b.at(at + 1);
            }
            if (marker < 0 || marker == 0xd9 || marker == 0xda) {
                return Optional.empty();
            }
            if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                at += 2;
                continue;
            }
            long length = bigEndian(b, at + 2, 2);
            if (length < 2) {
                return Optional.empty();
            }
            boolean frame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
            if (frame) {
                return sized(ImageType.JPEG, bigEndian(b, at + 7, 2), bigEndian(b, at + 5, 2));
            }
            at += 2 + length;
        }
        return Optional.empty();
    }

    /** The first chunk says which WebP: lossy (VP8), lossless (VP8L) or extended (VP8X, the canvas size). */
    private static Optional<ImageHeader> webp(Bytes b) {
        if (startsWith(b, 12, ascii("VP8 "))) {
            boolean keyFrame = b.at(23) == 0x9d && b.at(24) == 0x01 && b.at(25) == 0x2a;
            return keyFrame ? sized(ImageType.WEBP, littleEndian(b, 26, 2) & 0x3fff, littleEndian(b, 28, 2) & 0x3fff) : Optional.empty();
        }
        if (startsWith(b, 12, ascii("VP8L"))) {
            long bits = littleEndian(b, 21, 4);
            return b.at(20) == 0x2f && bits >= 0 ? sized(ImageType.WEBP, (bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1) : Optional.empty();
        }
        if (startsWith(b, 12, ascii("VP8X"))) {
            long width = littleEndian(b, 24, 3);
            long height = littleEndian(b, 27, 3);
            return width >= 0 && height >= 0 ? sized(ImageType.WEBP, width + 1, height + 1) : Optional.empty();
        }
        return Optional.empty();
    }

    /** How many bytes at a file's end {@link #endsWhole} needs: some tools leave a few bytes after a format's end. */
    public static final int TAIL = 64;

    /**
     * Whether the file ends where its format ends a whole picture, which its header cannot tell (found by an API probe: a
     * PNG cut after its header was taken, and the post showed a picture no browser draws). {@code tail} is the file's last
     * bytes (up to {@link #TAIL}). A PNG ends with its IEND chunk and a JPEG with its end-of-image marker (in entropy-coded
     * data an 0xFF is always followed by 0x00, so the marker is no accident); a WebP is at least as long as its RIFF header
     * says. Not a decoder: a file whose middle is broken passes.
     */
    public static boolean endsWhole(ImageType type, Bytes file, byte[] tail, long size) {
        return switch (type) {
            case PNG -> contains(tail, ascii("IEND"));
            case JPEG -> contains(tail, new byte[] {(byte) 0xff, (byte) 0xd9});
            case WEBP -> {
                long riff = littleEndian(file, 4, 4);
                yield riff >= 4 && riff + 8 <= size;
            }
        };
    }

    private static boolean contains(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<ImageHeader> sized(ImageType type, long width, long height) {
        boolean fits = width >= 1 && height >= 1 && width <= Integer.MAX_VALUE && height <= Integer.MAX_VALUE;
        return fits ? Optional.of(new ImageHeader(type, (int) width, (int) height)) : Optional.empty();
    }

    private static boolean startsWith(Bytes b, long at, byte[] expected) {
        for (int i = 0; i < expected.length; i++) {
            if (b.at(at + i) != (expected[i] & 0xff)) {
                return false;
            }
        }
        return true;
    }

    /** -1 when the file ends before the number does. */
    private static long bigEndian(Bytes b, long at, int length) {
        long value = 0;
        for (int i = 0; i < length; i++) {
            int next = b.at(at + i);
            if (next < 0) {
                return -1;
            }
            value = (value << 8) | next;
        }
        return value;
    }

    private static long littleEndian(Bytes b, long at, int length) {
        long value = 0;
        for (int i = length - 1; i >= 0; i--) {
            int next = b.at(at + i);
            if (next < 0) {
                return -1;
            }
            value = (value << 8) | next;
        }
        return value;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
