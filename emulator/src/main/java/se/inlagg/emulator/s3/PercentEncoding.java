package se.inlagg.emulator.s3;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Percent-decoding of paths (where '+' is a plus), and the encodings S3 uses in queries and listings. */
final class PercentEncoding {

    private PercentEncoding() {
    }

    /** Decodes %XX escapes as UTF-8 and keeps every other character, '+' included, as it is in a path. */
    static String decodePath(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && hex(raw.charAt(i + 1)) >= 0 && hex(raw.charAt(i + 2)) >= 0) {
                bytes.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 3;
            } else {
                // A run up to the next '%', encoded whole so that surrogate pairs stay pairs.
                int end = raw.indexOf('%', i + 1);
                end = end < 0 ? raw.length() : end;
                bytes.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    /** A query or form value: '+' is a space. */
    static String decodeQuery(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    /** A query value as S3 writes it in redirects and url-encoded listings; '/' stays readable. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    /** A key as it appears in a path-style URL: every segment encoded, '/' kept. */
    static String encodePath(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
    }
}
