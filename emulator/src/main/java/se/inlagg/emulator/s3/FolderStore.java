package se.inlagg.emulator.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import se.inlagg.emulator.DataFolderInUseException;
import se.inlagg.emulator.FolderLock;

/**
 * Buckets and objects under {@code dir/s3/}, one folder per bucket:
 *
 * <pre>
 * s3/.lock                        the data-folder lock (bucket names cannot start with '.')
 * s3/.staging/                    bodies being received; emptied at start
 * s3/&lt;bucket&gt;/bucket.json          creation time and region
 * s3/&lt;bucket&gt;/cors.xml, lifecycle.xml
 * s3/&lt;bucket&gt;/keys/&lt;sha256(key)&gt;.json  an object's metadata (the sidecar), naming its blob
 * s3/&lt;bucket&gt;/blobs/&lt;blob&gt;         an object's bytes, never rewritten in place
 * </pre>
 *
 * Keys are hashed for file names because a key may be 1,024 bytes, contain "..", or be both a
 * "file" and a "folder" ({@code a} and {@code a/b}). Every write makes new files, forces them to
 * disk and renames them into place; the sidecar's rename is the moment an object changes, so a
 * crash leaves either the old object or the new one, never a mix. Blobs no sidecar names (left by
 * a crash between the two renames, or by a reader that held a replaced blob open) are removed at start.
 */
final class FolderStore implements Store {

