package se.inlagg.emulator.dynamodb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The folder {@code dir/dynamodb/} with its snapshot and journal, held under an exclusive file
 * lock (with the holder's pid in the lock file) for as long as the emulator runs.
 */
final class DataDirectory implements AutoCloseable {

    private final Path folder;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path folder, FileChannel lockChannel, FileLock lock) {
        this.folder = folder;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    static DataDirectory open(Path dataDir) throws IOException {
        Path folder = dataDir.resolve("dynamodb").toAbsolutePath().normalize();
        Files.createDirectories(folder);
        Path lockFile = folder.resolve("lock");
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
            throw new DataDirectoryInUseException(folder, holder.isEmpty() ? "(unknown pid)" : holder);
        }
        channel.truncate(0);
        Frames.writeFully(channel, ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
        return new DataDirectory(folder, channel, lock);
    }

    Path snapshot() {
        return folder.resolve("snapshot");
    }

    Path journal() {
        return folder.resolve("journal");
    }

    @Override
    public void close() throws IOException {
        lock.release();
        lockChannel.close();
    }
}
