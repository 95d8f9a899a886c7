package se.inlagg.images;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** A bucket in memory for the rules of pictures: its files, their tags, and every read it was asked for. */
final class MemoryBucket implements ImageBucket {

    /** A file and its version, new at every put as an ETag is (a tag changes no version). */
    record File(byte[] bytes, String contentType, boolean unattached, String version) {
    }

    private int versions;

    final Map<String, File> files = new TreeMap<>();
    final List<String> reads = new ArrayList<>();
    final List<String> copies = new ArrayList<>();
    /** The keys pictures made for readers were put to. */
    final List<String> puts = new ArrayList<>();
    /** Run once, just after the next copy: what other requests do between a save's copy and its post's write. */
    Runnable afterNextCopy;
    /** Run once, just after the next read: what another put to the key does while its header is read. */
    Runnable afterNextRead;
    /** Run once, just before the next copy: what other requests do between a save's read of the post and its copy. */
    Runnable beforeNextCopy;
    /** Run once, just before the next mark unattached: what other requests do between a refused save's read and its mark. */
    Runnable beforeNextUnattached;
    /** Thrown by the next mark attached, once: S3 failing it, or the function stopped before it. */
    RuntimeException nextAttachedThrows;

    void upload(String key, byte[] bytes) {
        files.put(key, new File(bytes, "image/*", true, nextVersion()));
    }

    @Override
    public Optional<Chunk> read(String key, Optional<String> version, long offset, int length) {
        reads.add(key + "@" + offset);
        File f = files.get(key);
        if (f == null || version.isPresent() && !version.get().equals(f.version())) {
            return Optional.empty();
        }
        int from = (int) Math.min(offset, f.bytes().length);
        Runnable after = afterNextRead;
        afterNextRead = null;
        if (after != null) {
            after.run();
        }
        return Optional.of(new Chunk(Arrays.copyOfRange(f.bytes(), from, (int) Math.min(f.bytes().length, offset + length)), f.bytes().length,
                f.version()));
    }

    @Override
    public boolean copy(String from, String version, String to, ImageType type) {
        Runnable before = beforeNextCopy;
        beforeNextCopy = null;
        if (before != null) {
            before.run();
        }
        copies.add(from);
        File f = files.get(from);
        if (f == null || !f.version().equals(version)) {
            return false;
        }
        files.put(to, new File(f.bytes(), type.mediaType(), false, nextVersion()));
        Runnable between = afterNextCopy;
        afterNextCopy = null;
        if (between != null) {
            between.run();
        }
        return true;
    }

    /** The made picture's put, seen by the tests as the copy it stands for: the same hooks run around it. */
    @Override
    public void put(String to, byte[] bytes, ImageType type) {
        Runnable before = beforeNextCopy;
        beforeNextCopy = null;
        if (before != null) {
            before.run();
        }
        puts.add(to);
        files.put(to, new File(bytes, type.mediaType(), false, nextVersion()));
        Runnable between = afterNextCopy;
        afterNextCopy = null;
        if (between != null) {
            between.run();
        }
    }

    private String nextVersion() {
        return "\"v" + ++versions + "\"";
    }

    @Override
    public void markAttached(String key) {
        RuntimeException failure = nextAttachedThrows;
        nextAttachedThrows = null;
        if (failure != null) {
            throw failure;
        }
        files.computeIfPresent(key, (k, f) -> new File(f.bytes(), f.contentType(), false, f.version()));
    }

    @Override
    public void markUnattached(String key) {
        Runnable before = beforeNextUnattached;
        beforeNextUnattached = null;
        if (before != null) {
            before.run();
        }
        File f = files.get(key);
        if (f == null) {
            // As S3 answers a tag for no object (the copy an edit or a delete let go meanwhile).
            throw NoSuchKeyException.builder().message("NoSuchKey").build();
        }
        files.put(key, new File(f.bytes(), f.contentType(), true, f.version()));
    }

    @Override
    public void delete(String key) {
        files.remove(key);
    }

    @Override
    public URI readUrl(String key, Duration lifetime) {
        return URI.create("http://127.0.0.1:9/bilder/" + key + "?X-Amz-Expires=" + lifetime.toSeconds());
    }

    @Override
    public UploadForm uploadForm(String keyPrefix, String key, Optional<String> redirect, Instant now) {
        return UploadPolicy.form("http://127.0.0.1:9/bilder", "bilder", key, keyPrefix, redirect,
                new UploadPolicy.Signer("local", "local", Optional.empty(), Optional.empty(), "eu-north-1"), now);
    }
}
