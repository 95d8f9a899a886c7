package se.inlagg.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.inlagg.posts.Sha256;

/**
 * Where the next page of results starts: an offset, bound to the query and scope it belongs to, so a cursor
 * copied onto another query, or the same words in another scope, is refused instead of paging somewhere arbitrary. Results are ranked by
 * relevance and the index changes between requests, so an offset is the honest position to keep.
 */
final class SearchCursor {

    /** No page starts this deep ({@link SearchService#MAX_HITS}), which bounds the work one request can ask for. */
    static final int MAX_OFFSET = SearchService.MAX_HITS;
    private static final Pattern FORM = Pattern.compile("s1\\|(\\d{1,4})\\|([A-Za-z0-9_-]{11})");

    private SearchCursor() {
    }

    static String encode(String query, SearchScope scope, int offset) {
        String text = "s1|" + offset + "|" + fingerprint(query, scope);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The offset the cursor names, when it is one of ours for this very query in this scope. */
    static Optional<Integer> decode(String cursor, String query, SearchScope scope) {
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
        if (!m.matches() || !m.group(2).equals(fingerprint(query, scope))) {
            return Optional.empty();
        }
        int offset = Integer.parseInt(m.group(1));
        // A page starts within the first 1,000 hits (a cursor made before they were counted so may name the 1,000th).
        return offset < MAX_OFFSET ? Optional.of(offset) : Optional.empty();
    }

    /** The query's, and in a scope the scope's too (a cursor made before scopes, of the query alone, still reads). */
    private static String fingerprint(String query, SearchScope scope) {
        String bound = scope.isEverywhere() ? query.strip() : query.strip() + "\u0000" + scope.key();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.of(bound.getBytes(StandardCharsets.UTF_8))).substring(0, 11);
    }
}
