package se.inlagg.emulator.s3;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One object's metadata, as kept in its sidecar file and in memory: where its bytes are (the blob),
 * their size and MD5, the time it was written (whole seconds, as S3 reports it), the content type
 * and the other headers S3 keeps, the user metadata, the tags, and the checksum it was sent with.
 *
 * @param blob the name of the file (or memory entry) that holds the bytes; new for every write
 * @param headers Cache-Control, Content-Disposition, Content-Encoding, Content-Language, Expires, as sent
 * @param checksum the additional checksum sent with the upload, or null
 */
record StoredObject(String key, String blob, long size, String md5Hex, long lastModified, String contentType,
                    Map<String, String> headers, Map<String, String> metadata, Map<String, String> tags, Checksum checksum) {

    /** An {@code x-amz-checksum-*} value the upload carried and S3 returns when asked. */
    record Checksum(ChecksumAlgorithm algorithm, String value) {
    }

    StoredObject {
        headers = frozen(headers);
        metadata = frozen(metadata);
        tags = frozen(tags);
    }

    private static Map<String, String> frozen(Map<String, String> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** S3's ETag for a single-part upload: the MD5 in hex, in quotes. */
    String etag() {
        return "\"" + md5Hex + "\"";
    }

    StoredObject withTags(Map<String, String> newTags) {
        return new StoredObject(key, blob, size, md5Hex, lastModified, contentType, headers, metadata, newTags, checksum);
    }
}
