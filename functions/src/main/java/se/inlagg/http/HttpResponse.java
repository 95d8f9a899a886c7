package se.inlagg.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import se.inlagg.json.Json;

/** The one way handlers answer; it becomes API Gateway's payload 2.0 response only at the edge. */
public record HttpResponse(int status, Map<String, String> headers, List<String> cookies, byte[] body) {

    public static final String JSON = "application/json; charset=utf-8";
    public static final String HTML = "text/html; charset=utf-8";

    public HttpResponse {
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        headers = Collections.unmodifiableMap(lower);
        cookies = List.copyOf(cookies);
    }

    public static HttpResponse json(int status, Object value) {
        return of(status, JSON, Json.write(value));
    }

    public static HttpResponse html(int status, String html) {
        return of(status, HTML, html);
    }

    public static HttpResponse of(int status, String contentType, String text) {
        return new HttpResponse(status, Map.of("content-type", contentType), List.of(),
                text.getBytes(StandardCharsets.UTF_8));
    }

    public static HttpResponse empty(int status) {
        return new HttpResponse(status, Map.of(), List.of(), new byte[0]);
    }

    /**
     * 301 Moved Permanently, to the one address of what was asked for another way (in capitals, with a slash at the
     * end): the same for everyone, so the CDN and browsers may keep it a day.
     */
    public static HttpResponse movedPermanently(String location) {
        return empty(301).withHeader("location", location).withHeader("cache-control", "public, max-age=86400");
    }

    /** 303 See Other: after a form's POST the browser GETs the next page, so a reload never posts again. */
    public static HttpResponse seeOther(String location) {
        return empty(303).withHeader("location", location).withHeader("cache-control", Caching.NO_STORE);
    }

    public HttpResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name.toLowerCase(Locale.ROOT), value);
        return new HttpResponse(status, h, cookies, body);
    }

    /**
     * Retry-After's value for a wait: whole seconds, at least 1, rounded up: a client that asks again after 2 of a wait of
     * 2.9 seconds (the end of an hour's write allowance, of a sign-in window) is refused again for the same reason.
     */
    public static String retryAfterSeconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() == 0 ? 0 : 1);
        return Long.toString(Math.max(1, seconds));
    }

    /** This answer with Retry-After: the client may ask again after {@code wait}, in whole seconds, at least 1. */
    public HttpResponse withRetryAfter(Duration wait) {
        return withHeader("retry-after", retryAfterSeconds(wait));
    }

    public HttpResponse withCookie(String cookie) {
        List<String> c = new ArrayList<>(cookies);
        c.add(cookie);
        return new HttpResponse(status, headers, c, body);
    }

    public HttpResponse withBody(byte[] newBody) {
        return new HttpResponse(status, headers, cookies, newBody);
    }

    public String header(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
