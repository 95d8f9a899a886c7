package se.inlagg.images;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * What a file's header says it is: JPEG, PNG or WebP, with its width and height in pixels as it is shown (a camera's
 * JPEG stored on its side and marked to be turned upright, EXIF orientation 5 to 8, is as tall as it is stored wide). It
 * reads only the few bytes the format puts them in, from a {@link Bytes} that fetches more of the
 * file on demand (a JPEG's size comes after its metadata segments, which it skips over, but for EXIF's orientation).
 * A file that lies about its type, or is cut short, is no picture.
 */
public record ImageHeader(ImageType type, int width, int height) {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** JPEG markers are at most this many segments apart from the start to the frame header. */
    private static final int MAX_SEGMENTS = 512;

    /** A file's bytes by position; -1 past its end. */
    public interface Bytes {
        int at(long position);

        /** A file held whole in memory. */
        static Bytes of(byte[] file) {
            return p -> p >= 0 && p < file.length ? file[(int) p] & 0xff : -1;
        }

        /** Where the two bytes first stand one after the other from {@code from} on; -1 when nowhere before the end. */
        default long indexOf(long from, int first, int second) {
            for (long p = from; ; p++) {
                int x = at(p);
                if (x < 0) {
                    return -1;
                }
                if (x == first && at(p + 1) == second) {
                    return p;
                }
            }
        }
    }

    /** Whether the file starts as a JPEG, PNG or WebP does, whatever follows. */
    public static boolean startsAsAPicture(Bytes bytes) {
        return startsAs(bytes).isPresent();
    }

    public static Optional<ImageHeader> read(Bytes bytes) {
        return startsAs(bytes).flatMap(type -> switch (type) {
            case PNG -> png(bytes);
            case JPEG -> jpeg(bytes);
            case WEBP -> webp(bytes);
        });
    }

