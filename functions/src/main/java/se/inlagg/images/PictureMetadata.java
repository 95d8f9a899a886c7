package se.inlagg.images;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * What a picture file carries beside its pixels, taken out without touching them (no new encoding, no loss): every
 * segment or chunk a browser needs nothing of to show it. That is where a camera or an editor puts the place a photo was
 * taken, the device, names and dates (a JPEG's EXIF and XMP, Photoshop's IPTC, makers' own APPn segments and comments; a
 * PNG's eXIf and text chunks; a WebP's EXIF and XMP), which any reader of the file could read. What is kept is named, not
 * what is left out, so a segment or chunk of a kind not listed here (a maker's own, or one defined later) never reaches
 * readers: a JPEG's segments its decoder reads (frame, scans, tables; its JFIF header without a thumbnail, colour
 * profile and Adobe marker); a PNG's chunks that draw it and its colour, significant bits, transparency, background,
 * aspect and animation ones; a WebP's chunks that draw it. A JPEG's
 * turn upright is written anew as the one EXIF entry it needs. PicturesMutatedTest damages pictures at random to hold it.
 */
final class PictureMetadata {

    private static final int SOS = 0xda;
    private static final int APP0 = 0xe0;
    private static final int APP1 = 0xe1;
    private static final int APP2 = 0xe2;
    private static final int APP14 = 0xee;
    private static final int EOI = 0xd9;
    /**
     * A JFIF header's length field with no thumbnail: itself (2), "JFIF\0" (5), its version (2), density units (1), x and
     * y density (4), and a thumbnail of 0 by 0 (2).
     */
    private static final int JFIF_WITHOUT_THUMBNAIL = 16;
    /**
     * A PNG's chunks that draw it or say how (PNG, third edition): its header, palette, data and end; its colour (profile,
     * sRGB, gamma, primaries, CICP, HDR's mastering and light levels, significant bits), transparency, background and
     * pixels' aspect; an animated PNG's control and frames. Text, EXIF, time and any other chunk are left out.
     */
    private static final Set<String> PNG_SHOWN = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "iCCP", "sRGB", "gAMA", "cHRM",
            "cICP", "mDCV", "mDCv", "cLLI", "cLLi", "sBIT", "bKGD", "pHYs", "acTL", "fcTL", "fdAT");
    private static final Set<String> PNG_COLOUR = Set.of("iCCP", "sRGB", "gAMA", "cHRM");
    /** An IEND chunk: no data, and its checksum. */
    private static final byte[] PNG_END = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xae, 0x42, 0x60, (byte) 0x82};
    /**
     * A WebP's chunks that draw it (RFC 9649): the rest (EXIF, XMP and any a writer made up, which a browser ignores and
     * could hold anything) is left out.
     */
    private static final Set<String> WEBP_PICTURE = Set.of("VP8X", "VP8 ", "VP8L", "ALPH", "ANIM", "ANMF", "ICCP");
    /** VP8X's flags saying EXIF and XMP chunks follow. */
    private static final int WEBP_EXIF_AND_XMP = 0x08 | 0x04;

    private PictureMetadata() {
    }

    /**
     * The JPEG with only the segments its decoder reads ({@link #leftOut}: no APPn but JFIF, a colour profile and Adobe's,
     * no comments), with an EXIF segment naming only
     * {@code orientation} after its JFIF header when that is not 1 (browsers turn the picture by it), and without what
     * follows its end-of-image marker (a second picture of a phone's, a gain or depth map, a motion photo's video: each
     * with metadata of its own, and none of it shown); empty when there was nothing to take out, or the segments before its
     * first scan cannot be walked.
     */
    static Optional<byte[]> withoutJpegMetadata(byte[] file, int orientation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length);
        out.write(file, 0, 2);
        boolean dropped = false;
        boolean turnWritten = orientation == 1;
        int at = 2;
        while (true) {
            if (at + 2 > file.length || (file[at] & 0xff) != 0xff) {
                return Optional.empty();
            }
            int marker = file[at + 1] & 0xff;
            if (marker == 0xff) {
                at++;
                continue;
            }
            if (standalone(marker)) {
                out.write(file, at, 2);
                at += 2;
                continue;
            }
            if (!turnWritten && marker != APP0) {
                byte[] turn = orientationSegment(orientation);
                out.write(turn, 0, turn.length);
                turnWritten = true;
            }
            if (marker == SOS) {
                dropped |= scansWithout(file, at, out);
                break;
            }
            int length = segmentLength(file, at);
            if (length < 0) {
                return Optional.empty();
            }
            if (leftOut(file, at, marker, length)) {
                dropped = true;
            } else if (marker == APP0 && length > JFIF_WITHOUT_THUMBNAIL) {
                // A JFIF header with a thumbnail of its own: the header, its length told anew, with one of 0 by 0.
                byte[] header = Arrays.copyOfRange(file, at, at + 2 + JFIF_WITHOUT_THUMBNAIL);
                header[2] = 0;
                header[3] = JFIF_WITHOUT_THUMBNAIL;
                header[header.length - 2] = 0;
                header[header.length - 1] = 0;
                out.write(header, 0, header.length);
                dropped = true;
            } else {
                out.write(file, at, 2 + length);
            }
            at += 2 + length;
        }
        return dropped ? Optional.of(out.toByteArray()) : Optional.empty();
    }

    /**
     * Copies a JPEG's scans from its first start-of-scan marker ({@code at}) through its end-of-image marker: the coded data
     * as it is, each marker segment between scans (a progressive JPEG's tables and next scans) walked by its length, so a
     * byte pair FF D9 inside one is never taken for the end. Whether anything was left out: metadata between the scans, or
     * bytes after the end. A file that ends before its end-of-image marker is copied to its end.
     */
    private static boolean scansWithout(byte[] file, int at, ByteArrayOutputStream out) {
        boolean dropped = false;
        int copied = at;
        int i = at;
        while (i + 1 < file.length) {
            int next = file[i + 1] & 0xff;
            if ((file[i] & 0xff) != 0xff || next == 0x00 || next == 0xff || standalone(next)) {
                // Coded data, a stuffed FF, fill before a marker, or a restart marker: part of the scan.
                i++;
                continue;
            }
            if (next == EOI) {
                out.write(file, copied, i + 2 - copied);
                return dropped || i + 2 < file.length;
            }
            int length = segmentLength(file, i);
            if (length < 0) {
                break;
            }
            // A JFIF header belongs after the start of the image, where the walk above takes its thumbnail out: none here.
            if (leftOut(file, i, next, length) || next == APP0) {
                out.write(file, copied, i - copied);
                copied = i + 2 + length;
                dropped = true;
            }
            i += 2 + length;
        }
        out.write(file, copied, file.length - copied);
        return dropped;
    }

    /** The length of the JPEG segment whose marker is at {@code at}, its length field included; -1 when it runs past the file. */
    private static int segmentLength(byte[] file, int at) {
        int length = at + 4 > file.length ? -1 : ((file[at + 2] & 0xff) << 8) | (file[at + 3] & 0xff);
        return length < 2 || at + 2 + length > file.length ? -1 : length;
    }

    /** A marker with no length after it: TEM, a restart marker, or the start of the image. */
    private static boolean standalone(int marker) {
        return marker == 0x01 || (marker >= 0xd0 && marker <= 0xd8);
    }

    /**
     * Whether a JPEG segment of this length is left out: all but those a decoder reads (libjpeg's, which browsers use): a
     * frame header (SOFn), a scan's header, Huffman, arithmetic and quantisation tables, a restart interval, a line count,
     * and of the APPn a JFIF header (APP0, its own thumbnail left out by the walk), a colour profile (APP2 ICC_PROFILE)
     * and Adobe's colour transform (APP14). So EXIF and XMP (APP1), IPTC (APP13), a JFIF extension's thumbnail (APP0
     * JFXX), a phone's index of the pictures that followed its end (APP2 MPF), makers' own segments, comments, and markers
     * a browser's decoder refuses (DHP, EXP, JPGn) go: a thumbnail may show the photo as it was before it was cropped.
     */
    private static boolean leftOut(byte[] file, int at, int marker, int length) {
        boolean frame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc8;
        boolean tables = marker == 0xdb || marker == 0xdd || marker == 0xdc || marker == SOS;
        return !switch (marker) {
            case APP0 -> names(file, at, length, "JFIF\0");
            case APP2 -> names(file, at, length, "ICC_PROFILE\0");
            case APP14 -> names(file, at, length, "Adobe");
            default -> frame || tables;
        };
    }

    /** Whether the segment at {@code at}, of this length, begins with this identifier. */
    private static boolean names(byte[] file, int at, int length, String identifier) {
        byte[] id = identifier.getBytes(StandardCharsets.ISO_8859_1);
        return length - 2 >= id.length && Arrays.equals(file, at + 4, at + 4 + id.length, id, 0, id.length);
    }

    /** An APP1 segment of EXIF with one entry, the orientation, big-endian: 6 + 8 + 2 + 12 + 4 bytes. */
    private static byte[] orientationSegment(int orientation) {
        byte[] exif = {'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0,
            0, 0, 0, 0};
        byte[] segment = new byte[4 + exif.length];
        segment[0] = (byte) 0xff;
        segment[1] = (byte) APP1;
        segment[2] = (byte) ((exif.length + 2) >> 8);
        segment[3] = (byte) (exif.length + 2);
        System.arraycopy(exif, 0, segment, 4, exif.length);
        return segment;
    }

    /**
     * The PNG with only its chunks that draw it ({@link #PNG_SHOWN}); empty when it had no other, or its chunks cannot be
     * walked. One cut short after its data began (the upload's check saw its first data chunk whole) keeps what it has, as
     * decoders show what they have: the chunk cut is kept to the end if it draws, left out if not.
     */
    static Optional<byte[]> withoutPngMetadata(byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length);
        out.write(file, 0, 8);
        boolean dropped = false;
        int at = 8;
        while (at < file.length) {
            if (at + 8 <= file.length && new String(file, at + 4, 4, StandardCharsets.ISO_8859_1).equals("IEND")
                    && at + 12 > file.length) {
                // Cut inside its end (its checksum missing, as browsers forgive): ended as a PNG ends.
                out.write(PNG_END, 0, PNG_END.length);
                dropped = true;
                break;
            }
            long length = at + 12 > file.length ? -1
                    : ((file[at] & 0xffL) << 24) | ((file[at + 1] & 0xff) << 16) | ((file[at + 2] & 0xff) << 8) | (file[at + 3] & 0xff);
            if (length < 0 || at + 12 + length > file.length) {
                if (at + 8 <= file.length && PNG_SHOWN.contains(new String(file, at + 4, 4, StandardCharsets.ISO_8859_1))) {
                    out.write(file, at, file.length - at);
                } else {
                    dropped = true;
                }
                break;
            }
            String type = new String(file, at + 4, 4, StandardCharsets.ISO_8859_1);
            int whole = (int) (12 + length);
            if (!PNG_SHOWN.contains(type)) {
                dropped = true;
            } else {
                out.write(file, at, whole);
            }
            at += whole;
            if (type.equals("IEND")) {
                // What follows the picture's end is no part of it.
                dropped |= at < file.length;
                break;
            }
        }
        return dropped ? Optional.of(out.toByteArray()) : Optional.empty();
    }

    /**
     * The WebP with only its chunks that draw it ({@link #WEBP_PICTURE}), its extended header's EXIF and XMP flags cleared
     * and its RIFF size told anew; empty when it had nothing else, or its chunks cannot be walked. A WebP's EXIF follows its
     * picture data, where browsers take no turn from it (metadata after the pixels is ignored), so nothing shown changes.
     */
    static Optional<byte[]> withoutWebpMetadata(byte[] file) {
        if (file.length < 12) {
            return Optional.empty();
        }
        long end = 8 + littleEndian32(file, 4);
        if (end > file.length) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length);
        out.write(file, 0, 12);
        // What follows the RIFF's end is no part of the picture.
        boolean dropped = end < file.length;
        int extendedHeader = -1;
        long at = 12;
        while (at < end) {
            if (at + 8 > end) {
                // Less than a chunk's header left in the RIFF: nothing a decoder reads.
                dropped = true;
                break;
            }
            long length = littleEndian32(file, (int) at + 4);
            String type = new String(file, (int) at, 4, StandardCharsets.ISO_8859_1);
            // Odd chunks are padded to even; a last chunk's missing pad byte is forgiven, as decoders forgive it, and so is a
            // last chunk that says it is longer than the file: it is taken to the RIFF's end (left out if it draws nothing).
            long whole = Math.min(8 + length + (length & 1), end - at);
            if (WEBP_PICTURE.contains(type)) {
                if (type.equals("VP8X") && length >= 1) {
                    extendedHeader = out.size() + 8;
                }
                out.write(file, (int) at, (int) whole);
            } else {
                dropped = true;
            }
            at += whole;
        }
        if (!dropped) {
            return Optional.empty();
        }
        byte[] made = out.toByteArray();
        if (extendedHeader >= 0) {
            made[extendedHeader] &= (byte) ~WEBP_EXIF_AND_XMP;
        }
        long riff = made.length - 8L;
        for (int i = 0; i < 4; i++) {
            made[4 + i] = (byte) (riff >> (8 * i));
        }
        return Optional.of(made);
    }

    private static long littleEndian32(byte[] file, int at) {
        return (file[at] & 0xffL) | ((file[at + 1] & 0xffL) << 8) | ((file[at + 2] & 0xffL) << 16) | ((file[at + 3] & 0xffL) << 24);
    }

    /**
     * Whether a PNG says in which colours it is to be shown (a profile, sRGB, gamma or primaries): the JDK's reader does not
     * apply them, so a PNG made from its pixels would show other colours.
     */
    static boolean pngNamesItsColours(byte[] file) {
        int at = 8;
        while (at + 8 <= file.length) {
            long length = ((file[at] & 0xffL) << 24) | ((file[at + 1] & 0xff) << 16) | ((file[at + 2] & 0xff) << 8) | (file[at + 3] & 0xff);
            String type = new String(file, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (PNG_COLOUR.contains(type)) {
                return true;
            }
            if (type.equals("IDAT") || length > file.length) {
                return false;
            }
            at += (int) (12 + length);
        }
        return false;
    }
}
