package se.inlagg.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * A file packed in the function's jar (the stylesheet, the OpenAPI document), read once per
 * container, with its ETag and a short content hash for names that change when it does.
 */
public record BundledFile(byte[] bytes, String contentType, String etag) {

    public static BundledFile read(String resource, String contentType) {
        try (InputStream in = BundledFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not in the jar");
            }
            byte[] bytes = in.readAllBytes();
            return new BundledFile(bytes, contentType, ETags.ofContent(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ten characters of the content's hash, safe in a file name: style.3kP9xQ2mZa.css. */
    public String hash() {
        return etag.substring(1, 11).replace('_', 'x').replace('-', 'y');
    }

    public HttpResponse response() {
        return new HttpResponse(200, Map.of("content-type", contentType, "etag", etag), List.of(), bytes);
    }
}