    private static final Logger LOG = System.getLogger(FolderStore.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final Path staging;
    private final FolderLock lock;

    private FolderStore(Path root, FolderLock lock) {
        this.root = root;
        this.staging = root.resolve(".staging");
        this.lock = lock;
    }

    static FolderStore open(Path dataDir) throws IOException {
        Path root = dataDir.resolve("s3").toAbsolutePath().normalize();
        Files.createDirectories(root);
        FolderLock lock = FolderLock.acquire(root.resolve(".lock"), holder -> new DataFolderInUseException("S3", root, holder));
        return new FolderStore(root, lock);
    }

    @Override
    public Map<String, Bucket> load() throws IOException {
        deleteTree(staging);
        Files.createDirectories(staging);
        Map<String, Bucket> buckets = new HashMap<>();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root, p -> !p.getFileName().toString().startsWith(".") && Files.isDirectory(p))) {
            for (Path folder : folders) {
                Path info = folder.resolve("bucket.json");
                if (Files.exists(info)) {
                    buckets.put(folder.getFileName().toString(), loadBucket(folder, JSON.readTree(info.toFile())));
                }
            }
        }
        return buckets;
    }

    private Bucket loadBucket(Path folder, JsonNode info) throws IOException {
        Bucket bucket = new Bucket(folder.getFileName().toString(), info.path("created").asLong(), info.path("region").asText("us-east-1"));
        Path cors = folder.resolve("cors.xml");
        if (Files.exists(cors)) {
            bucket.cors(CorsRules.parse(Files.readAllBytes(cors)));
        }
        Path lifecycle = folder.resolve("lifecycle.xml");
        if (Files.exists(lifecycle)) {
            bucket.lifecycle(Files.readString(lifecycle, StandardCharsets.UTF_8));
        }
        Set<String> used = new HashSet<>();
        try (DirectoryStream<Path> sidecars = Files.newDirectoryStream(folder.resolve("keys"), "*.json")) {
            for (Path sidecar : sidecars) {
                StoredObject object;
                try {
                    object = Sidecars.read(Files.readAllBytes(sidecar));
                } catch (IOException e) {
                    // Written whole or not at all, so this is damage from outside; starting without the object would hide it.
                    throw new IOException("The object metadata in " + sidecar + " cannot be read: " + e.getMessage(), e);
                }
                bucket.objects().put(object.key(), object);
                used.add(object.blob());
            }
        }
        try (DirectoryStream<Path> blobs = Files.newDirectoryStream(folder.resolve("blobs"))) {
            for (Path blob : blobs) {
                if (!used.contains(blob.getFileName().toString())) {
                    Files.deleteIfExists(blob);
                }
            }
        }
        return bucket;
    }

    @Override
    public Staged stage(InputStream body, long limit, ChecksumAlgorithm checksum) throws IOException {
        String blob = UUID.randomUUID().toString();
        Path file = staging.resolve(blob);
        boolean kept = false;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = Channels.newOutputStream(channel);
            Intake.Digests digests = Intake.copy(body, out, limit, checksum);
            // Forced here, outside the lock, so that committing is only renames.
            channel.force(true);
            kept = true;
            return new Staged(blob, digests.size(), digests.md5Hex(), digests.checksum(), null);
        } finally {
            if (!kept) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Override
    public void discard(Staged staged) {
        try {
            Files.deleteIfExists(staging.resolve(staged.blob()));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "S3 emulator: could not remove a staged body; it goes at the next start", e);
        }
    }

    @Override
    public void createBucket(Bucket bucket) throws IOException {
        // Built aside, then renamed into place: a bucket folder is either whole or absent.
        Path aside = staging.resolve("bucket-" + UUID.randomUUID());
        Files.createDirectories(aside.resolve("keys"));
        Files.createDirectories(aside.resolve("blobs"));
        ObjectNode info = JSON.createObjectNode().put("created", bucket.created()).put("region", bucket.region());
        writeForced(aside.resolve("bucket.json"), JSON.writeValueAsBytes(info));
        force(aside.resolve("keys"));
        force(aside.resolve("blobs"));
        force(aside);
        Files.move(aside, root.resolve(bucket.name()), StandardCopyOption.ATOMIC_MOVE);
        force(root);
    }

    @Override
    public void deleteBucket(String name) throws IOException {
        Path aside = staging.resolve("deleted-" + UUID.randomUUID());
        Files.move(root.resolve(name), aside, StandardCopyOption.ATOMIC_MOVE);
        force(root);
        deleteTree(aside);
    }

    @Override
    public void saveConfiguration(String bucket, String name, String xml) throws IOException {
        Path target = root.resolve(bucket).resolve(name + ".xml");
        if (xml == null) {
            Files.deleteIfExists(target);
            force(target.getParent());
        } else {
            replace(target, xml.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void commit(String bucket, StoredObject object, Staged body, StoredObject replaced) throws IOException {
        Path blobs = root.resolve(bucket).resolve("blobs");
        Files.move(staging.resolve(body.blob()), blobs.resolve(object.blob()), StandardCopyOption.ATOMIC_MOVE);
        force(blobs);
        replace(sidecar(bucket, object.key()), Sidecars.write(object));
        if (replaced != null && !replaced.blob().equals(object.blob())) {
            deleteBlob(bucket, replaced.blob());
        }
    }

    @Override
    public void update(String bucket, StoredObject object) throws IOException {
        replace(sidecar(bucket, object.key()), Sidecars.write(object));
    }

    @Override
    public void delete(String bucket, StoredObject object) throws IOException {
        Path sidecar = sidecar(bucket, object.key());
        Files.deleteIfExists(sidecar);
        force(sidecar.getParent());
        deleteBlob(bucket, object.blob());
    }

    @Override
    public InputStream open(String bucket, StoredObject object) throws IOException {
        return Files.newInputStream(root.resolve(bucket).resolve("blobs").resolve(object.blob()));
    }

    @Override
    public void close() throws IOException {
        lock.close();
    }

    private Path sidecar(String bucket, String key) {
        return root.resolve(bucket).resolve("keys").resolve(sha256(key) + ".json");
    }

    private void deleteBlob(String bucket, String blob) {
        try {
            Files.deleteIfExists(root.resolve(bucket).resolve("blobs").resolve(blob));
        } catch (IOException e) {
            // A reader may still hold it open on some systems; it is unreferenced and goes at the next start.
            LOG.log(Level.DEBUG, "S3 emulator: blob " + blob + " stays until the next start", e);
        }
    }

    /** Replaces a small file in one step: written to staging, forced, renamed over the target, the folder forced. */
    private void replace(Path target, byte[] content) throws IOException {
        Path temp = staging.resolve("write-" + UUID.randomUUID());
        writeForced(temp, content);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        force(target.getParent());
    }

    private static void writeForced(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = Channels.newOutputStream(channel);
            out.write(content);
            channel.force(true);
        }
    }

    /** Forces a folder's entries (a rename) to disk, where the file system allows opening a folder. */
    private static void force(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some systems (Windows) cannot open a folder; their renames are durable on their own terms.
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (NoSuchFileException ignored) {
                    // Already gone.
                }
            }
        }
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
