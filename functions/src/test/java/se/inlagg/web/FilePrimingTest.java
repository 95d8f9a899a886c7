package se.inlagg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;

/**
 * The functions that read no table prime with requests of their own, so a restored copy's first
 * answer runs compiled code: each must be the answer a browser gets, compressed as it asks.
 */
class FilePrimingTest {

    @Test
    void theStylesheetPrimesWithItsCurrentFileCompressed() {
        var handler = new StylesheetHandler();
        List<HttpRequest> requests = handler.primingRequests();
        assertEquals(1, requests.size());
        HttpResponse answer = handler.answer(requests.getFirst());
        assertEquals(200, answer.status());
        assertEquals("gzip", answer.header("content-encoding"));
        assertTrue(answer.header("cache-control").contains("immutable"), answer.header("cache-control"));
    }

    @Test
    void theFallbackPrimesWithAMissingPageAndAMissingApiPath() {
        var handler = new FallbackHandler();
        List<HttpResponse> answers = handler.primingRequests().stream().map(handler::answer).toList();
        assertEquals(List.of(404, 404), answers.stream().map(HttpResponse::status).toList());
        assertTrue(answers.get(0).header("content-type").startsWith("text/html"));
        assertTrue(answers.get(1).header("content-type").startsWith("application/json"));
    }
}
