package se.inlagg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
        assertEquals(405, answer("$default", "POST", "/api/tags").status());
        var fromElsewhere = new FallbackHandler().answer(HttpRequest.builder().routeKey("$default").method("POST").path("/finns-inte")
                .header("origin", "https://elak.example").header("sec-fetch-site", "cross-site").build());
        assertEquals(404, fromElsewhere.status(), "another site's POST to no page is still no page");
    }

    @Test
    void a405SaysWhatThePathAnswers() {
        assertEquals("GET, PATCH, DELETE", answer("$default", "PUT", "/api/posts/x").header("allow"));
        assertEquals("GET, HEAD", answer("$default", "DELETE", "/").header("allow"));
        assertEquals("", answer("$default", "GET", "/finns-inte").header("allow"), "a 404 has none");
        // As API Gateway matches: a {variable} is one segment that is not empty, and literal segments win.
        assertEquals("POST", answer("$default", "GET", "/posts/manadsmote/publish").header("allow"));
        assertEquals("GET, HEAD", answer("$default", "POST", "/posts/manadsmote").header("allow"));
        assertEquals("GET, HEAD", answer("$default", "DELETE", "/people/asa-oberg/feed.xml").header("allow"));
        assertEquals(404, answer("$default", "DELETE", "/posts//publish").status(), "an empty segment is no slug");
        assertEquals(404, answer("$default", "DELETE", "/posts/a/b/c/d").status());
        assertEquals(404, answer("$default", "PUT", "/api/posts/x/y").status());
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

    /** /tags/frivard/ is found, though no route ends in a slash. */
    @Test
    void aPageAddressEndingInASlashLeadsToTheSameAddressWithout() {
        HttpResponse slash = answer("$default", "GET", "/tags/frivard/");
        assertEquals(301, slash.status());
        assertEquals("/tags/frivard", slash.header("location"));
        HttpResponse withQuery = new FallbackHandler().answer(HttpRequest.builder().routeKey("$default").method("GET").path("/tags/frivard//")
                .rawQuery("cursor=abc").build());
        assertEquals("/tags/frivard?cursor=abc", withQuery.header("location"));
        assertEquals(404, answer("$default", "GET", "//elak.example/").status(), "never to another site");
        assertEquals(404, answer("$default", "GET", "/\\elak.example/").status());
        // API Gateway hands the path over decoded: /%09/elak.example/ arrives with a tab, which browsers drop.
        assertEquals(404, answer("$default", "GET", "/\t/elak.example/").status(), "never to another site, by a tab");
        assertEquals(404, answer("$default", "GET", "/a\r\nSet-Cookie: x=1/").status(), "nor a header of its own");
        assertEquals("public, max-age=86400", slash.header("cache-control"), "the same for everyone");
        assertEquals(404, answer("$default", "GET", "/api/finns-inte/").status(), "the API's JSON as it is");
        assertEquals(404, answer("$default", "POST", "/tags/frivard/").status(), "a form's post is not sent on");
        // /posts/ is not sent to /posts, a 404 too, by a redirect kept a day.
        for (String none : List.of("/posts/", "/finns-inte/", "/people/asa-oberg/finns-inte/", "/posts/tag-odd/publish/")) {
            HttpResponse answer = answer("$default", "GET", none);
            assertEquals(List.of(404, ""), List.of(answer.status(), answer.header("location")), none);
        }
        assertEquals(List.of(301, "/sok"), List.of(answer("$default", "GET", "/sok/").status(), answer("$default", "GET", "/sok/").header("location")));
    }

    /** /posts/Tag-Odd/ goes to /posts/tag-odd in one redirect, not by way of /posts/Tag-Odd. */
    @Test
    void aSlugTypedAnotherWayIsMadeThePagesOwnInTheSameRedirect() {
        assertEquals("/posts/tag-odd", answer("$default", "GET", "/posts/Tag-Odd/").header("location"));
        assertEquals("/posts/manadsmote-i-vastervik", answer("$default", "HEAD", "/posts/Månadsmöte-i-Västervik/").header("location"));
        assertEquals("/tags/frivard", answer("$default", "GET", "/tags/Frivård/").header("location"), "was not found: å is no address's");
        assertEquals("/tags/frivard", answer("$default", "GET", "/tags/Friv%C3%A5rd/").header("location"), "as the local server hands it over");
        assertEquals("/posts/tag-odd", answer("$default", "GET", "/posts/Tag%20Odd%FF/").header("location"),
                "the rest of a segment read around a byte of broken UTF-8 (from a review)");
        assertEquals("/tags/frivard/feed.xml", answer("$default", "GET", "/tags/FRIVARD/feed.xml/").header("location"));
        assertEquals("/people/asa-oberg", answer("$default", "GET", "/people/Åsa Öberg/").header("location"));
        assertEquals("/offices/frivarden-vastervik/feed.xml", answer("$default", "GET", "/offices/Frivarden-Vastervik/feed.xml/").header("location"));
        assertEquals("/archive/2019-01", answer("$default", "GET", "/archive/2019-01/").header("location"));
        HttpResponse withQuery = new FallbackHandler().answer(HttpRequest.builder().routeKey("$default").method("GET").path("/posts/Tag-Odd/")
                .rawQuery("utm_source=nyhetsbrev").build());
        assertEquals("/posts/tag-odd?utm_source=nyhetsbrev", withQuery.header("location"));
        // The edge keys a post by no query: kept, this redirect would send everyone asking /posts/Tag-Odd/ to that query.
        assertEquals("no-store", withQuery.header("cache-control"), "a redirect that carries a query is stored nowhere");
        assertEquals("public, max-age=86400", answer("$default", "GET", "/posts/Tag-Odd/").header("cache-control"), "one without, a day");
        // Only a reader's page of a post or a facet: an author's page keeps its path as typed, as its handler reads it.
        assertEquals("/posts/Tag-Odd/edit", answer("$default", "GET", "/posts/Tag-Odd/edit/").header("location"));
        assertEquals("/posts/Tag-Odd/preview", answer("$default", "GET", "/posts/Tag-Odd/preview/").header("location"));
        assertEquals(404, answer("$default", "GET", "/tags/FRIVARD/x/").status(), "no page is read at /tags/FRIVARD/x");
        assertEquals(404, answer("$default", "GET", "/posts/🎉/").status(), "nothing of a slug in it, and no address of ours as it is");
    }
}
