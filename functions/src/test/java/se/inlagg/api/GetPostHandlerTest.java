package se.inlagg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.inlagg.http.HttpDates;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.posts.Byline;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.Status;
import se.inlagg.posts.Tag;

/** What GET /api/posts/{slug} answers a client that revalidates the copy it has. */
class GetPostHandlerTest {

    /** Changed at 09:15:42.678: its Last-Modified says 09:15:42, an HTTP-date being to the second. */
    static final Post POST = new Post(new PostSummary("5ad2042c-f7f5-47ac-98da-d4ede0d324ab", "manadsmote-i-ystad", "Månadsmöte i Ystad",
            "Vi träffades.", new Byline("Åsa Öberg", Optional.empty(), Optional.of("Ystad")), List.of(Tag.named("Frivård")), Optional.empty(),
            Status.PUBLISHED, Instant.parse("2026-11-02T08:00:00Z"), true, Instant.parse("2026-11-30T09:15:42.678Z"), 3,
            "3f2b8c1e-5d4a-4e7b-9c2f-1a6d8e0b7c44"), "Vi träffades.", "<p>Vi träffades.</p>");
    static final String LAST_MODIFIED = "Mon, 30 Nov 2026 09:15:42 GMT";

    static HttpResponse get(Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.builder().method("GET").routeKey("GET /api/posts/{slug}").path("/api/posts/manadsmote-i-ystad")
                .pathParameter("slug", "manadsmote-i-ystad");
        headers.forEach(request::header);
        return GetPostHandler.shown(request.build(), POST, false);
    }

    @Test
    void ifModifiedSinceAloneAnswers304WhileThePostHasNotChangedSinceThatSecond() {
        HttpResponse whole = get(Map.of());
        assertEquals(200, whole.status());
        assertEquals(LAST_MODIFIED, whole.header("last-modified"));

        HttpResponse same = get(Map.of("if-modified-since", LAST_MODIFIED));
        assertEquals(304, same.status(), "changed within the second it names, not after it");
        assertEquals(0, same.body().length);
        assertEquals(304, get(Map.of("if-modified-since", "Tue, 01 Dec 2026 00:00:00 GMT")).status());
        assertEquals(304, get(Map.of("if-modified-since", "Monday, 30-Nov-26 09:15:42 GMT")).status(), "an obsolete form of the date is read too");
        // What a 304 says is what the 304 to a matching If-None-Match says: the client keeps its copy under these headers.
        assertEquals(get(Map.of("if-none-match", whole.header("etag"))).headers(), same.headers());

        HttpResponse before = get(Map.of("if-modified-since", "Mon, 30 Nov 2026 09:15:41 GMT"));
        assertEquals(200, before.status(), "changed after the date given");
        assertTrue(before.bodyText().contains("\"title\":\"Månadsmöte i Ystad\""), before.bodyText());
    }

    @Test
    void anIfModifiedSinceThatIsNoDateIsIgnored() {
        for (String garbage : List.of("igår", "30 Nov 2026", "Mon, 30 Nov 2026 09:15:42 GMT, Tue, 01 Dec 2026 00:00:00 GMT", "")) {
            assertEquals(200, get(Map.of("if-modified-since", garbage)).status(), garbage);
        }
    }

    /**
     * A date later than now was never a Last-Modified this service gave: a client whose clock runs ahead would otherwise
     * keep its copy through every change until that date.
     */
    @Test
    void anIfModifiedSinceLaterThanNowIsIgnored() {
        String nextYear = HttpDates.format(Instant.now().plus(Duration.ofDays(365)));
        HttpResponse answer = get(Map.of("if-modified-since", nextYear));
        assertEquals(200, answer.status(), nextYear);
        assertTrue(answer.bodyText().contains("\"title\":\"Månadsmöte i Ystad\""), answer.bodyText());
    }

    /** RFC 9110, 13.2.2: If-None-Match decides when it comes, and If-Modified-Since is then not looked at. */
    @Test
    void ifNoneMatchDecidesWhenBothCome() {
        String etag = get(Map.of()).header("etag");
        assertEquals(200, get(Map.of("if-none-match", "\"en-annan-version\"", "if-modified-since", "Tue, 01 Dec 2026 00:00:00 GMT")).status(),
                "another version's tag: the whole post, however late the date");
        assertEquals(304, get(Map.of("if-none-match", etag, "if-modified-since", "Sun, 01 Nov 2026 00:00:00 GMT")).status(),
                "this version's tag: 304, however early the date");
    }
}
