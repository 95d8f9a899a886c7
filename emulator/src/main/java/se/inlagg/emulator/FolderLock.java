package se.inlagg.emulator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Function;

/**
 * An exclusive lock on an emulator's data folder, held through a lock file that names the holder's
 * pid, so that a second process (or a second emulator in this one) cannot write the same files.
 * Shared by the DynamoDB and the S3 emulator; public only because they live in separate packages.
 */
public final class FolderLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock on {@code lockFile} (creating it), or throws what {@code inUse} makes of the
     * holder's pid when another process, or another emulator in this JVM, holds it.
     */
    public static FolderLock acquire(Path lockFile, Function<String, ? extends RuntimeException> inUse) throws IOException {
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String holder = new String(Files.readAllBytes(lockFile), StandardCharsets.UTF_8).strip();
            channel.close();
            throw inUse.apply(holder.isEmpty() ? "(unknown pid)" : holder);
        }
        try {
            channel.truncate(0);
            ByteBuffer pid = ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8));
            while (pid.hasRemaining()) {
                channel.write(pid);
            }
            channel.force(true);
        } catch (IOException e) {
            lock.release();
            channel.close();
            throw e;
        }
        return new FolderLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
