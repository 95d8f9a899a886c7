package se.inlagg.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the next page of results starts: an offset, bound to the query it belongs to, so a cursor
 * copied onto another query is refused instead of paging somewhere arbitrary. Results are ranked by
 * relevance and the index changes between requests, so an offset is the honest position to keep.
 */
final class SearchCursor {

    /** Deeper than any reader pages; bounds the work one request can ask for. */
    static final int MAX_OFFSET = 1_000;
    private static final Pattern FORM = Pattern.compile("s1\\|(\\d{1,4})\\|([A-Za-z0-9_-]{11})");

    private SearchCursor() {
    }

    static String encode(String query, int offset) {
        String text = "s1|" + offset + "|" + fingerprint(query);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The offset the cursor names, when it is one of ours for this very query. */
    static Optional<Integer> decode(String cursor, String query) {
        if (cursor.isEmpty() || cursor.length() > 64) {
            return Optional.empty();
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches() || !m.group(2).equals(fingerprint(query))) {
            return Optional.empty();
        }
        int offset = Integer.parseInt(m.group(1));
        return offset <= MAX_OFFSET ? Optional.of(offset) : Optional.empty();
    }

    private static String fingerprint(String query) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(query.strip().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 11);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
