package se.inlagg.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import se.inlagg.json.Json;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/** What the edge does to every answer, whatever the handler: headers, compression, the wire format. */
class EdgeTest {

    static final String EVENT = """
            {"version":"2.0","routeKey":"GET /","rawPath":"/","headers":{"accept-encoding":"identity"},
             "requestContext":{"requestId":"r-1","http":{"method":"GET"}},"isBase64Encoded":false}""";
    static final String LONG_SWEDISH = "Vid månadens möte träffades vi i Ystad. ".repeat(100);

    /** A handler that answers what it is given, or throws it. */
    static HttpFunction answering(HttpResponse response) {
        return handling(request -> response);
    }

    /** A handler that answers each request as this says (and may note what it was given). */
    static HttpFunction handling(Function<HttpRequest, HttpResponse> handler) {
        return new HttpFunction() {
            @Override
            protected HttpResponse handle(HttpRequest request) {
                return handler.apply(request);
            }

            @Override
            protected ErrorRenderer errors(HttpRequest request) {
                return JsonErrors.INSTANCE;
            }
        };
    }

    static HttpRequest get(String acceptEncoding) {
        return HttpRequest.builder().method("GET").path("/").header("accept-encoding", acceptEncoding).build();
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersJsonIncluded() {
        HttpResponse r = answering(HttpResponse.json(200, Map.of("a", 1))).answer(get(""));
        assertEquals("nosniff", r.header("x-content-type-options"));
        assertEquals("DENY", r.header("x-frame-options"));
        assertEquals("strict-origin-when-cross-origin", r.header("referrer-policy"));
        assertEquals(SecurityHeaders.NOTHING_ALLOWED, r.header("content-security-policy"));
        assertTrue(r.header("strict-transport-security").startsWith("max-age="));
    }

    /**
     * A page's own Content-Security-Policy (its stylesheet, its pictures) is what the browser gets: the edge gives the
     * policy that allows nothing only to answers that set none, or every page would show unstyled and without pictures.
     */
    @Test
    void aPagesOwnSecurityPolicyIsKept() {
        String own = "default-src 'none'; style-src 'self'; img-src 'self' https:";
        HttpResponse r = answering(HttpResponse.html(200, "<p>Hej</p>").withHeader("content-security-policy", own)).answer(get(""));
        assertEquals(own, r.header("content-security-policy"));
    }

    /**
     * HTTPS is remembered for long enough to matter, and for the site's subdomains too: a max-age of 0 tells browsers to
     * forget it, and a reader who types the address on a café's network asks over plain HTTP first, for whoever is in the
     * middle to answer as the site. A year is the least the browsers' preload lists accept.
     */
    @Test
    void browsersAreToldToKeepToHttpsForAYearAtLeastSubdomainsIncluded() {
        String hsts = answering(HttpResponse.html(200, "<p>Hej</p>")).answer(get("")).header("strict-transport-security");
        Matcher maxAge = Pattern.compile("max-age=(\\d+)").matcher(hsts);
        assertTrue(maxAge.find(), hsts);
        assertTrue(Long.parseLong(maxAge.group(1)) >= Duration.ofDays(365).toSeconds(), hsts);
        assertTrue(hsts.contains("includeSubDomains"), hsts);
    }

    @Test
    void textIsGzippedWhenTheClientAcceptsItAndOnlyThen() throws Exception {
        HttpFunction page = answering(HttpResponse.html(200, LONG_SWEDISH));
        HttpResponse zipped = page.answer(get("gzip, deflate, br"));
        assertEquals("gzip", zipped.header("content-encoding"));
        assertEquals("Accept-Encoding", zipped.header("vary"));
        assertEquals(LONG_SWEDISH, new String(new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes(), StandardCharsets.UTF_8));
        assertTrue(zipped.body().length < LONG_SWEDISH.length() / 5);
        HttpResponse plain = page.answer(get("gzip;q=0, identity"));
        assertEquals("", plain.header("content-encoding"));
        assertEquals(LONG_SWEDISH, plain.bodyText());
        assertEquals("", page.answer(get("")).header("content-encoding"));
        assertEquals("", answering(HttpResponse.html(200, "kort")).answer(get("gzip")).header("content-encoding"), "small answers stay as they are");
    }

    /** A feed and a sitemap are text too, and the longest answers a reader's client fetches again and again. */
    @Test
    void aFeedASitemapAndAProblemAreGzippedAsPagesAre() {
        for (String type : List.of("application/atom+xml; charset=utf-8", "application/xml", "application/problem+json", "text/plain; charset=utf-8")) {
            HttpResponse r = answering(HttpResponse.of(200, type, LONG_SWEDISH)).answer(get("gzip"));
            assertEquals("gzip", r.header("content-encoding"), type);
            assertEquals("Accept-Encoding", r.header("vary"), type);
        }
        assertEquals("", answering(HttpResponse.of(200, "image/png", LONG_SWEDISH)).answer(get("gzip")).header("content-encoding"),
                "a picture is compressed already");
    }

    @Test
    void gzipNamedOutweighsTheWildcardWhereverItStands() {
        // "*, gzip;q=0" takes no gzip, whatever the "*" before it says (RFC 9110, 12.5.3).
        HttpFunction page = answering(HttpResponse.html(200, LONG_SWEDISH));
        assertEquals("", page.answer(get("*, gzip;q=0")).header("content-encoding"));
        assertEquals("", page.answer(get("*;q=0.5, gzip; q=0.000")).header("content-encoding"));
        assertEquals("gzip", page.answer(get("*;q=0, gzip")).header("content-encoding"));
        assertEquals("gzip", page.answer(get("*")).header("content-encoding"));
        assertEquals("", page.answer(get("*;q=0")).header("content-encoding"));
        assertEquals("", page.answer(get("br;q=1, identity")).header("content-encoding"));
        assertEquals("gzip", page.answer(get("x-gzip")).header("content-encoding"), "gzip's old name, which RFC 9110 (8.4.1.3) says is gzip");
    }

    /** A coding of nothing but ";" must not throw: every route would answer 500, after a change was made, too. */
    @Test
    void anEmptyCodingIsNoneAndNoFailure() {
        HttpFunction page = handling(request -> Caching.publicly(request, HttpResponse.html(200, LONG_SWEDISH)));
        for (String odd : List.of(";", " ; ", "br, ;", "x, ;", ";;", ", ,")) {
            HttpResponse r = page.answer(get(odd));
            assertEquals(200, r.status(), odd);
            assertEquals("", r.header("content-encoding"), odd);
        }
        assertEquals("gzip", page.answer(get(";, gzip")).header("content-encoding"));
        assertEquals("gzip", page.answer(get("gzip;")).header("content-encoding"), "a parameter list of nothing");
    }

    @Test
    void theGzippedAnswerHasATagOfItsOwnThatRevalidatesItAndEitherTagConditionsAChange() {
        // The plain and gzipped bytes have a strong ETag each: RFC 9110 gives one to one representation.
        HttpFunction page = handling(request -> Caching.publicly(request, HttpResponse.html(200, LONG_SWEDISH)));
        String plain = page.answer(get("identity")).header("etag");
        HttpResponse zipped = page.answer(get("gzip"));
        assertEquals("gzip", zipped.header("content-encoding"));
        String gzipTag = zipped.header("etag");
        assertEquals(plain.substring(0, plain.length() - 1) + "-gzip\"", gzipTag);

        HttpResponse again = page.answer(HttpRequest.builder().method("GET").path("/").header("accept-encoding", "gzip")
                .header("if-none-match", gzipTag).build());
        assertEquals(304, again.status());
        assertEquals(gzipTag, again.header("etag"), "a 304 names the representation the client holds");
        HttpResponse plainAgain = page.answer(HttpRequest.builder().method("GET").path("/").header("if-none-match", plain).build());
        assertEquals(304, plainAgain.status());
        assertEquals(plain, plainAgain.header("etag"));
        assertEquals(200, page.answer(HttpRequest.builder().method("GET").path("/").header("if-none-match", "\"annat-gzip\"").build()).status());
        // A tag of the other representation gets no 304 naming it. A cache holding both sends both tags and
        // serves the answer the 304 names (RFC 9111, 4.3.4): the gzipped bytes to a client that takes none. The one this
        // request gets is named, and the other's tag alone is no match.
        HttpResponse both = page.answer(HttpRequest.builder().method("GET").path("/").header("if-none-match", gzipTag + ", " + plain).build());
        assertEquals(304, both.status());
        assertEquals(plain, both.header("etag"), "the plain answer, which a request without Accept-Encoding gets");
        HttpResponse bothZipped = page.answer(HttpRequest.builder().method("GET").path("/").header("accept-encoding", "gzip")
                .header("if-none-match", "W/" + plain + ", W/" + gzipTag).build());
        assertEquals(304, bothZipped.status());
        assertEquals(gzipTag, bothZipped.header("etag"));
        HttpResponse gzipTagUnzipped = page.answer(HttpRequest.builder().method("GET").path("/").header("if-none-match", gzipTag).build());
        assertEquals(200, gzipTagUnzipped.status());
        assertEquals("", gzipTagUnzipped.header("content-encoding"));
        assertEquals(plain, gzipTagUnzipped.header("etag"));
        HttpResponse plainTagZipped = page.answer(HttpRequest.builder().method("GET").path("/").header("accept-encoding", "gzip")
                .header("if-none-match", plain).build());
        assertEquals(200, plainTagZipped.status());
        assertEquals(gzipTag, plainTagZipped.header("etag"));

        assertTrue(ETags.matchesStrongly(gzipTag, plain), "If-Match with the tag of a gzipped read names the same version");
        assertTrue(ETags.matchesStrongly("\"x\", " + gzipTag, plain));
        assertFalse(ETags.matchesStrongly("\"annat-gzip\"", plain));
        String small = answering(HttpResponse.html(200, "kort").withHeader("etag", "\"k\"")).answer(get("gzip")).header("etag");
        assertEquals("\"k-gzip\"", small, "a small answer sent as it is keeps the tag a 304 would name");
    }

    /**
     * A picture is never gzipped, so it has one tag whatever the client accepts: a browser, which always accepts gzip,
     * revalidating its copy with that tag gets a 304, not the whole picture again each time.
     */
    @Test
    void aPictureRevalidatedByABrowserThatTakesGzipIsAnswered304WithItsOwnTag() {
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10, 'J', 'F', 'I', 'F'};
        HttpFunction picture = handling(request -> Caching.publicly(request,
                HttpResponse.empty(200).withHeader("content-type", "image/jpeg").withBody(jpeg)));
        HttpResponse first = picture.answer(get("gzip, deflate, br"));
        HttpResponse again = picture.answer(HttpRequest.builder().method("GET").path("/").header("accept-encoding", "gzip, deflate, br")
                .header("if-none-match", first.header("etag")).build());
        assertEquals(304, again.status());
        assertEquals(first.header("etag"), again.header("etag"));
    }

