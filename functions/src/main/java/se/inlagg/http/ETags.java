package se.inlagg.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import se.inlagg.posts.Sha256;

/**
 * Entity tags for conditional requests (their dates are HttpDates'). A post's tag hashes its id with its version (and
 * how they are answered), so it changes with every change and never repeats for another post; a page's hashes its
 * content.
 */
public final class ETags {

    private ETags() {
    }

    /**
     * A post's tag: its id and version, and {@code representation}, what names how this code answers for a version, so a
     * deploy that answers otherwise (a new renderer, a new field) gives every post a new tag, and a copy kept by the CDN
     * or a client is not confirmed by a 304 as the answer it no longer is.
     */
    public static String ofVersion(String id, long version, String representation) {
        return ofContent((id + "\n" + version + "\n" + representation).getBytes(StandardCharsets.UTF_8));
    }

    /** A strong tag for exactly these bytes (pages, feeds, files). */
    public static String ofContent(byte[] content) {
        return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.of(content)).substring(0, 27) + "\"";
    }

    /** What a gzipped answer's tag adds inside the quotes ({@code "abc-gzip"}): the same version, another encoding. */
    static final String GZIP_SUFFIX = "-gzip";

    /**
     * If-Match: strong comparison against any tag in the list, or "*". A gzipped answer's tag names the same
     * version as the plain one: a client that read the post gzipped sends that tag back with its change.
     */
    public static boolean matchesStrongly(String header, String etag) {
        for (String candidate : header.split(",")) {
            String c = plain(candidate.strip());
            if (c.equals("*") || c.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an If-Match names "*": any current version will do (RFC 9110, 13.1.1), so a change sent so is a change
     * sent with no version, retried from a fresh read when it loses a race, never refused for a version nobody sent.
     */
    public static boolean namesAny(String header) {
        for (String candidate : header.split(",")) {
            if (candidate.strip().equals("*")) {
                return true;
            }
        }
        return false;
    }

    /**
     * If-None-Match: weak comparison, so W/"x" matches "x" (RFC 9110). Against the tag of one representation exactly: the
     * gzipped answer's tag is not the plain one's here (Caching.notModified).
     */
    public static boolean matchesWeakly(String header, String etag) {
        for (String candidate : header.split(",")) {
            String c = candidate.strip();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals("*") || c.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** A tag as this service made it before any encoding: "abc-gzip" is "abc". */
    private static String plain(String tag) {
        return tag.endsWith(GZIP_SUFFIX + "\"") ? tag.substring(0, tag.length() - GZIP_SUFFIX.length() - 1) + "\"" : tag;
    }
}
