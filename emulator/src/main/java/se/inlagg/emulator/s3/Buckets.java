package se.inlagg.emulator.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Every bucket, behind one read-write lock: reads share it; a change holds it from its last check
 * (does the bucket exist, does the If-Match hold) to its commit in the store, so conditional writes
 * are atomic. Receiving a body happens before, without the lock.
 */
final class Buckets {

    /** Work under the lock that may fail on the store's files. */
    interface Work<T> {
        T run() throws IOException;
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final TreeMap<String, Bucket> byName = new TreeMap<>();
    private final Store store;
    private final LongSupplier clock;

    Buckets(Store store, LongSupplier clock) throws IOException {
        this.store = store;
        this.clock = clock;
        Map<String, Bucket> loaded = store.load();
        byName.putAll(loaded);
    }

    <T> T reading(Work<T> work) {
        lock.readLock().lock();
        try {
            return work.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.readLock().unlock();
        }
    }

    <T> T writing(Work<T> work) {
        lock.writeLock().lock();
        try {
            return work.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Makes a staged body the object {@code object}: under the write lock, once the bucket still
     * exists and {@code check} accepts the object it would replace (null for none). On any failure,
     * before the store has it, the staged body is discarded.
     */
    void commit(String bucket, StoredObject object, Staged staged, Consumer<StoredObject> check) {
        boolean[] committed = {false};
        try {
            writing(() -> {
                Bucket b = bucket(bucket);
                StoredObject current = b.objects().get(object.key());
                check.accept(current);
                store.commit(bucket, object, staged, current);
                committed[0] = true;
                b.objects().put(object.key(), object);
                return null;
            });
        } finally {
            if (!committed[0]) {
                store.discard(staged);
            }
        }
    }

    Store store() {
        return store;
    }

    long now() {
        return clock.getAsLong();
    }

    /** The bucket, or NoSuchBucket. Call under the lock. */
    Bucket bucket(String name) {
        Bucket b = byName.get(name);
        if (b == null) {
            throw S3Error.noSuchBucket(name);
        }
        return b;
    }

    /** Throws NoSuchBucket unless the bucket exists now (checked again at commit). */
    void requireBucket(String name) {
        reading(() -> bucket(name));
    }

    boolean exists(String name) {
        return byName.containsKey(name);
    }

    void add(Bucket bucket) {
        byName.put(bucket.name(), bucket);
    }

    void remove(String name) {
        byName.remove(name);
    }

    List<Bucket> all() {
        return new ArrayList<>(byName.values());
    }
}