    /** If-None-Match: * (RFC 9110, 13.1.2) names any current representation: a read of a page that is there answers 304. */
    @Test
    void anIfNoneMatchOfAnyTagAnswers304NamingTheTagOfWhatTheClientGets() {
        HttpFunction page = handling(request -> Caching.publicly(request, HttpResponse.html(200, LONG_SWEDISH)));
        HttpResponse any = page.answer(HttpRequest.builder().method("GET").path("/").header("accept-encoding", "gzip")
                .header("if-none-match", "*").build());
        assertEquals(304, any.status());
        assertEquals(0, any.body().length);
        assertEquals(page.answer(get("gzip")).header("etag"), any.header("etag"));
        assertEquals(304, page.answer(HttpRequest.builder().method("GET").path("/").header("if-none-match", "\"annat\", *").build()).status(),
                "in a list too");
    }

    /** RFC 9110, 13.1.3: a date makes a 304 of a read only; a HEAD is answered as its GET. */
    @Test
    void ifModifiedSinceIsAskedOnAReadOnly() {
        String date = "Mon, 30 Nov 2026 09:15:42 GMT";
        HttpFunction post = handling(request -> Caching.notModified(request, HttpResponse.json(200, Map.of("title", "Månadsmöte"))
                .withHeader("etag", "\"v3\"").withHeader("last-modified", date)));
        Function<String, HttpResponse> asked = method -> post.answer(HttpRequest.builder().method(method).path("/")
                .header("if-modified-since", date).build());
        assertEquals(304, asked.apply("GET").status());
        assertEquals(304, asked.apply("HEAD").status());
        assertEquals(200, asked.apply("POST").status(), "a change is never answered 304 by a date");
        assertEquals(200, asked.apply("DELETE").status());
    }

