package se.inlagg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.ProblemException;

class JsonBodyTest {

    static HttpRequest request(String contentType, String body, boolean base64) {
        HttpRequest.Builder b = HttpRequest.builder().body(body).base64(base64);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return b.build();
    }

    static int status(Runnable r) {
        return assertThrows(ProblemException.class, r::run).problem().status();
    }

    @Test
    void aJsonObjectIsRead() {
        assertEquals("Hej på dig", ApiFunction.jsonObject(request("application/json; charset=UTF-8", "{\"title\":\"Hej på dig\"}", false)).get("title"));
        assertEquals("Hej", ApiFunction.jsonObject(request("application/json;charset=utf8", "{\"title\":\"Hej\"}", false)).get("title"));
        String b64 = Base64.getEncoder().encodeToString("{\"a\":\"å\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("å", ApiFunction.jsonObject(request("application/merge-patch+json", b64, true)).get("a"));
    }

    /** A gzip body is named as such, not read as text and answered "not valid UTF-8". */
    @Test
    void aCompressedBodyIs415SayingSo() {
        var gzip = HttpRequest.builder().body("H4sIAAAAAAAA").base64(true).header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip").build();
        var problem = assertThrows(ProblemException.class, () -> ApiFunction.jsonObject(gzip)).problem();
        assertEquals(415, problem.status());
        assertEquals("A body with Content-Encoding gzip is not accepted: send it uncompressed.", problem.message());
        for (String none : List.of("identity", "identity, ", "identity,identity", "")) {
            var identity = HttpRequest.builder().body("{\"a\":1}").header("Content-Type", "application/json").header("Content-Encoding", none).build();
            assertEquals(1, ((Number) ApiFunction.jsonObject(identity).get("a")).intValue(), none);
        }
        var both = HttpRequest.builder().body("x").header("Content-Type", "application/json").header("Content-Encoding", "identity, br").build();
        assertEquals("A body with Content-Encoding br is not accepted: send it uncompressed.",
                assertThrows(ProblemException.class, () -> ApiFunction.jsonObject(both)).problem().message());
    }

    /** A content coding's name is case-insensitive (RFC 9110, 8.4.1): "Identity" is no coding, the body read as sent. */
    @Test
    void identityInAnyCaseIsNoCoding() {
        for (String identity : List.of("Identity", "IDENTITY", "identity, Identity")) {
            var request = HttpRequest.builder().body("{\"a\":1}").header("Content-Type", "application/json").header("Content-Encoding", identity).build();
            assertEquals(1, ((Number) ApiFunction.jsonObject(request).get("a")).intValue(), identity);
        }
    }

    @Test
    void otherMediaTypesAre415() {
        assertEquals(415, status(() -> ApiFunction.jsonObject(request("text/plain", "{}", false))));
        assertEquals(415, status(() -> ApiFunction.jsonObject(request(null, "{}", false))));
        assertEquals(415, status(() -> ApiFunction.jsonObject(request("application/json; charset=latin1", "{}", false))));
        assertEquals(415, status(() -> ApiFunction.jsonObject(request("application/x-www-form-urlencoded", "a=b", false))));
        // JSON Patch, not the merge patch a PATCH here reads, even when its body happens to be an object.
        assertEquals(415, status(() -> ApiFunction.jsonObject(request("application/json-patch+json", "{\"title\":\"Nytt\"}", false))));
    }

    @Test
    void malformedBodiesAre400() {
        for (String body : new String[] {"", "  ", "[]", "\"text\"", "42", "null", "{\"a\":1}{}", "{\"a\":1,\"a\":2}", "{'a':1}",
                "[".repeat(5000) + "]".repeat(5000), "{\"a\":" + "{\"a\":".repeat(100) + "1" + "}".repeat(101)}) {
            assertEquals(400, status(() -> ApiFunction.jsonObject(request("application/json", body, false))),
                    body.length() > 40 ? body.substring(0, 40) : body);
        }
    }
}
