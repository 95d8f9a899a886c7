package se.inlagg.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A signed-in author's search page, compressed, holds the session's CSRF token beside the words searched: the same bytes
 * on every page would let the sizes of the answers give it away a character at a time (BREACH). Each page carries it
 * under a pad of its own; any of them, and the token as it is, passes; nothing else does.
 */
class MaskedTokenTest {

    @Test
    void everyPageCarriesOtherBytesAndEachIsTheSessionsToken() {
        String csrf = Tokens.newToken();
        Set<String> pages = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String masked = Sessions.masked(csrf);
            assertFalse(masked.contains(csrf), "the token itself is nowhere in the page");
            assertTrue(masked.matches("[A-Za-z0-9_-]+"), "safe in an attribute as it is: " + masked);
            assertTrue(Sessions.sameFormToken(csrf, masked));
            pages.add(masked);
        }
        assertTrue(pages.size() == 50, "no two pages alike");
        assertTrue(Sessions.sameFormToken(csrf, csrf), "as it is too (a form of a page made before, the replayed events)");
    }

    @Test
    void anotherSessionsTokenOrAnAlteredOneDoesNotPass() {
        String csrf = Tokens.newToken();
        String masked = Sessions.masked(csrf);
        assertFalse(Sessions.sameFormToken(Tokens.newToken(), masked), "another session's");
        // A character in the middle: all six of its bits are the token's (the last one's lowest are not).
        int middle = masked.length() / 2;
        String altered = masked.substring(0, middle) + (masked.charAt(middle) == 'A' ? 'B' : 'A') + masked.substring(middle + 1);
        assertNotEquals(masked, altered);
        assertFalse(Sessions.sameFormToken(csrf, altered));
        assertFalse(Sessions.sameFormToken(csrf, ""));
        assertFalse(Sessions.sameFormToken(csrf, null));
        assertFalse(Sessions.sameFormToken(csrf, "%%%"), "not base64, not the token");
        assertFalse(Sessions.sameFormToken(csrf, csrf + "x"));
    }
}
