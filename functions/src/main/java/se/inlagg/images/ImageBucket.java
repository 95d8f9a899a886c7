package se.inlagg.images;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The pictures bucket, in the few operations the site needs: read part of a file, copy an upload
 * to where a post's picture lives (or put the file made of it for readers there), mark a file attached or unattached (the lifecycle removes
 * unattached ones), delete, and give browsers short-lived addresses to read or upload a file.
 */
public interface ImageBucket {

    /** Part of a file, how long the whole file is, and which version of it this is (its ETag). */
    record Chunk(byte[] bytes, long size, String version) {
    }

    /**
     * Up to {@code length} bytes from {@code offset}; empty when there is no such file, or, given the version an
     * earlier read saw, when the file has been replaced since (an upload form may put to its key again for an hour).
     */
    Optional<Chunk> read(String key, Optional<String> version, long offset, int length);

    /**
     * A copy of that version of an upload under a picture's key, with the type read from its bytes and no tag: kept, as
     * a post is about to show it. Marked unattached only once its save knows no post does ({@link #markUnattached}).
     * False, copying nothing, when the upload is gone or is no longer the version that was read (and checked).
     */
    boolean copy(String from, String version, String to, ImageType type);

    /**
     * A picture made here for readers from a checked upload (PictureForReaders) under a picture's key, of that type, with no
     * tag: kept, as {@link #copy} keeps one.
     */
    void put(String to, byte[] bytes, ImageType type);

    /** The file is shown by a post: the lifecycle must leave it. */
    void markAttached(String key);

    /** No post shows the file: the lifecycle may take it. */
    void markUnattached(String key);

    void delete(String key);

    /** A short-lived address from which a browser reads the file. */
    URI readUrl(String key, Duration lifetime);

    /** A form with which a browser puts one file under the prefix, straight into the bucket. */
    UploadForm uploadForm(String keyPrefix, String key, Optional<String> redirect, Instant now);
}
