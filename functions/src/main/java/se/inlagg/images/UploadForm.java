package se.inlagg.images;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A browser's way to put one file straight into the bucket: the address to POST to and the
 * fields to send before the file (in this order; S3 ignores fields after the file), signed for
 * one author's upload prefix until {@code expiresAt}.
 */
public record UploadForm(String url, Map<String, String> fields, String key, Instant expiresAt) {

    public UploadForm {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
