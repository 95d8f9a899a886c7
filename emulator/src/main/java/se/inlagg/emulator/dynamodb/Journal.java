package se.inlagg.emulator.dynamodb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The append-only log of committed requests ({@link Frames}). An append returns only after the
 * record is forced to disk, so an answered write survives a crash.
 */
final class Journal implements AutoCloseable {

    private final FileChannel channel;
    private IOException broken;

    /** Opens for appending after the last whole record; a torn tail from a crash is cut off. */
    Journal(Path file, long validLength) throws IOException {
        this(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ), validLength);
    }

    /** On a channel already open: tests give one whose disk fills up. */
    Journal(FileChannel channel, long validLength) throws IOException {
        this.channel = channel;
        if (channel.size() > validLength) {
            channel.truncate(validLength);
            channel.force(true);
        }
        channel.position(validLength);
    }

    /**
     * Appends and forces one record. If that fails, the partial record is cut off again, so that a later
     * record never follows a torn one (replay stops at the first torn record); if even that fails,
     * the journal refuses every later write rather than risk acknowledging one that replay would miss.
     */
    void append(byte[] payload) {
        if (broken != null) {
            throw new UncheckedIOException("The DynamoDB journal could not be repaired after a failed write; restart the emulator", broken);
        }
        long end;
        try {
            end = channel.position();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the DynamoDB journal", e);
        }
        try {
            Frames.writeFully(channel, Frames.frame(payload));
            channel.force(false);
        } catch (IOException e) {
            try {
                channel.truncate(end);
                channel.position(end);
            } catch (IOException repair) {
                broken = repair;
            }
            // The system's reason goes into the answer too, so a full disk says so where the failed write is logged.
            throw new UncheckedIOException("Could not write the DynamoDB journal: " + e.getMessage(), e);
        }
    }

    long size() throws IOException {
        return channel.size();
    }

    void clear() throws IOException {
        channel.truncate(0);
        channel.position(0);
        channel.force(true);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
