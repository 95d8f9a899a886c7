package se.inlagg.emulator.s3;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The headers that describe an object: those S3 keeps from an upload (Content-Type and five more,
 * the user metadata), the limits it sets on them, and how a GET or HEAD sends them back.
 */
final class ObjectHeaders {

    /** S3's content type for an upload that names none. */
    static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";
    static final List<String> KEPT = List.of("Cache-Control", "Content-Disposition", "Content-Encoding", "Content-Language", "Expires");
    private static final int MAX_KEY_BYTES = 1024;
    private static final int MAX_METADATA_BYTES = 2 * 1024;

    private ObjectHeaders() {
    }

    static String contentType(String given) {
        return given == null || given.isBlank() ? DEFAULT_CONTENT_TYPE : given;
    }

    /** The kept headers from a request's headers, or a form's fields (names in lower case). */
    static Map<String, String> kept(Function<String, String> lookup) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : KEPT) {
            String value = lookup.apply(name);
            if (name.equals("Content-Encoding") && value != null) {
                // aws-chunked describes the upload, not the object; S3 drops it.
                value = String.join(",", List.of(value.split(",")).stream().map(String::strip)
                        .filter(v -> !v.equalsIgnoreCase("aws-chunked")).toList());
            }
            if (value != null && !value.isEmpty()) {
                kept.put(name, value);
            }
        }
        return kept;
    }

    static void checkKey(String key) {
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_KEY_BYTES) {
            throw new S3Error(400, "KeyTooLongError", "Your key is too long").with("Size", bytes).with("MaxSizeAllowed", MAX_KEY_BYTES);
        }
    }

    static void checkMetadata(Map<String, String> metadata) {
        int size = 0;
        for (var e : metadata.entrySet()) {
            size += e.getKey().getBytes(StandardCharsets.UTF_8).length + e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (size > MAX_METADATA_BYTES) {
            throw new S3Error(400, "MetadataTooLarge", "Your metadata headers exceed the maximum allowed metadata size")
                    .with("Size", size).with("MaxSizeAllowed", MAX_METADATA_BYTES);
        }
    }

    /** Headers of a GET or HEAD answer; {@code response-*} query parameters override them, as in presigned GETs. */
    static void write(Answer answer, StoredObject o, S3Request request) {
        answer.header("Content-Type", override(request, "Content-Type", o.contentType()))
                .header("ETag", o.etag())
                .header("Last-Modified", Timestamps.http(o.lastModified()))
                .header("Accept-Ranges", "bytes");
        for (String name : KEPT) {
            answer.header(name, override(request, name, o.headers().get(name)));
        }
        o.metadata().forEach((name, value) -> answer.header("x-amz-meta-" + name, value));
    }

    private static String override(S3Request request, String header, String value) {
        String forced = request.query("response-" + header.toLowerCase(Locale.ROOT));
        return forced != null ? forced : value;
    }
}
