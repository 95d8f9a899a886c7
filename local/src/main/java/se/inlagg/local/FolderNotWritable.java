package se.inlagg.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A data folder the server or a command cannot write: read-only, under a file instead of a folder,
 * or on a full disk. Every command checks its folder this way before it opens anything there, so
 * that the user reads one line saying which folder and what to do, not a stack trace from deep in
 * the embedded DynamoDB.
 */
final class FolderNotWritable extends RuntimeException {

    /**
     * What the check writes and forces: a start writes more than the journal's small records (a
     * snapshot, the search index), so a disk with less than this free is as good as full.
     */
    private static final int PROBE_BYTES = 64 * 1024;

    private final Path folder;
    private final String remedy;

    private FolderNotWritable(Path folder, String reason, String remedy, IOException cause) {
        super(reason, cause);
        this.folder = folder;
        this.remedy = remedy;
    }

    /**
     * Makes the folder if it is missing and writes, forces and deletes a file in it.
     *
     * @throws FolderNotWritable when any of that fails
     */
    static void check(Path folder) {
        try {
            Files.createDirectories(folder);
            // A file of its own name, so two commands checking the same folder at once never meet.
            Path probe = Files.createTempFile(folder, ".write-check-", "");
            try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.allocate(PROBE_BYTES);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                // Forced, as the journal forces each record: some file systems report a full disk only then.
                channel.force(true);
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException e) {
            throw of(folder, e);
        }
    }

    /** The failure in the user's terms: a file where a folder should be, a full disk, or no right to write. */
    static FolderNotWritable of(Path folder, IOException e) {
        Path file = fileInTheWay(folder);
        if (file != null) {
            return new FolderNotWritable(folder, file + " is a file, not a folder", "move it away, or set DATA_DIR to another folder.", e);
        }
        // Only of a folder there: a path the system makes none at (under /proc, say) reports no room too, and "no space
        // left" is no answer for /proc/x, which cannot be made at all.
        if (Files.isDirectory(folder) && diskFull(folder)) {
            return new FolderNotWritable(folder, "no space left on its disk", "free some space, or set DATA_DIR to a folder on another disk.", e);
        }
        // The system's reason without its file: that is the folder, a parent being made, or the check's own file.
        String said = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : String.valueOf(e.getMessage());
        return new FolderNotWritable(folder, said, "make it writable, or set DATA_DIR to another folder.", e);
    }

    /** The folder itself or the nearest of its parents that exists, when that is not a folder. */
    private static Path fileInTheWay(Path folder) {
        return nearestExisting(folder).filter(p -> !Files.isDirectory(p)).orElse(null);
    }

    /** Whether there is less room where the folder is than the check writes (the nearest existing parent's disk). */
    private static boolean diskFull(Path folder) {
        return nearestExisting(folder).map(p -> {
            try {
                return Files.getFileStore(p).getUsableSpace() < PROBE_BYTES;
            } catch (IOException | SecurityException unknown) {
                return false;
            }
        }).orElse(false);
    }

    /** The folder itself or the nearest of its parents that exists: where what is in the way, or the disk, is found. */
    private static Optional<Path> nearestExisting(Path folder) {
        for (Path p = folder.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * What to throw for a failure to open storage in the folder: this, when the folder cannot be
     * written now (a start's own writes, a snapshot say, can fill a disk the check found room on),
     * else the failure itself (a damaged journal says what to do in its own message).
     */
    static RuntimeException explain(Path folder, UncheckedIOException failure) {
        try {
            check(folder);
        } catch (FolderNotWritable notWritable) {
            notWritable.addSuppressed(failure);
            return notWritable;
        }
        // The folder takes a new file, but one of the files in it refuses (a `chmod -R a-w` half undone), or a file stands
        // where the storage keeps a folder ("s3" a file).
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof FileSystemException fs && inside(folder, fs)) {
                if (inTheWay(fs)) {
                    return inTheWay(folder, fs);
                }
                if (refusal(fs)) {
                    String said = fs instanceof AccessDeniedException ? "permission denied" : String.valueOf(fs.getReason());
                    return new FolderNotWritable(folder, fs.getFile() + ": " + said, "make it and everything in it writable, or set"
                            + " DATA_DIR to another folder.", fs);
                }
            }
        }
        return failure;
    }

    /**
     * A file of the folder's where the other kind is wanted (a file where a folder is kept, or a folder where a file is), said
     * with what to do: the folder itself can be written.
     */
    static FolderNotWritable inTheWay(Path folder, FileSystemException e) {
        String reason = e instanceof FileAlreadyExistsException ? "is in the way" : String.valueOf(e.getReason());
        return new FolderNotWritable(folder, e.getFile() + ": " + reason, "move it away, or set DATA_DIR to another folder.", e);
    }

    /** A failure to write one of the folder's files: a file in the way said so, any other as the folder's. */
    static FolderNotWritable writing(Path folder, FileSystemException e) {
        return inTheWay(e) ? inTheWay(folder, e) : of(folder, e);
    }

    private static boolean inTheWay(FileSystemException e) {
        return e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException
                || "Is a directory".equals(e.getReason()) || "Not a directory".equals(e.getReason());
    }

    private static boolean inside(Path folder, FileSystemException e) {
        return e.getFile() != null && Path.of(e.getFile()).toAbsolutePath().startsWith(folder.toAbsolutePath());
    }

    /** A file the system would not let us write, as opposed to one missing or damaged. */
    private static boolean refusal(FileSystemException e) {
        return e instanceof AccessDeniedException || e.getClass() == FileSystemException.class;
    }

    /** The one line for a command: the folder, why, and what to do, in the words of the CLI's other refusals. */
    String message(String command) {
        return "inlagg " + command + ": cannot write the data folder " + folder + " (" + getMessage() + "); " + remedy;
    }
}
