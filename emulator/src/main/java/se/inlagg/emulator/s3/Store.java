package se.inlagg.emulator.s3;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Where buckets and objects are kept: a data folder ({@link FolderStore}) or memory
 * ({@link MemoryStore}). Callers hold {@link Buckets}' write lock for every change, so a store
 * sees one change at a time; staging, the slow part, needs no lock.
 */
sealed interface Store extends AutoCloseable permits FolderStore, MemoryStore {

    /** Every bucket kept, with its objects and configurations; called once, at start. */
    Map<String, Bucket> load() throws IOException;

    /** Receives a body in full (up to {@code limit} bytes, else EntityTooLarge) without making it an object yet. */
    Staged stage(InputStream body, long limit, ChecksumAlgorithm checksum) throws IOException;

    /** Forgets a staged body that will not become an object. */
    void discard(Staged staged);

    void createBucket(Bucket bucket) throws IOException;

    /** Removes an empty bucket and its configurations. */
    void deleteBucket(String name) throws IOException;

    /** Keeps (or, for null, removes) a bucket configuration: {@code cors} or {@code lifecycle}, as XML. */
    void saveConfiguration(String bucket, String name, String xml) throws IOException;

    /** Makes a staged body the object {@code object} in one step, replacing {@code replaced} (or null). */
    void commit(String bucket, StoredObject object, Staged body, StoredObject replaced) throws IOException;

    /** Keeps changed metadata (tags) of an object whose bytes stay as they are. */
    void update(String bucket, StoredObject object) throws IOException;

    void delete(String bucket, StoredObject object) throws IOException;

    /** The object's bytes; still readable after the object is replaced or deleted, until closed. */
    InputStream open(String bucket, StoredObject object) throws IOException;

    @Override
    void close() throws IOException;
}
