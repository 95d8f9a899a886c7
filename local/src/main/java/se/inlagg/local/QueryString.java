package se.inlagg.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request target as API Gateway hands it to a function: the raw query as the client sent it,
 * and its parameters decoded (percent-encoded UTF-8, {@code +} as a space, repeated keys joined
 * with commas, as payload 2.0's queryStringParameters join them).
 */
final class QueryString {

    private QueryString() {
    }

    /**
     * The JDK's HTTP server reads the request line as ISO-8859-1, one char per byte, so a client that
     * sends UTF-8 unencoded (curl does, for {@code ?tag=Frivård}) arrives as mojibake. Those chars are
     * the original bytes; read as UTF-8 they are the text the client meant, as API Gateway reads it.
     */
    static String fromRequestLine(String latin1) {
        for (int i = 0; i < latin1.length(); i++) {
            if (latin1.charAt(i) > 0x7F) {
                return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            }
        }
        return latin1;
    }

    /** The parameters of a raw query: decoded, in order of first appearance, repeated keys joined by commas. */
    static Map<String, String> parameters(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            q.merge(key, value, (a, b) -> a + "," + b);
        }
        return q;
    }

    /** A malformed escape ({@code %zz}) stays as it came, rather than failing the whole request. */
    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
