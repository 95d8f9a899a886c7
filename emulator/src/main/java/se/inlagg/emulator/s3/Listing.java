package se.inlagg.emulator.s3;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import se.inlagg.emulator.Utf8Order;

/**
 * ListObjectsV2: keys in UTF-8 order after {@code start-after} or the continuation token, under a
 * prefix, rolled up into common prefixes at the delimiter, at most {@code max-keys} entries (keys
 * and prefixes together). With {@code encoding-type=url} (SDKs ask for it) names are URL-encoded.
 */
final class Listing {

    private static final int MAX_KEYS = 1000;

    private final Buckets buckets;

    Listing(Buckets buckets) {
        this.buckets = buckets;
    }

    private record Entry(String name, StoredObject object) {
    }

    Answer listV2(S3Request request) {
        String prefix = orEmpty(request.query("prefix"));
        String delimiter = orEmpty(request.query("delimiter"));
        String startAfter = request.query("start-after");
        String token = request.query("continuation-token");
        int maxKeys = maxKeys(request.query("max-keys"));
        boolean url = encoding(request.query("encoding-type"));
        String after = token != null ? decodeToken(token) : startAfter;

        List<Entry> entries = new ArrayList<>();
        boolean truncated = buckets.reading(() -> collect(buckets.bucket(request.bucket()), prefix, delimiter, after, maxKeys, entries));

        XmlWriter xml = new XmlWriter().open("ListBucketResult")
                .element("Name", request.bucket())
                .element("Prefix", encoded(prefix, url))
                .element("Delimiter", delimiter.isEmpty() ? null : encoded(delimiter, url))
                .element("MaxKeys", maxKeys)
                .element("EncodingType", url ? "url" : null)
                .element("KeyCount", entries.size())
                .element("IsTruncated", truncated)
                .element("ContinuationToken", token)
                .element("NextContinuationToken", truncated ? encodeToken(entries.getLast().name()) : null)
                .element("StartAfter", startAfter == null ? null : encoded(startAfter, url));
        for (Entry e : entries) {
            if (e.object() != null) {
                StoredObject o = e.object();
                xml.open("Contents").element("Key", encoded(o.key(), url))
                        .element("LastModified", Timestamps.xml(o.lastModified()))
                        .element("ETag", o.etag()).element("Size", o.size()).element("StorageClass", "STANDARD").close();
            }
        }
        for (Entry e : entries) {
            if (e.object() == null) {
                xml.open("CommonPrefixes").element("Prefix", encoded(e.name(), url)).close();
            }
        }
        return Answer.xml(200, xml.close());
    }

    /** Fills {@code entries} and answers whether more remain. */
    private static boolean collect(Bucket bucket, String prefix, String delimiter, String after, int maxKeys, List<Entry> entries) {
        if (maxKeys == 0) {
            return false;
        }
        Map<String, StoredObject> candidates = after == null || Utf8Order.INSTANCE.compare(after, prefix) < 0
                ? bucket.objects().tailMap(prefix, true)
                : bucket.objects().tailMap(after, false);
        String lastPrefix = null;
        for (var e : candidates.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(prefix)) {
                break;
            }
            String name = key;
            StoredObject object = e.getValue();
            if (!delimiter.isEmpty()) {
                int at = key.indexOf(delimiter, prefix.length());
                if (at >= 0) {
                    name = key.substring(0, at + delimiter.length());
                    object = null;
                    // Keys under a prefix already listed, or the one a continuation token stopped at, are rolled up into it.
                    if (name.equals(lastPrefix) || (after != null && Utf8Order.INSTANCE.compare(name, after) <= 0)) {
                        continue;
                    }
                }
            }
            if (entries.size() == maxKeys) {
                return true;
            }
            entries.add(new Entry(name, object));
            if (object == null) {
                lastPrefix = name;
            }
        }
        return false;
    }

    private static int maxKeys(String value) {
        if (value == null) {
            return MAX_KEYS;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 0) {
                return Math.min(n, MAX_KEYS);
            }
        } catch (NumberFormatException e) {
            // S3's answer follows.
        }
        throw S3Error.invalidArgument("Provided max-keys not an integer or within integer range", "max-keys", value);
    }

    private static boolean encoding(String value) {
        if (value == null) {
            return false;
        }
        if (value.equals("url")) {
            return true;
        }
        throw S3Error.invalidArgument("Invalid Encoding Method specified in Request", "encoding-type", value);
    }

    private static String encoded(String value, boolean url) {
        return url ? PercentEncoding.encode(value) : value;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** The token names the last entry sent; it is opaque to clients, as S3's is. */
    private static String encodeToken(String name) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(name.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw S3Error.invalidArgument("The continuation token provided is incorrect", "continuation-token", token);
        }
    }
}
