package se.inlagg.search;

import java.util.Collection;
import java.util.Optional;

/**
 * Where the search index lives between invocations: immutable files under unique keys, and one
 * manifest naming the files of the current commit and holding the smallest of them itself
 * ({@link Manifest#INLINE_AT_MOST}). Only the manifest ever changes, and only by a conditional
 * write, so two indexers can never lose each other's work. S3 in AWS and locally; in memory in unit
 * tests.
 */
public interface IndexFiles {

    /** What reading the manifest found. */
    sealed interface ManifestRead {
    }

    /** The manifest is still the version the reader named. */
    record Unchanged() implements ManifestRead {
    }

    /** There is no index yet. */
    record Missing() implements ManifestRead {
    }

    /** The manifest as stored now, and the tag that names this version of it. */
    record Found(byte[] bytes, String etag) implements ManifestRead {
    }

    /** A file the manifest named is gone: a newer manifest replaced it. Read the manifest again. */
    final class FileGone extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public FileGone(String key) {
            super("index file " + key + " is gone", null, false, false);
        }
    }

    /** The manifest, unless it is still at {@code unlessTag} (a cheap check: S3 answers 304 without a body). */
    ManifestRead readManifest(Optional<String> unlessTag);

    /** A file's bytes; {@link FileGone} when it is no longer there. */
    byte[] read(String key);

    /** Stores a file under a key no other file has had. */
    void write(String key, byte[] bytes);

    /**
     * Replaces the manifest if it is still at {@code expectedTag} (or, with none, if there is none
     * yet). The new version's tag when it was replaced; empty when another writer got there first.
     */
    Optional<String> swapManifest(byte[] manifest, Optional<String> expectedTag);

    /** Removes files no manifest names any more; a failure only leaves garbage, so it is logged, not thrown. */
    void delete(Collection<String> keys);
}
