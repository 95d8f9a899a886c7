package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A corpus of hostile requests, by class. Each gets a 4xx: in the error shape under /api (or API
 * Gateway's own 401/403), as a page elsewhere, with nothing echoed unescaped. Afterwards every
 * list and count is as it was.
 */
class HostileRequestsTest extends ServerTest {

    static String slug;
    static String etag;

    /** One hostile request and the status it must get. */
    record Attack(String name, String method, String path, Map<String, String> headers, byte[] body, boolean bearer, int status) {
    }

    @BeforeAll
    static void seed() {
        slug = http.createPost("Mål för attacker", "2019-01-30", "Måltavla").json().path("slug").asText();
        etag = http.get("/api/posts/" + slug).header("etag");
    }

    static Attack json(String name, String method, String path, String body, int status) {
        return new Attack(name, method, path, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8), true, status);
    }

    static List<Attack> corpus() {
        String valid = "\"title\": \"T\", \"body\": \"B\", \"author\": {\"name\": \"A\"}";
        List<Attack> a = new ArrayList<>();
        a.add(new Attack("invalid UTF-8", "POST", "/api/posts", Map.of("Content-Type", "application/json"),
                new byte[] {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'}, true, 400));
        a.add(json("JSON that is an array", "POST", "/api/posts", "[{" + valid + "}]", 400));
        a.add(json("JSON that is a string", "POST", "/api/posts", "\"<script>alert(1)</script>\"", 400));
        a.add(json("wrong types", "POST", "/api/posts", "{\"title\": [], \"body\": {}, \"author\": {\"name\": 7}}", 400));
        a.add(json("nulls in lists", "POST", "/api/posts", "{" + valid + ", \"tags\": [null, null]}", 400));
        a.add(json("nesting 5,000 deep", "POST", "/api/posts", "{\"a\":".repeat(5000) + "1" + "}".repeat(5000), 400));
        a.add(json("control characters", "POST", "/api/posts", "{\"title\": \"a\\u0000\\u0007\", \"body\": \"B\", \"author\": {\"name\": \"A\"}}", 400));
        a.add(json("a noncharacter, which XML feeds cannot carry", "POST", "/api/posts", "{\"title\": \"T\", \"body\": \"a \\uffff b\", \"author\": {\"name\": \"A\"}}", 400));
        a.add(json("a lone surrogate", "POST", "/api/posts", "{\"title\": \"\\ud83d\", \"body\": \"B\", \"author\": {\"name\": \"A\"}}", 400));
        a.add(json("an impossible date", "POST", "/api/posts", "{" + valid + ", \"publishedAt\": \"2019-02-30\"}", 400));
        a.add(json("a date that is not one", "POST", "/api/posts", "{" + valid + ", \"publishedAt\": \"'; DROP TABLE posts; --\"}", 400));
        a.add(json("a month with a long s", "POST", "/api/posts", "{" + valid + ", \"publishedAt\": \"1 \u017Feptember 2026\"}", 400));
        a.add(json("a javascript: image", "POST", "/api/posts", "{" + valid + ", \"image\": {\"url\": \"javascript:alert(1)\"}}", 400));
        a.add(json("a data: image", "POST", "/api/posts", "{" + valid + ", \"image\": {\"url\": \"data:image/svg+xml,<svg onload=alert(1)>\"}}", 400));
        a.add(json("a file: image", "POST", "/api/posts", "{" + valid + ", \"image\": {\"url\": \"file:///etc/passwd\"}}", 400));
        a.add(json("an unknown field", "POST", "/api/posts", "{" + valid + ", \"__proto__\": {\"admin\": true}}", 400));
        a.add(json("duplicate keys", "POST", "/api/posts", "{" + valid + ", \"title\": \"Annan\"}", 400));
        a.add(json("21 tags", "POST", "/api/posts", "{" + valid + ", \"tags\": [" + "\"t\",".repeat(0)
                + String.join(",", IntStream.rangeClosed(1, 21).mapToObj(i -> "\"tagg" + i + "\"").toList()) + "]}", 400));
        a.add(json("an over-long title", "POST", "/api/posts", "{\"title\": \"" + "x".repeat(201) + "\", \"body\": \"B\", \"author\": {\"name\": \"A\"}}", 400));
        a.add(new Attack("over 1 MiB", "POST", "/api/posts", Map.of("Content-Type", "application/json"),
                ("{\"title\": \"T\", \"body\": \"" + "å".repeat(600_000) + "\"}").getBytes(StandardCharsets.UTF_8), true, 413));
        a.add(new Attack("a form post to the API", "POST", "/api/posts", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "title=T".getBytes(StandardCharsets.UTF_8), true, 415));
        a.add(new Attack("an over-long Idempotency-Key", "POST", "/api/posts", Map.of("Content-Type", "application/json",
                "Idempotency-Key", "k".repeat(5000)), ("{" + valid + "}").getBytes(StandardCharsets.UTF_8), true, 400));
        a.add(new Attack("no credentials", "POST", "/api/posts", Map.of("Content-Type", "application/json"), ("{" + valid + "}").getBytes(), false, 401));
        a.add(new Attack("an empty Authorization", "POST", "/api/posts", Map.of("Content-Type", "application/json", "Authorization", ""),
                ("{" + valid + "}").getBytes(), false, 401));
        a.add(new Attack("a wrong token", "POST", "/api/posts", Map.of("Content-Type", "application/json", "Authorization", "Bearer fel-token"),
                ("{" + valid + "}").getBytes(), false, 403));
        a.add(new Attack("a truncated token", "POST", "/api/posts", Map.of("Content-Type", "application/json",
                "Authorization", "Bearer " + ServerExtension.TOKEN.substring(0, ServerExtension.TOKEN.length() - 1)), ("{" + valid + "}").getBytes(), false, 403));
        a.add(new Attack("the wrong scheme", "POST", "/api/posts", Map.of("Content-Type", "application/json",
                "Authorization", "Basic " + ServerExtension.TOKEN), ("{" + valid + "}").getBytes(), false, 403));
        a.add(new Attack("a token with no scheme", "POST", "/api/posts", Map.of("Content-Type", "application/json",
                "Authorization", ServerExtension.TOKEN), ("{" + valid + "}").getBytes(), false, 403));
        a.add(new Attack("an over-long Authorization", "DELETE", "/api/posts/" + "x", Map.of("Authorization", "Bearer " + "a".repeat(6000)),
                null, false, 403));
        a.add(new Attack("an over-long path", "GET", "/api/posts/" + "a".repeat(3000), Map.of(), null, false, 404));
        a.add(new Attack("a path with traversal", "GET", "/api/posts/..%2F..%2Fetc%2Fpasswd", Map.of(), null, false, 404));
        a.add(new Attack("an over-long query value", "GET", "/api/posts?tag=" + "x".repeat(5000), Map.of(), null, false, 400));
        a.add(new Attack("an over-long cursor", "GET", "/api/posts?cursor=" + "Yz".repeat(1500), Map.of(), null, false, 400));
        a.add(new Attack("a forged cursor", "GET", "/api/posts?cursor=YzF8ZmVlZHx8MjAxOS0wMS0yOVQyMzowMDowMFojbm90LWEtdXVpZA", Map.of(), null, false, 400));
        a.add(new Attack("a limit that is not a number", "GET", "/api/posts?limit=1e9", Map.of(), null, false, 400));
        a.add(new Attack("an unknown route", "GET", "/api/admin", Map.of(), null, false, 404));
        a.add(new Attack("an unknown method", "PUT", "/api/tags", Map.of("Content-Type", "application/json"), "{}".getBytes(), true, 405));
        a.add(json("an edit without If-Match", "PATCH", "/api/posts/" + "placeholder", "{\"title\": \"x\"}", 428));
        a.add(new Attack("a stale If-Match", "PATCH", "/api/posts/" + "placeholder", Map.of("Content-Type", "application/json", "If-Match", "\"gammal\""),
                "{\"title\": \"Kapad\"}".getBytes(), true, 412));
        a.add(new Attack("a 21st tag by PUT with junk", "PUT", "/api/posts/placeholder/tags", Map.of("Content-Type", "application/json"),
                "{\"tags\": [\"<script>\", \"\"]}".getBytes(), true, 400));
        a.add(new Attack("a page with script in its path", "GET", "/tags/%3Cscript%3Ealert(1)%3C%2Fscript%3E", Map.of(), null, false, 404));
        a.add(new Attack("a form post without a session", "POST", "/write", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "title=%3Cscript%3Ealert(1)%3C%2Fscript%3E&body=x&authorName=a".getBytes(), false, 403));
        a.add(new Attack("a form in broken UTF-8", "POST", "/signin", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "token=%C0%AF".getBytes(), false, 400));
        return a;
    }

    @Test
    void everyHostileRequestGetsA4xxAndChangesNothing() {
        String before = state();
        for (Attack attack : corpus()) {
            String path = attack.path().replace("placeholder", slug);
            var reply = http.send(attack.method(), path, null, attack.body(), attack.bearer() ? ServerExtension.TOKEN : null, attack.headers());
            assertEquals(attack.status(), reply.status(), attack.name() + ": " + reply.body());
            String type = reply.header("content-type");
            if (path.startsWith("/api")) {
                JsonNode body = reply.json();
                boolean gateway = reply.status() == 401 || reply.status() == 403;
                assertTrue(gateway ? body.has("message") : body.path("error").has("code"), attack.name() + ": " + reply.body());
                assertTrue(type.startsWith("application/json"), attack.name());
            } else {
                assertTrue(type.startsWith("text/html"), attack.name());
                assertFalse(reply.body().contains("<script>alert"), attack.name() + " echoed markup");
            }
        }
        assertEquals(before, state(), "every list and count is unchanged");
        assertEquals(etag, http.get("/api/posts/" + slug).header("etag"), "the target post is unchanged");
    }

    /**
     * "Accept-Encoding: ;" (a coding of nothing) must not be a 500 on every route, in API Gateway's shape, not the API's,
     * and after a create has made its post. It is no coding: the answer is the one any client gets, unzipped.
     */
    @Test
    void aCodingOfNothingIsAnsweredAsAnyOtherRequest() {
        for (String odd : List.of(";", "br, ;")) {
            Map<String, String> headers = Map.of("Accept-Encoding", odd);
            var post = http.send("GET", "/api/posts/" + slug, null, null, null, headers);
            assertEquals(200, post.status(), odd + ": " + post.body());
            assertEquals(slug, post.json().path("slug").asText());
            var missing = http.send("GET", "/api/posts/finns-inte", null, null, null, headers);
            assertEquals(404, missing.status(), missing.body());
            assertEquals("not_found", missing.json().path("error").path("code").asText(), "the API's own shape");
            for (String page : List.of("/", "/feed.xml", "/posts/" + slug)) {
                var reply = http.send("GET", page, null, null, null, headers);
                assertEquals(200, reply.status(), page + ": " + reply.body());
                assertEquals(null, reply.header("content-encoding"), page);
            }
        }
    }

    @Test
    void headerBytesNoHttpClientWouldSendAreRefusedToo() {
        String before = state();
        String body = "{\"title\": \"T\", \"body\": \"B\", \"author\": {\"name\": \"A\"}}";
        for (String key : List.of("nyckel-\u00e5\u00e4\u00f6", "a\u0001b", "a\u007fb")) {
            var reply = http.socket("POST", "/api/posts", List.of("Content-Type: application/json",
                    "Authorization: Bearer " + ServerExtension.TOKEN, "Idempotency-Key: " + key), body.getBytes(StandardCharsets.UTF_8));
            assertEquals(400, reply.status(), key + ": " + reply.body());
            assertTrue(reply.body().contains("Idempotency-Key"), reply.body());
        }
        assertEquals(before, state());
    }

    /**
     * A request under 1 MiB of 150,000 categories that are none, 90,000 unknown fields or 200,000 nulls, answered one detail
     * for each, would come to 26 MB: past the 6 MB Lambda returns, so API Gateway would answer 500 for the client's own
     * mistake. The first 50 are named.
     */
    @Test
    void aRequestOfThousandsOfMistakesGetsAShortAnswer() {
        String before = state();
        String valid = "\"title\": \"T\", \"body\": \"B\", \"author\": {\"name\": \"A\"}";
        StringBuilder unknown = new StringBuilder("{" + valid);
        for (int i = 0; i < 90_000; i++) {
            unknown.append(",\"u").append(i).append("\":0");
        }
        unknown.append('}');
        var requests = List.of(
                List.of("POST", "/api/posts", "{" + valid + ", \"tags\": [" + String.join(",", Collections.nCopies(150_000, "\"!\"")) + "]}"),
                List.of("POST", "/api/posts", unknown.toString()),
                List.of("PUT", "/api/posts/" + slug + "/tags", "{\"tags\": [" + String.join(",", Collections.nCopies(200_000, "null")) + "]}"));
        for (List<String> r : requests) {
            assertTrue(r.get(2).getBytes(StandardCharsets.UTF_8).length < 1024 * 1024, "under the 1 MiB a body may have");
            var reply = http.write(r.get(0), r.get(1), r.get(2));
            String what = r.get(0) + " " + r.get(1) + ": " + reply.body().substring(0, Math.min(300, reply.body().length()));
            assertEquals(400, reply.status(), what);
            assertTrue(reply.body().length() < 64 * 1024, what + " (" + reply.body().length() + " characters)");
            JsonNode details = reply.json().path("error").path("details");
            assertEquals(50, details.size(), what + ": the first 50 (JsonErrors.MAX_DETAILS)");
            assertFalse(details.get(0).path("field").asText().isEmpty(), what);
        }
        assertEquals(before, state(), "every list and count is unchanged");
    }

    /** Everything a reader can list: posts, tags with counts, and the pages of both. */
    static String state() {
        return http.get("/api/posts?limit=100").body() + http.get("/api/tags").body()
                + http.get("/api/posts?tag=maltavla").body();
    }
}
