package se.inlagg.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import se.inlagg.local.SameOnEveryBackend;

/**
 * Any value in the request headers the edge itself reads (the compression, conditional requests and cache rules every
 * function answers through): the answer is the page, a 304 or a refusal, never a 500 ("Accept-Encoding: ;" included).
 */
@SameOnEveryBackend
class HeaderFuzzTest {

    private static final String[] HEADERS = {"accept-encoding", "if-none-match", "if-modified-since", "if-match",
            "if-unmodified-since", "content-type", "cache-control", "origin", "x-forwarded-proto"};
    private static final String PAGE = "<!doctype html><title>Sida</title><p>" + "Månadsmöte i Växjö. ".repeat(100);

    /** A reader's page as every page function answers one: public, with its ETag and Last-Modified, compressed when asked. */
    private static final HttpFunction PAGE_FUNCTION = new HttpFunction() {
        @Override
        protected HttpResponse handle(HttpRequest request) {
            return Caching.publicly(request, HttpResponse.html(200, PAGE).withHeader("last-modified", "Wed, 30 Jan 2019 09:15:00 GMT"));
        }

        @Override
        protected ErrorRenderer errors(HttpRequest request) {
            return JsonErrors.INSTANCE;
        }
    };

    @FuzzTest(maxDuration = "60s")
    void anyHeadersAreAnsweredNeverAServerError(FuzzedDataProvider data) {
        HttpRequest.Builder request = HttpRequest.builder().method(data.pickValue(new String[] {"GET", "HEAD", "POST"})).path("/");
        int headers = data.consumeInt(1, HEADERS.length);
        for (int i = 0; i < headers; i++) {
            request.header(data.pickValue(HEADERS), data.consumeString(200));
        }
        HttpResponse answer = PAGE_FUNCTION.answer(request.build());
        assertTrue(answer.status() < 500, "status " + answer.status());
        assertFalse(answer.header("x-content-type-options").isEmpty(), "the security headers on every answer");
    }
}
