package se.inlagg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.ProblemException;
import se.inlagg.posts.FieldError;
import se.inlagg.posts.IdempotentRequest;

class IdempotencyKeysTest {

    /** A request that sends {@code key} as its Idempotency-Key header. */
    private static HttpRequest keyed(String key) {
        return HttpRequest.builder().header("Idempotency-Key", key).build();
    }

    private static IdempotentRequest read(Map<String, Object> body) {
        return IdempotencyKeys.read(keyed("nyckel-1"), body).orElseThrow();
    }

    private static int refusedWith(String key) {
        var e = assertThrows(ProblemException.class,
                () -> IdempotencyKeys.read(keyed(key), Map.of()), key);
        assertEquals(List.of("Idempotency-Key"), e.problem().details().stream().map(FieldError::field).toList());
        return e.problem().status();
    }

    /** README "Limits": a key is 1–100 printable ASCII characters; a longer one, or one with "ä", is refused 400 naming the header. */
    @Test
    void aKeyOfAHundredAsciiCharactersIsTakenAndALongerOrNonAsciiOneIsRefused() {
        assertTrue(IdempotencyKeys.read(keyed("k".repeat(100)), Map.of()).isPresent(),
                "exactly the limit");
        assertEquals(400, refusedWith("k".repeat(101)), "one character more");
        assertEquals(400, refusedWith("nyckel-ä"), "not ASCII");
        assertEquals(400, refusedWith("nyckel\t1"), "not printable");
        assertEquals(400, refusedWith(" "), "blank");
    }

    /** Printable ASCII runs from the space to "~": a key with a space or a tilde is taken, one with DEL (U+007F) refused. */
    @Test
    void aKeyWithASpaceIsTakenAndOneWithDeleteIsRefused() {
        for (String key : List.of("order 42", "a~b")) {
            assertTrue(IdempotencyKeys.read(keyed(key), Map.of()).isPresent(), key);
        }
        assertEquals(400, refusedWith("nyckel\u007f1"), "DEL is no printable character");
    }

    /** A key is compared as sent: two keys that differ only in case are two creates, not the second answered with the first's post. */
    @Test
    void keysThatDifferOnlyInCaseAreTwoKeys() {
        var lower = IdempotencyKeys.read(keyed("ab12-cd"), Map.of()).orElseThrow();
        var upper = IdempotencyKeys.read(keyed("AB12-CD"), Map.of()).orElseThrow();
        assertNotEquals(lower.keySha256(), upper.keySha256());
    }

    /** The post is stored composed, so a retry sent decomposed is the same request, not another (422). */
    @Test
    void aRetryWithItsTextDecomposedIsTheSameRequest() {
        var composed = read(Map.of("title", "Möte på kontoret", "author", Map.of("name", "Åsa Öberg"), "tags", List.of("Frivård")));
        var decomposed = read(Map.of("title", "Mo\u0308te pa\u030a kontoret", "author", Map.of("name", "A\u030asa O\u0308berg"),
                "tags", List.of("Friva\u030ard")));
        assertEquals(composed, decomposed);
        assertNotEquals(composed, read(Map.of("title", "Mote pa kontoret", "author", Map.of("name", "Asa Oberg"), "tags", List.of("Frivard"))),
                "letters without their marks are other text");
    }

    /**
     * The hash of a request as it was sent is what every version before CreateFingerprint compared, and it is still
     * recorded beside what the request asks for: a version from before, deployed again after a rollback, answers the
     * retries of creates this one made by it, so its recipe must not change.
     */
    @Test
    void theHashOfARequestAsSentIsTheOneEarlierVersionsCompare() {
        var request = read(Map.of("title", "Möte på kontoret", "body", "Text.", "author", Map.of("name", "Åsa Öberg"),
                "tags", List.of("Frivård"), "status", "draft"));
        // SHA-256 of {"author":{"name":"Åsa Öberg"},"body":"Text.","status":"draft","tags":["Frivård"],"title":"Möte på kontoret"}
        assertEquals("181a7dd61e4fd75cc1c471d313ed9b00c6241863219e040f62833d39cc6da5d2", request.requestSha256());
        assertEquals(Optional.empty(), request.commandSha256(), "what it asks for is the rules' to read");
    }
}