    /** The type the file's first bytes (its signature) say, the one place each is told. */
    private static Optional<ImageType> startsAs(Bytes bytes) {
        if (startsWith(bytes, 0, PNG)) {
            return Optional.of(ImageType.PNG);
        }
        if (bytes.at(0) == 0xff && bytes.at(1) == 0xd8 && bytes.at(2) == 0xff) {
            return Optional.of(ImageType.JPEG);
        }
        if (startsWith(bytes, 0, ascii("RIFF")) && startsWith(bytes, 8, ascii("WEBP"))) {
            return Optional.of(ImageType.WEBP);
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
     * The first start-of-frame (SOF0–SOF15 but DHT, JPG and DAC), whose header holds the height, then the width. A scan or
     * the end before it means a broken file.
     */
    private static Optional<ImageHeader> jpeg(Bytes b) {
        long at = jpegFrame(b);
        if (at < 0) {
            return Optional.empty();
        }
        long width = bigEndian(b, at + 7, 2);
        long height = bigEndian(b, at + 5, 2);
        // A phone's upright photo is mostly stored on its side, to be turned as it is shown: every browser turns it, so its
        // width and height on a page are the other way round, or its box is drawn landscape until the picture comes.
        return orientation(b) >= 5 ? sized(ImageType.JPEG, height, width) : sized(ImageType.JPEG, width, height);
    }

    /**
     * How a JPEG is to be turned to be shown upright, by its EXIF orientation: 1 as stored, 2 mirrored, 3 turned half
     * round, 4 mirrored upside down, 5 to 8 on its side (6 a quarter clockwise, 8 anticlockwise; 5 and 7 mirrored too).
     * 1 for a JPEG that says none, or says it in a way not read here.
     */
    static int orientation(Bytes b) {
        for (long at = jpegSegment(b, 2, m -> m == APP1); at >= 0; at = jpegSegment(b, at + 2 + bigEndian(b, at + 2, 2), m -> m == APP1)) {
            if (startsWith(b, at + 4, EXIF)) {
                // Within the segment: browsers read no further, and PictureMetadata drops the segment for one of its own.
                long end = at + 2 + bigEndian(b, at + 2, 2);
                long tiff = at + 4 + EXIF.length;
                boolean little = b.at(tiff) == 'I' && b.at(tiff + 1) == 'I';
                boolean big = b.at(tiff) == 'M' && b.at(tiff + 1) == 'M';
                if (!little && !big) {
                    return 1;
                }
                long ifd = number(b, tiff + 4, 4, little);
                long entries = ifd < 0 ? -1 : number(b, tiff + ifd, 2, little);
                for (long i = 0; i < entries && i < 256; i++) {
                    long entry = tiff + ifd + 2 + 12 * i;
                    if (entry + 12 > end) {
                        return 1;
                    }
                    if (number(b, entry, 2, little) == 0x0112) {
                        long value = number(b, entry + 8, 2, little);
                        return value >= 1 && value <= 8 ? (int) value : 1;
                    }
                }
                return 1;
            }
        }
        return 1;
    }

    /**
     * How many colour components a JPEG's frame has: 1 grey, 3 colour (YCbCr or RGB), 4 print's CMYK or YCCK; -1 when its
     * frame header is not found.
     */
    static int jpegComponents(Bytes b) {
        long at = jpegFrame(b);
        return at < 0 ? -1 : b.at(at + 9);
    }

    /** Whether a JPEG is progressive (SOF2, 6, 10 or 14): its decoder reads the whole file before it gives a line. */
    static boolean jpegProgressive(Bytes b) {
        long at = jpegFrame(b);
        int marker = at < 0 ? -1 : b.at(at + 1);
        return marker == 0xc2 || marker == 0xc6 || marker == 0xca || marker == 0xce;
    }

    /**
     * Whether a JPEG carries what its camera or editor knew beside the picture: EXIF (the place it was taken, the device,
     * the time), XMP, or Photoshop's IPTC block; none of it is the picture, and a reader is shown none of it.
     */
    static boolean carriesMetadata(Bytes b) {
        return jpegSegment(b, 2, marker -> marker == APP1 || marker == APP13) >= 0;
    }

    /** The segments of EXIF and XMP, and of Photoshop's IPTC. */
    private static final int APP1 = 0xe1;
    private static final int APP13 = 0xed;
    private static final byte[] EXIF = {'E', 'x', 'i', 'f', 0, 0};

    private static long number(Bytes b, long at, int length, boolean littleEndian) {
        return littleEndian ? littleEndian(b, at, length) : bigEndian(b, at, length);
    }

    /** Where a JPEG's first start-of-frame segment is (SOF0–SOF15 but DHT, JPG and DAC); -1 when none comes before its scan. */
    private static long jpegFrame(Bytes b) {
        return jpegSegment(b, marker -> marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc);
    }

    /**
     * Walks a JPEG's segments from its start to the first whose marker is wanted, and gives where it is; -1 when the file
     * ends, breaks, or reaches its end-of-image or a scan (unless a scan is wanted) first.
     */
    private static long jpegSegment(Bytes b, IntPredicate wanted) {
        return jpegSegment(b, 2, wanted);
    }

    /** The same, from the segment at {@code from} on. */
    private static long jpegSegment(Bytes b, long from, IntPredicate wanted) {
        long at = from;
        for (int segment = 0; segment < MAX_SEGMENTS; segment++) {
            if (b.at(at) != 0xff) {
                return -1;
            }
            int marker = b.at(at + 1);
            while (marker == 0xff) {
                at++;
                marker = b.at(at + 1);
            }
            if (marker < 0 || marker == 0xd9) {
                return -1;
            }
            if (wanted.test(marker)) {
                return at;
            }
            if (marker == 0xda) {
                return -1;
            }
            if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                at += 2;
                continue;
            }
            long length = bigEndian(b, at + 2, 2);
            if (length < 2) {
                return -1;
            }
            at += 2 + length;
        }
        return -1;
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

    /**
     * Whether the file goes on past its header into the picture itself, which the header alone cannot tell (a PNG of 30
     * bytes, its header and no more, is a picture no browser draws). A PNG's
     * first image data chunk (IDAT) is there whole; a JPEG's data reaches its end-of-image marker; a WebP is as long as its
     * RIFF header says, and its picture's chunk is there whole within it. Anything after a picture's end is allowed (a phone's trailer, a motion photo's video). This is no
     * decoder: a PNG of several data chunks cut after its first, or bytes broken in the middle, pass.
     */
    public static boolean reachesPictureData(ImageType type, Bytes b, long size) {
        return switch (type) {
            case PNG -> {
                long at = PNG.length;
                for (int chunk = 0; chunk < MAX_SEGMENTS && at < size; chunk++) {
                    long length = bigEndian(b, at, 4);
                    if (length < 0) {
                        yield false;
                    }
                    if (startsWith(b, at + 4, ascii("IDAT"))) {
                        yield length > 0 && at + 12 + length <= size;
                    }
                    at += 12 + length;
                }
                yield false;
            }
            case JPEG -> {
                // Its end-of-image marker after its scan's data begins: in entropy-coded data an 0xFF is followed by 0x00 or
                // a restart marker, so FF D9 there is the end (a JPEG cut in the middle of its data has none); whatever
                // follows it is not read.
                long scan = jpegSegment(b, marker -> marker == 0xda);
                long length = scan < 0 ? -1 : bigEndian(b, scan + 2, 2);
                yield length >= 2 && b.indexOf(scan + 2 + length, 0xff, 0xd9) >= 0;
            }
            case WEBP -> {
                // Its picture's chunk (lossy, lossless, or an animation's first frame) there whole, within the RIFF.
                long riff = littleEndian(b, 4, 4);
                long end = 8 + riff;
                if (riff < 4 || end > size) {
                    yield false;
                }
                long at = 12;
                for (int chunk = 0; chunk < MAX_SEGMENTS && at + 8 <= end; chunk++) {
                    long length = littleEndian(b, at + 4, 4);
                    if (length < 0) {
                        yield false;
                    }
                    if (startsWith(b, at, ascii("VP8 ")) || startsWith(b, at, ascii("VP8L")) || startsWith(b, at, ascii("ANMF"))) {
                        yield length > 0 && at + 8 + length <= end;
                    }
                    at += 8 + length + (length & 1);
                }
                yield false;
            }
        };
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
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
