package se.inlagg.images;

import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.Set;

/**
 * What a picture file carries beside its pixels, taken out without touching them (no new encoding, no loss): a JPEG's
 * EXIF and XMP (APP1) and Photoshop's IPTC (APP13) segments, a PNG's eXIf, text and time chunks, a WebP's EXIF and XMP
 * chunks. That is where a camera or an editor puts the place a photo was taken, the device, names and dates, which any
 * reader of the file could read. What the picture needs to be shown as meant stays: a JPEG's colour profile (APP2) and
 * Adobe marker (APP14), a PNG's and a WebP's colour chunks, and a JPEG's turn upright, written anew as the one EXIF entry
 * it needs.
 */
final class PictureMetadata {

    private static final int SOS = 0xda;
    private static final int APP0 = 0xe0;
    private static final int APP1 = 0xe1;
    private static final int APP13 = 0xed;
    private static final Set<String> PNG_METADATA = Set.of("eXIf", "tEXt", "zTXt", "iTXt", "tIME");
    private static final Set<String> PNG_COLOUR = Set.of("iCCP", "sRGB", "gAMA", "cHRM");
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
     * The JPEG without its APP1 and APP13 segments, with an EXIF segment naming only {@code orientation} after its JFIF
     * header when that is not 1 (browsers turn the picture by it); empty when there was nothing to take out, or the
     * segments before its scan cannot be walked.
     */
    static Optional<byte[]> withoutJpegMetadata(byte[] file, int orientation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length);
        out.write(file, 0, 2);
        boolean dropped = false;
        boolean turnWritten = orientation == 1;
        int at = 2;
        while (true) {
            if (at + 4 > file.length || (file[at] & 0xff) != 0xff) {
                return Optional.empty();
            }
            int marker = file[at + 1] & 0xff;
            if (marker == 0xff) {
                at++;
                continue;
            }
            if (!turnWritten && marker != APP0) {
                byte[] turn = orientationSegment(orientation);
                out.write(turn, 0, turn.length);
                turnWritten = true;
            }
            if (marker == SOS) {
                out.write(file, at, file.length - at);
                break;
            }
            int length = ((file[at + 2] & 0xff) << 8) | (file[at + 3] & 0xff);
            if (length < 2 || at + 2 + length > file.length) {
                return Optional.empty();
            }
            if (marker == APP1 || marker == APP13) {
                dropped = true;
            } else {
                out.write(file, at, 2 + length);
            }
            at += 2 + length;
        }
        return dropped ? Optional.of(out.toByteArray()) : Optional.empty();
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

    /** The PNG without its eXIf, tEXt, zTXt, iTXt and tIME chunks; empty when it had none, or its chunks cannot be walked. */
    static Optional<byte[]> withoutPngMetadata(byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length);
        out.write(file, 0, 8);
        boolean dropped = false;
        int at = 8;
        while (at < file.length) {
            if (at + 12 > file.length) {
                return Optional.empty();
            }
            long length = ((file[at] & 0xffL) << 24) | ((file[at + 1] & 0xff) << 16) | ((file[at + 2] & 0xff) << 8) | (file[at + 3] & 0xff);
            if (at + 12 + length > file.length) {
                return Optional.empty();
            }
            String type = new String(file, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            int whole = (int) (12 + length);
            if (PNG_METADATA.contains(type)) {
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
                return Optional.empty();
            }
            long length = littleEndian32(file, (int) at + 4);
            // Odd chunks are padded to even; a last chunk's missing pad byte is forgiven, as decoders forgive it.
            long whole = Math.min(8 + length + (length & 1), end - at);
            if (8 + length > whole) {
                return Optional.empty();
            }
            String type = new String(file, (int) at, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
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
            String type = new String(file, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
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
