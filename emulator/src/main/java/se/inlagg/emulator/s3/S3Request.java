package se.inlagg.emulator.s3;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One request, path-style: {@code /<bucket>/<key>} with the bucket and key percent-decoded, the
 * query's parameters (a subresource such as {@code ?tagging} has an empty value) and the headers.
 */
final class S3Request {

    private final String method;
    private final String bucket;
    private final String key;
    private final Map<String, String> query;
    private final Headers headers;
    private final CountingInputStream body;
    private final String requestId = UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);

    private S3Request(String method, String bucket, String key, Map<String, String> query, Headers headers, InputStream body) {
        this.method = method;
        this.bucket = bucket;
        this.key = key;
        this.query = query;
        this.headers = headers;
        this.body = new CountingInputStream(body);
    }

    static S3Request of(HttpExchange exchange) {
        String rawPath = exchange.getRequestURI().getRawPath();
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        String bucket = null;
        String key = null;
        if (path.length() > 1) {
            int slash = path.indexOf('/', 1);
            if (slash < 0) {
                bucket = PercentEncoding.decodePath(path.substring(1));
            } else {
                bucket = PercentEncoding.decodePath(path.substring(1, slash));
                String rest = path.substring(slash + 1);
                key = rest.isEmpty() ? null : PercentEncoding.decodePath(rest);
            }
        }
        return new S3Request(exchange.getRequestMethod().toUpperCase(Locale.ROOT), bucket, key,
                parseQuery(exchange.getRequestURI().getRawQuery()), exchange.getRequestHeaders(), exchange.getRequestBody());
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = PercentEncoding.decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
                query.putIfAbsent(name, eq < 0 ? "" : PercentEncoding.decodeQuery(pair.substring(eq + 1)));
            }
        }
        return query;
    }

    String method() {
        return method;
    }

    /** The bucket named by the path, or null for {@code /}. */
    String bucket() {
        return bucket;
    }

    /** The key named by the path, or null when the path names only a bucket. */
    String key() {
        return key;
    }

    boolean has(String parameter) {
        return query.containsKey(parameter);
    }

    String query(String parameter) {
        return query.get(parameter);
    }

    String header(String name) {
        return headers.getFirst(name);
    }

    /** The declared body length, or -1 when the body is chunked or the header is missing. */
    long contentLength() {
        String value = header("Content-Length");
        try {
            return value == null ? -1 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The {@code x-amz-meta-*} headers, names in lower case without the prefix, as S3 keeps them. */
    Map<String, String> userMetadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-amz-meta-") && !values.isEmpty()) {
                metadata.put(lower.substring("x-amz-meta-".length()), String.join(",", values));
            }
        });
        return metadata;
    }

    InputStream body() {
        return body;
    }

    /** How much of a fixed-length body is still unread: 0 once it was read to its end, -1 when the length is unknown. */
    long unread() {
        if (body.ended()) {
            return 0;
        }
        long declared = contentLength();
        return declared < 0 || header("Transfer-Encoding") != null ? -1 : declared - body.count();
    }

    String requestId() {
        return requestId;
    }

    /** Where the client reached us, for the object URLs S3 puts in its answers. */
    String origin() {
        String host = header("Host");
        return "http://" + (host == null ? "127.0.0.1" : host);
    }
}
