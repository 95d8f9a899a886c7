package se.inlagg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.inlagg.http.HttpRequest;
import se.inlagg.posts.IdempotentRequest;

class IdempotencyKeysTest {

    private static IdempotentRequest read(Map<String, Object> body) {
        return IdempotencyKeys.read(HttpRequest.builder().header("Idempotency-Key", "nyckel-1").build(), body).orElseThrow();
    }

    /** Found by a probe: the post is stored composed, but a retry sent decomposed was refused as another request (422). */
    @Test
    void aRetryWithItsTextDecomposedIsTheSameRequest() {
        var composed = read(Map.of("title", "Möte på kontoret", "author", Map.of("name", "Åsa Öberg"), "tags", List.of("Frivård")));
        var decomposed = read(Map.of("title", "Mo\u0308te pa\u030a kontoret", "author", Map.of("name", "A\u030asa O\u0308berg"),
                "tags", List.of("Friva\u030ard")));
        assertEquals(composed, decomposed);
        assertNotEquals(composed, read(Map.of("title", "Mote pa kontoret", "author", Map.of("name", "Asa Oberg"), "tags", List.of("Frivard"))),
                "letters without their marks are other text");
    }
}
