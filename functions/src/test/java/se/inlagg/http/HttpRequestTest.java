package se.inlagg.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.inlagg.posts.FieldError;

class HttpRequestTest {

    static HttpRequest body(String body, boolean base64) {
        return HttpRequest.builder().header("content-type", "application/json").body(body).base64(base64).build();
    }

    static int status(Runnable r) {
        return assertThrows(ProblemException.class, r::run).problem().status();
    }

    @Test
    void aQueryValueIsReadStrictlyFromTheRawQueryAndBrokenUtf8IsRefused() {
        var request = HttpRequest.builder().rawQuery("q=%22friv%C3%A5rd+ystad%22&cursor=a&page").build();
        assertEquals(Optional.of("\"frivård ystad\""), request.strictQuery("q"));
        assertEquals(Optional.of("a"), request.strictQuery("cursor"));
        assertEquals(Optional.of(""), request.strictQuery("page"), "a name without a value");
        assertEquals(Optional.empty(), request.strictQuery("limit"));
        assertEquals(400, status(() -> HttpRequest.builder().rawQuery("q=%FF%FE").build().strictQuery("q")));
        assertEquals(400, status(() -> HttpRequest.builder().rawQuery("q=%C3").build().strictQuery("q")), "a cut sequence");
        assertEquals(400, status(() -> HttpRequest.builder().rawQuery("q=%ZZ").build().strictQuery("q")));
        // An escape cut short at the end of the query is refused, not read past its end (which would answer 500).
        assertEquals(400, status(() -> HttpRequest.builder().rawQuery("q=%4").build().strictQuery("q")), "half an escape");
        assertEquals(400, status(() -> HttpRequest.builder().rawQuery("q=fika%").build().strictQuery("q")), "a lone %");
        // Hex digits are ASCII's: a fullwidth "４１" is no escape of "A", nor an Arabic-Indic one.
        assertEquals(400, status(() -> HttpRequest.builder().rawQuery("q=%\uFF14\uFF11").build().strictQuery("q")));
        assertEquals(400, status(() -> HttpRequest.builder().rawQuery("q=%\u0664\u0661").build().strictQuery("q")));
        assertEquals(Optional.of("Frivård"), HttpRequest.builder().query("q", "Frivård").build().strictQuery("q"),
                "no raw query (a request built by a test): the decoded value");
    }

    /**
     * API Gateway joins a repeated name's values with a comma, so ?author=asa&author=oberg would list Åsa Öberg's posts
     * and ?limit=1&limit=1 be "not a whole number", while search took the first. Every one is refused.
     */
    @Test
    void aNameGivenTwiceIsRefusedNotJoinedNorHalfRead() {
        var request = HttpRequest.builder().rawQuery("author=asa&q=m%C3%B6te&author=oberg&tag=a&ta%67=b")
                .query("author", "asa,oberg").build();
        ProblemException twice = assertThrows(ProblemException.class, () -> request.strictQuery("author"));
        assertEquals(400, twice.problem().status());
        assertEquals("validation_failed", twice.problem().code());
        assertEquals(List.of(new FieldError("author", "must be given once")), twice.problem().details());
        assertEquals(true, twice.problem().swedish().contains("”author” mer än en gång"), twice.problem().swedish());
        // A name spelled by an escape is no name the site reads (CloudFront keys by the name as sent): tag is the plain one's.
        assertEquals(Optional.of("a"), request.strictQuery("tag"), "ta%67 is not tag");
        assertEquals(true, request.namesAParameterByAnEscape(), "so its answer is stored nowhere");
        assertEquals(false, HttpRequest.builder().rawQuery("q=m%C3%B6te+och+fika&tag=a").build().namesAParameterByAnEscape(),
                "escapes in values are no concern");
        assertEquals(Optional.of("möte"), request.strictQuery("q"), "a name given once is read as ever");
        assertEquals(400, status(() -> HttpRequest.builder().rawQuery("cursor=&cursor=x").build().strictQuery("cursor")));
    }

    @Test
    void thePayloadTwoEventIsReadIntoOurOwnRequest() {
        Map<String, Object> event = Map.of(
                "routeKey", "GET /api/posts/{slug}",
                "rawPath", "/api/posts/hej",
                "rawQueryString", "tag=Friv%C3%A5rd",
                "headers", Map.of("If-None-Match", "\"x\"", "x-forwarded-proto", "https"),
                "cookies", List.of("inlagg_session=abc", "annan=1"),
                "queryStringParameters", Map.of("tag", "Frivård"),
                "pathParameters", Map.of("slug", "hej"),
                "requestContext", Map.of("requestId", "req-1", "domainName", "blogg.example.se",
                        "http", Map.of("method", "get", "sourceIp", "192.0.2.1"),
                        "authorizer", Map.of("lambda", Map.of("authorId", "a-1"))),
                "isBase64Encoded", false);
        HttpRequest r = HttpRequest.fromEvent(event);
        assertEquals("GET", r.method());
        assertEquals("/api/posts/hej", r.path());
        assertEquals(Optional.of("hej"), r.pathParameter("slug"));
        assertEquals(Optional.of("Frivård"), r.query("tag"));
        assertEquals(Optional.of("\"x\""), r.header("if-none-match"), "headers are found whatever their case");
        assertEquals(Optional.of("abc"), r.cookie("inlagg_session"));
        assertEquals(Optional.of("a-1"), r.authorId());
        assertEquals("req-1", r.requestId());
        assertEquals("blogg.example.se", r.domainName());
        assertEquals("192.0.2.1", r.sourceIp());
        assertEquals(true, r.https());
    }

