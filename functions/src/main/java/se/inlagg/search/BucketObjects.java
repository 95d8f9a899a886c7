package se.inlagg.search;

import java.util.Optional;

/**
 * The objects of the index's bucket, as S3 answers for them: a GET is 200 with the bytes and the
 * ETag, 304 when the object is still at the tag asked about, 404 when there is no such key; a PUT
 * answers the new ETag, or nothing when its condition did not hold; a DELETE of a key that is not
 * there is done. Anything else is thrown as the SDK would throw it, so callers map failures as
 * they map the table's (a throttled S3 is a 503 with Retry-After).
 */
interface BucketObjects {

    Answer get(String key, Optional<String> ifNoneMatch);

    /**
     * Stores the bytes under the key if the condition holds: the new version's ETag, or empty when
     * it did not ({@link Condition#refusedBy}).
     */
    Optional<String> put(String key, byte[] bytes, String contentType, Condition condition);

    void delete(String key);

    /** When a PUT may replace what the key holds. */
    sealed interface Condition {

        /**
         * Whether S3's answer (its status and error code, empty when it gave none) says this condition
         * did not hold: 412, or 409 when S3 saw two conditional writes at once; for {@link #matching},
         * a 404 NoSuchKey too, which S3 answers when the key holds nothing at all (an operator emptied
         * the index's folder: the writer reads the key again and starts afresh, where its batch failed;
         * from a review), but not NoSuchBucket, which is an error. Never for {@link #ANY}, which has no
         * condition to fail.
         */
        default boolean refusedBy(int status, String errorCode) {
            boolean noKey = status == 404 && (errorCode.isEmpty() || errorCode.equals("NoSuchKey"));
            return !(this instanceof Any) && (status == 412 || status == 409 || this instanceof Matching && noKey);
        }

        /** Whatever the key holds, if anything. */
        Condition ANY = new Any();

        /** Only if the key holds nothing yet ({@code If-None-Match: *}). */
        Condition ABSENT = new Absent();

        /** Only if the key still holds the version with this ETag ({@code If-Match}). */
        static Condition matching(String etag) {
            return new Matching(etag);
        }

        record Any() implements Condition {
        }

        record Absent() implements Condition {
        }

        record Matching(String etag) implements Condition {
        }
    }

    /** What S3 said to a GET; {@code body} is empty unless the status is 200. */
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
