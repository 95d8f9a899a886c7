package se.inlagg.search;

import java.util.Optional;

/**
 * One GET of an object in the index's bucket, answered as S3 answers it: 200 with the bytes and
 * the ETag, 304 when the object is still at the tag asked about, 404 when there is no such key.
 * Anything else is thrown as the SDK would throw it, so callers map failures as they map the
 * table's (a throttled S3 is a 503 with Retry-After).
 */
interface ObjectGet {

    Answer get(String key, Optional<String> ifNoneMatch);

    /** What S3 said; {@code body} is empty unless the status is 200. */
    record Answer(int status, byte[] body, String etag) {

        static final int OK = 200;
        static final int NOT_MODIFIED = 304;
        static final int NOT_FOUND = 404;

        static Answer notModified() {
            return new Answer(NOT_MODIFIED, new byte[0], "");
        }

        static Answer notFound() {
            return new Answer(NOT_FOUND, new byte[0], "");
        }
    }
}
