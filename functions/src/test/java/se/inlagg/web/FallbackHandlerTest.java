package se.inlagg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;

class FallbackHandlerTest {

    static HttpResponse answer(String routeKey, String method, String path) {
        return new FallbackHandler().answer(HttpRequest.builder().routeKey(routeKey).method(method).path(path).build());
    }

    @Test
    void anUnknownPathIs404AndAKnownPathWithAnotherMethodIs405() {
        assertEquals(404, answer("$default", "GET", "/finns-inte").status());
        assertEquals(405, answer("ANY /api/tags", "POST", "/api/tags").status());
    }

    @Test
    void underApiTheAnswerIsJsonElsewhereASwedishPage() {
        HttpResponse api = answer("$default", "GET", "/api/finns-inte");
        assertTrue(api.header("content-type").startsWith("application/json"));
        assertTrue(api.bodyText().contains("\"code\":\"not_found\""));
        HttpResponse page = answer("$default", "GET", "/finns-inte");
        assertTrue(page.header("content-type").startsWith("text/html"));
        assertTrue(page.bodyText().contains("<html lang=\"sv\">"));
        assertTrue(page.bodyText().contains("Sidan finns inte"), page.bodyText());
    }
}
