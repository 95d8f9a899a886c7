package se.inlagg.emulator.dynamodb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import se.inlagg.emulator.FolderLock;

/**
 * The folder {@code dir/dynamodb/} with its snapshot and journal, held under an exclusive file
 * lock (with the holder's pid in the lock file) for as long as the emulator runs.
 */
final class DataDirectory implements AutoCloseable {

    private final Path folder;
    private final FolderLock lock;

    private DataDirectory(Path folder, FolderLock lock) {
        this.folder = folder;
        this.lock = lock;
    }

    static DataDirectory open(Path dataDir) throws IOException {
        Path folder = dataDir.resolve("dynamodb").toAbsolutePath().normalize();
        Files.createDirectories(folder);
        FolderLock lock = FolderLock.acquire(folder.resolve("lock"), holder -> new DataDirectoryInUseException(folder, holder));
        return new DataDirectory(folder, lock);
    }

    Path snapshot() {
        return folder.resolve("snapshot");
    }

    Path journal() {
        return folder.resolve("journal");
    }

    @Override
    public void close() throws IOException {
        lock.close();
    }
}
