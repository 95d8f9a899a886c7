package se.inlagg.emulator.dynamodb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The on-disk framing shared by the journal and the snapshot: each record is a 4-byte big-endian
 * payload length, a 4-byte CRC32C of the payload, then the payload (UTF-8 JSON). A frame whose
 * length runs past the end of the file or whose checksum fails ends the readable part: that is
 * what a crash in the middle of an append leaves behind.
 */
final class Frames {

    private static final int HEADER = 8;
    private static final int MAX_PAYLOAD = 256 * 1024 * 1024;

    /**
     * The whole frames of a file, where the last whole frame ends, and whether a whole frame follows the
     * first unreadable one: then the file was damaged in the middle, which no crash does (an append is
     * forced before the next begins, so a crash tears only the last frame).
     */
    record Read(List<byte[]> payloads, long validLength, boolean wholeFrameAfter) {
    }

    private Frames() {
    }

    static ByteBuffer frame(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        ByteBuffer b = ByteBuffer.allocate(HEADER + payload.length);
        b.putInt(payload.length).putInt((int) crc.getValue()).put(payload).flip();
        return b;
    }

    static Read read(Path file) throws IOException {
        List<byte[]> payloads = new ArrayList<>();
        if (!Files.exists(file)) {
            return new Read(payloads, 0, false);
        }
        byte[] all = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(all);
        long valid = 0;
        while (b.remaining() >= HEADER) {
            int length = b.getInt();
            int checksum = b.getInt();
            // A payload is never empty (it is JSON): a length of 0 is zeros a power cut left, not a record.
            if (length <= 0 || length > MAX_PAYLOAD || length > b.remaining()) {
                break;
            }
            byte[] payload = new byte[length];
            b.get(payload);
            CRC32C crc = new CRC32C();
            crc.update(payload);
            if ((int) crc.getValue() != checksum) {
                break;
            }
            payloads.add(payload);
            valid = b.position();
        }
        return new Read(payloads, valid, valid < all.length && wholeFrameFrom(all, (int) valid + 1));
    }

    /**
     * Whether a whole frame starts anywhere at or after {@code from}. Only read when a file does not end in
     * whole frames; a payload is JSON text, whose bytes never make the small length a frame starts with.
     */
    private static boolean wholeFrameFrom(byte[] all, int from) {
        ByteBuffer b = ByteBuffer.wrap(all);
        for (int at = from; at + HEADER < all.length; at++) {
            int length = b.getInt(at);
            if (length <= 0 || length > MAX_PAYLOAD || length > all.length - at - HEADER) {
                continue;
            }
            CRC32C crc = new CRC32C();
            crc.update(all, at + HEADER, length);
            if ((int) crc.getValue() == b.getInt(at + 4)) {
                return true;
            }
        }
        return false;
    }

    static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Makes a rename or a new file in a directory survive a crash (Linux: fsync of the directory). */
    static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory; the rename is atomic there anyway.
        }
    }
}