    @Test
    void compressedAnswersTravelAsBase64AndTextAsText() {
        Map<String, Object> zipped = HttpFunction.payload(answering(HttpResponse.html(200, LONG_SWEDISH)).answer(get("gzip")));
        assertEquals(true, zipped.get("isBase64Encoded"));
        Base64.getDecoder().decode((String) zipped.get("body"));
        Map<String, Object> text = HttpFunction.payload(answering(HttpResponse.json(201, Map.of("titel", "Hej på dig"))).answer(get("")));
        assertEquals(false, text.get("isBase64Encoded"));
        assertEquals("{\"titel\":\"Hej på dig\"}", text.get("body"));
        assertEquals(201, text.get("statusCode"));
    }

    /**
     * A picture or an icon is bytes no text can hold: sent as a string, the bytes that are no UTF-8 (a PNG's 0x89, a JPEG's
     * 0xFF) become replacement characters, and API Gateway hands the browser a broken picture. It travels as base64,
     * gzipped or not, and decodes to the very bytes.
     */
    @Test
    void aPictureTravelsAsBase64AndArrivesByteForByte() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, (byte) 0xff, (byte) 0xd8, (byte) 0xc3};
        HttpResponse picture = HttpResponse.empty(200).withHeader("content-type", "image/png").withBody(png);
        Map<String, Object> payload = HttpFunction.payload(answering(picture).answer(get("gzip")));
        assertEquals(true, payload.get("isBase64Encoded"));
        assertArrayEquals(png, Base64.getDecoder().decode((String) payload.get("body")));
    }

    /**
     * DynamoDB throttling a read answers at once, refusing: the 503 must not say that AWS did not answer in time (what a
     * call that got no answer is told), nor "Svaret dröjde för länge" on a page, since the answer came, quickly; the
     * reader or client is misled about what went wrong (from a review).
     */
    @Test
    void aThrottledReadIsNotSaidToHaveGotNoAnswerInTime() {
        HttpResponse r = handling(request -> {
            throw ProvisionedThroughputExceededException.builder()
                    .statusCode(400).message("Throughput exceeds the current capacity")
                    .awsErrorDetails(AwsErrorDetails.builder()
                            .errorCode("ProvisionedThroughputExceededException").build()).build();
        }).answer(get("identity"));
        assertEquals(503, r.status(), r.bodyText());
        assertFalse(r.bodyText().contains("did not answer in time"), "a throttle told as an answer that never came: " + r.bodyText());
        Problem told = Problems.busyAsking(Problems.BUSY_RETRY_AFTER);
        assertTrue(r.bodyText().contains(told.message()), "told it is busy: " + r.bodyText());
        assertFalse(told.swedish().contains("dröjde"), "a page of the same 503 says the answer was late: " + told.swedish());
    }

    /**
     * DynamoDB unavailable for a while (a 503 with no throttling code, ServiceUnavailable, past the SDK's retries) is busy
     * too, as a throttle is: 503 with Retry-After, so the client comes back, not a 500 that says the fault is ours.
     */
    @Test
    void aDynamoDbThatIsUnavailableAnswers503WithRetryAfterNot500() {
        HttpResponse r = handling(request -> {
            throw DynamoDbException.builder().statusCode(503).message("Service unavailable")
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("ServiceUnavailable").serviceName("DynamoDb").build()).build();
        }).answer(get("identity"));
        assertEquals(503, r.status(), r.bodyText());
        assertEquals(Long.toString(Problems.BUSY_RETRY_AFTER.toSeconds()), r.header("retry-after"));
        assertTrue(r.bodyText().contains("\"code\":\"busy\""), r.bodyText());
    }

    @Test
    void aHandlerThatFailsAnswers500InItsErrorShapeAndLogsTheCauseNotTheAnswer() {
        HttpFunction failing = new HttpFunction() {
            @Override
            protected HttpResponse handle(HttpRequest request) {
                throw new IllegalStateException("a bug");
            }

            @Override
            protected ErrorRenderer errors(HttpRequest request) {
                return JsonErrors.INSTANCE;
            }
        };
        TestContext context = new TestContext();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        failing.handleRequest(new ByteArrayInputStream(EVENT.getBytes(StandardCharsets.UTF_8)), out, context);
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) Json.read(out.toString(StandardCharsets.UTF_8));
        assertEquals(500, payload.get("statusCode"));
        assertTrue(((String) payload.get("body")).contains("internal_error"));
        assertFalse(((String) payload.get("body")).contains("a bug"), "no internals in the answer");
        assertTrue(context.logs().contains("\"message\":\"a bug\""), "the cause is in the log: " + context.logs());
    }

    @Test
    void theLambdaEntryPointReadsTheEventAndWritesThePayload() {
        String event = EVENT;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        answering(HttpResponse.json(200, Map.of("ok", true)))
                .handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, new TestContext());
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) Json.read(out.toString(StandardCharsets.UTF_8));
        assertEquals(200, payload.get("statusCode"));
        assertEquals("{\"ok\":true}", payload.get("body"));
    }

    @Test
    void aHeadOnItsOwnRouteIsAnsweredAsItsGetWithoutTheBody() {
        List<HttpRequest> seen = new ArrayList<>();
        HttpFunction page = handling(request -> {
            seen.add(request);
            return HttpResponse.html(200, LONG_SWEDISH).withHeader("etag", "\"abc\"");
        });
        HttpResponse get = page.answer(HttpRequest.builder().method("GET").routeKey("GET /").path("/").header("accept-encoding", "gzip").build());
        HttpResponse head = page.answer(HttpRequest.builder().method("HEAD").routeKey("HEAD /").path("/").header("accept-encoding", "gzip").build());

        assertEquals("GET", seen.get(1).method(), "the handler answers the GET it asks about");
        assertEquals("GET /", seen.get(1).routeKey());
        assertEquals(200, head.status());
        assertEquals(0, head.body().length);
        assertTrue(get.body().length > 0);
        assertEquals(get.headers(), head.headers(), "the same type, encoding, ETag and caching as the GET");
    }

    @Test
    void aHeadThatReachedAnotherRouteStaysAHead() {
        List<String> seen = new ArrayList<>();
        HttpFunction fallback = handling(request -> {
            seen.add(request.method());
            throw new ProblemException(Problems.methodNotAllowed(request.method()));
        });
        HttpResponse head = fallback.answer(HttpRequest.builder().method("HEAD").routeKey("$default").path("/api/tags").build());
        assertEquals(List.of("HEAD"), seen, "the fallback says which method the resource refuses");
        assertEquals(405, head.status());
        assertEquals(0, head.body().length);
    }
}
