package se.inlagg.emulator.s3;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps objects' bytes in memory, for tests; nothing survives {@link #close()}. */
final class MemoryStore implements Store {

    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();

    @Override
    public Map<String, Bucket> load() {
        return new HashMap<>();
    }

    @Override
    public Staged stage(InputStream body, long limit, ChecksumAlgorithm checksum) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Intake.Digests digests = Intake.copy(body, bytes, limit, checksum);
        return new Staged(UUID.randomUUID().toString(), digests.size(), digests.md5Hex(), digests.checksum(), bytes.toByteArray());
    }

    @Override
    public void discard(Staged staged) {
        // Nothing was kept outside the staged value itself.
    }

    @Override
    public void createBucket(Bucket bucket) {
    }

    @Override
    public void deleteBucket(String name) {
    }

    @Override
    public void saveConfiguration(String bucket, String name, String xml) {
    }

    @Override
    public void commit(String bucket, StoredObject object, Staged body, StoredObject replaced) {
        blobs.put(object.blob(), body.bytes());
        if (replaced != null && !replaced.blob().equals(object.blob())) {
            blobs.remove(replaced.blob());
        }
    }

    @Override
    public void update(String bucket, StoredObject object) {
    }

    @Override
    public void delete(String bucket, StoredObject object) {
        blobs.remove(object.blob());
    }

    @Override
    public InputStream open(String bucket, StoredObject object) throws IOException {
        byte[] bytes = blobs.get(object.blob());
        if (bytes == null) {
            throw new IOException("no bytes for " + object.key());
        }
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public void close() {
        blobs.clear();
    }
}
