package se.inlagg.search;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The index's storage in memory, with S3's conditional semantics (a manifest version tag, If-Match
 * and If-None-Match), counting what is asked of it, and able to let another writer in just before a
 * swap, as a race would.
 */
final class InMemoryIndexFiles implements IndexFiles {

    final Map<String, byte[]> files = new ConcurrentHashMap<>();
    final AtomicInteger manifestReads = new AtomicInteger();
    final AtomicInteger unchangedAnswers = new AtomicInteger();
    final AtomicInteger fileReads = new AtomicInteger();
    final AtomicInteger fileWrites = new AtomicInteger();
    final AtomicInteger fileDeletes = new AtomicInteger();
    final AtomicInteger swapsLost = new AtomicInteger();
    private byte[] manifest;
    private int version;
    /** Runs once, just before the next swap is decided: another indexer's whole change, say. */
    Runnable beforeNextSwap;
    /**
     * The next swap is stored but answered as lost: what a client that retries after a lost answer is
     * told (412), its first attempt having landed.
     */
    boolean nextSwapLandsUnanswered;
    /** Keys deleted while the manifest then in place named them: readers of it would find them gone. */
    final Set<String> deletedWhileNamed = ConcurrentHashMap.newKeySet();

    @Override
    public synchronized ManifestRead readManifest(Optional<String> unlessTag) {
        manifestReads.incrementAndGet();
        if (manifest == null) {
            return new Missing();
        }
        if (unlessTag.filter(tag()::equals).isPresent()) {
            unchangedAnswers.incrementAndGet();
            return new Unchanged();
        }
        return new Found(manifest.clone(), tag());
    }

    @Override
    public byte[] read(String key) {
        fileReads.incrementAndGet();
        transferring(readsInFlight, mostReadsInFlight);
        try {
            byte[] bytes = files.get(key);
            if (bytes == null) {
                throw new FileGone(key);
            }
            return bytes.clone();
        } finally {
            readsInFlight.decrementAndGet();
        }
    }

    @Override
    public void write(String key, byte[] bytes) {
        fileWrites.incrementAndGet();
        if (files.putIfAbsent(key, bytes.clone()) != null) {
            throw new IllegalStateException("a key was used twice: " + key);
        }
    }

    /**
     * When set, a file read waits, up to five seconds, until another read has been in flight with it: made side by side
     * they meet at once; made one after another they never do, each waits the five seconds, and the most in flight stays
     * at one.
     */
    volatile boolean transfersMeet;
    final AtomicInteger readsInFlight = new AtomicInteger();
    final AtomicInteger mostReadsInFlight = new AtomicInteger();

    private void transferring(AtomicInteger inFlight, AtomicInteger most) {
        most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (transfersMeet && most.get() < 2 && System.nanoTime() < until) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public Optional<String> swapManifest(byte[] next, Optional<String> expectedTag) {
        Runnable race = beforeNextSwap;
        beforeNextSwap = null;
        if (race != null) {
            race.run();
        }
        synchronized (this) {
            boolean current = expectedTag.isPresent() ? manifest != null && expectedTag.get().equals(tag()) : manifest == null;
            if (!current) {
                swapsLost.incrementAndGet();
                return Optional.empty();
            }
            manifest = next.clone();
            version++;
            if (nextSwapLandsUnanswered) {
                nextSwapLandsUnanswered = false;
                swapsLost.incrementAndGet();
                return Optional.empty();
            }
            return Optional.of(tag());
        }
    }

    @Override
    public synchronized void delete(Collection<String> keys) {
        if (manifest != null) {
            var named = Manifest.parse(manifest).files().values().stream().map(Manifest.FileRef::key).toList();
            keys.stream().filter(named::contains).forEach(deletedWhileNamed::add);
        }
        fileDeletes.addAndGet(keys.size());
        keys.forEach(files::remove);
    }

    synchronized Manifest manifest() {
        return Manifest.parse(manifest);
    }

    synchronized String tag() {
        return "\"v" + version + "\"";
    }
}
