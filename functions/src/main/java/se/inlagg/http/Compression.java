package se.inlagg.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Gzips text answers for clients that accept it. An HTTP API does not compress, and pages, feeds
 * and JSON shrink to a fifth; the CDN caches each encoding apart (Vary: Accept-Encoding).
 */
final class Compression {

    /** Below about one packet, compressing saves nothing worth the CPU. */
    static final int MIN_BYTES = 1024;

    private Compression() {
    }

    static HttpResponse apply(HttpRequest request, HttpResponse response) {
        if (!compressible(response.header("content-type"))) {
            return response;
        }
        HttpResponse varied = response.withHeader("vary", vary(response.header("vary")));
        if (!response.header("content-encoding").isEmpty() || !acceptsGzip(request.header("accept-encoding").orElse(""))) {
            return varied;
        }
        // The gzip representation's own tag, small answers too (sent as they are, still a right tag for them), so a
        // 304 can name it without knowing the body's size.
        HttpResponse tagged = response.header("etag").isEmpty() ? varied : varied.withHeader("etag", gzipTag(response.header("etag")));
        if (response.body().length < MIN_BYTES) {
            return tagged;
        }
        return tagged.withBody(gzip(response.body())).withHeader("content-encoding", "gzip");
    }

    /**
     * The ETag of the gzipped representation: another tag than the plain answer's, as RFC 9110 (8.8.3) asks of a
     * strong tag, so no cache takes one encoding's bytes for the other's.
     * {@link ETags#matchesStrongly} reads either tag back as the same version (If-Match); If-None-Match revalidates only the one
     * the request gets (Caching.notModified).
     */
    static String gzipTag(String etag) {
        return etag.endsWith("\"") ? etag.substring(0, etag.length() - 1) + ETags.GZIP_SUFFIX + "\"" : etag;
    }

    /** The tag a 304 for this request names: the gzip representation's, if that is the one this client gets. */
    static String tagFor(HttpRequest request, String contentType, String etag) {
        return compressible(contentType) && acceptsGzip(request.header("accept-encoding").orElse("")) ? gzipTag(etag) : etag;
    }

    static boolean compressible(String contentType) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.equals("application/json") || type.endsWith("+json")
                || type.endsWith("+xml") || type.equals("application/xml") || type.equals("image/svg+xml");
    }

    /**
     * Whether the client takes gzip (RFC 9110, 12.5.3): as it names gzip (or x-gzip, its old name), and only
     * when it does not, as it names "*"; q=0 refuses. gzip named anywhere outweighs "*": "*, gzip;q=0" takes no gzip.
     */
    static boolean acceptsGzip(String header) {
        Boolean any = null;
        for (String part : header.toLowerCase(Locale.ROOT).split(",")) {
            // Every piece kept, empty ones too: otherwise ";" alone splits to no pieces at all, and every route answers
            // 500 to "Accept-Encoding: ;", after a write is made.
            String[] pieces = part.strip().split(";", -1);
            String coding = pieces[0].strip();
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                return !refused(pieces);
            }
            if (coding.equals("*") && any == null) {
                any = !refused(pieces);
            }
        }
        return any != null && any;
    }

    /** Whether a coding's parameters give it q=0. */
    private static boolean refused(String[] pieces) {
        for (int i = 1; i < pieces.length; i++) {
            if (pieces[i].strip().replace(" ", "").matches("q=0(\\.0{0,3})?")) {
                return true;
            }
        }
        return false;
    }

    static String vary(String existing) {
        if (existing.isEmpty()) {
            return "Accept-Encoding";
        }
        return existing.toLowerCase(Locale.ROOT).contains("accept-encoding") ? existing : existing + ", Accept-Encoding";
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