    /**
     * A name spelled with a plus is no name the site reads either: an edge that read "+" as the space it stands for in a
     * value would key the answer under another name than the functions read, so it is stored nowhere as ta%67 is.
     */
    @Test
    void aNameSpelledWithAPlusIsStoredNowhere() {
        assertEquals(true, HttpRequest.builder().rawQuery("q=fika&tag+=a").build().namesAParameterByAnEscape());
        assertEquals(true, HttpRequest.builder().rawQuery("+q=fika").build().namesAParameterByAnEscape());
        assertEquals(false, HttpRequest.builder().rawQuery("q=fika+och+m%C3%B6te").build().namesAParameterByAnEscape(),
                "a plus in a value is a space, no concern");
    }

    /** A cookie sent after another ("annan=1; inlagg_session=abc") is found with the space before its name: the author stays signed in. */
    @Test
    void aCookieIsFoundWithSpaceAroundItsName() {
        HttpRequest r = HttpRequest.builder().cookie("annan=1").cookie(" inlagg_session = abc").build();
        assertEquals(Optional.of("abc"), r.cookie("inlagg_session"));
        assertEquals(Optional.of("1"), r.cookie("annan"));
    }

    /**
     * A cookie is found by its whole name: another whose name only begins with it (an older release's, another site's on
     * the same host) is not the session, whichever comes first.
     */
    @Test
    void aCookieIsFoundByItsWholeNameNotByOneThatBeginsWithIt() {
        HttpRequest r = HttpRequest.builder().cookie("inlagg_session_gammal=fel").cookie("inlagg_session=abc").build();
        assertEquals(Optional.of("abc"), r.cookie("inlagg_session"));
        assertEquals(Optional.empty(), HttpRequest.builder().cookie("inlagg_sessionx=fel").build().cookie("inlagg_session"));
    }

    @Test
    void withoutAuthorizerContextThereIsNoAuthor() {
        assertEquals(Optional.empty(), HttpRequest.fromEvent(Map.of()).authorId());
        assertEquals("/", HttpRequest.fromEvent(Map.of()).path());
    }

    @Test
    void aBase64BodyIsDecodedAndStrictUtf8IsRequired() {
        String b64 = Base64.getEncoder().encodeToString("{\"a\":\"å\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("{\"a\":\"å\"}", body(b64, true).bodyText());
        String broken = Base64.getEncoder().encodeToString(new byte[] {'{', '"', (byte) 0xff, '"', '}'});
        assertEquals(400, status(() -> body(broken, true).bodyText()));
        assertEquals(400, status(() -> body("not base64 at all!", true).bodyBytes()));
    }

    @Test
    void bodiesOverOneMebibyteAfterDecodingAre413() {
        String justOver = "x".repeat(HttpRequest.MAX_BODY_BYTES + 1);
        assertEquals(413, status(() -> body(justOver, false).bodyBytes()));
        String encoded = Base64.getEncoder().encodeToString(justOver.getBytes(StandardCharsets.UTF_8));
        assertEquals(413, status(() -> body(encoded, true).bodyBytes()));
        // Multi-byte text: fewer characters than the limit, more bytes.
        String swedish = "å".repeat(HttpRequest.MAX_BODY_BYTES / 2 + 1);
        assertEquals(413, status(() -> body(swedish, false).bodyBytes()));
        assertArrayEquals("x".repeat(HttpRequest.MAX_BODY_BYTES).getBytes(StandardCharsets.UTF_8),
                body("x".repeat(HttpRequest.MAX_BODY_BYTES), false).bodyBytes());
    }

    @Test
    void aHeadOnItsRouteBecomesItsGetWithEverythingElseKept() {
        HttpRequest head = HttpRequest.builder().method("HEAD").routeKey("HEAD /posts/{slug}").path("/posts/manadsmote").rawQuery("a=1")
                .pathParameter("slug", "manadsmote").query("a", "1").header("Accept-Encoding", "gzip").cookie("c=1").body("x")
                .sourceIp("192.0.2.1").requestId("r-1").domainName("blogg.example.se").authorId("forfattare-1").build();
        HttpRequest get = head.headAsGet();
        assertEquals("GET", get.method());
        assertEquals("GET /posts/{slug}", get.routeKey());
        assertEquals("/posts/manadsmote", get.path());
        assertEquals("a=1", get.rawQuery());
        assertEquals(Optional.of("manadsmote"), get.pathParameter("slug"));
        assertEquals(Optional.of("gzip"), get.header("accept-encoding"));
        assertEquals(List.of("c=1"), get.cookies());
        assertEquals("x", get.bodyText());
        assertEquals("192.0.2.1", get.sourceIp());
        assertEquals("r-1", get.requestId());
        assertEquals("blogg.example.se", get.domainName());
        assertEquals(Optional.of("forfattare-1"), get.authorId());
        HttpRequest fallback = HttpRequest.builder().method("HEAD").routeKey("$default").path("/write").build();
        assertEquals("HEAD", fallback.headAsGet().method(), "a HEAD the fallback got stays one");
    }
}
