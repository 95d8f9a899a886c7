package se.inlagg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import se.inlagg.http.HttpResponse;

/** The OpenAPI function reads no table; it primes with the request clients send it, answered in full. */
class OpenApiPrimingTest {

    @Test
    void itPrimesWithTheDocumentCompressed() {
        var handler = new OpenApiHandler();
        HttpResponse answer = handler.answer(handler.primingRequests().getFirst());
        assertEquals(200, answer.status());
        assertEquals("application/json", answer.header("content-type").split(";")[0]);
        assertEquals("gzip", answer.header("content-encoding"));
    }
}
