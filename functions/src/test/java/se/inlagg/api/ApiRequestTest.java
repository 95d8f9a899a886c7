package se.inlagg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiRequestTest {

    static ApiRequest request(String contentType, String body, boolean base64) {
        var event = APIGatewayV2HTTPEvent.builder()
                .withHeaders(contentType == null ? Map.of() : Map.of("content-type", contentType))
                .withBody(body)
                .withIsBase64Encoded(base64)
                .build();
        return new ApiRequest(event);
    }

    static int status(Runnable r) {
        return assertThrows(ProblemException.class, r::run).response().status();
    }

    @Test
    void aJsonObjectIsRead() {
        assertEquals("Hej på dig", request("application/json; charset=UTF-8", "{\"title\":\"Hej på dig\"}", false)
                .jsonObject().path("title").asText());
        String b64 = Base64.getEncoder().encodeToString("{\"a\":\"å\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("å", request("application/json", b64, true).jsonObject().path("a").asText());
    }

    @Test
    void otherMediaTypesAre415() {
        assertEquals(415, status(() -> request("text/plain", "{}", false).jsonObject()));
        assertEquals(415, status(() -> request(null, "{}", false).jsonObject()));
        assertEquals(415, status(() -> request("application/json; charset=latin1", "{}", false).jsonObject()));
        assertEquals(415, status(() -> request("application/x-www-form-urlencoded", "a=b", false).jsonObject()));
    }

    @Test
    void malformedBodiesAre400() {
        for (String body : new String[] {"", "  ", "[]", "\"text\"", "42", "null", "{\"a\":1}{}", "{\"a\":1,\"a\":2}", "{'a':1}",
                "[".repeat(5000) + "]".repeat(5000), "{\"a\":" + "{\"a\":".repeat(100) + "1" + "}".repeat(101)}) {
            assertEquals(400, status(() -> request("application/json", body, false).jsonObject()), body.length() > 40 ? body.substring(0, 40) : body);
        }
    }

    @Test
    void bytesThatAreNotUtf8Are400NotReplaced() {
        String b64 = Base64.getEncoder().encodeToString(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}'});
        assertEquals(400, status(() -> request("application/json", b64, true).jsonObject()));
        assertEquals(400, status(() -> request("application/json", "not base64 at all!", true).jsonObject()));
    }

    @Test
    void bodiesOverOneMebibyteAfterDecodingAre413() {
        String justOver = "x".repeat(ApiRequest.MAX_BODY_BYTES + 1);
        assertEquals(413, status(() -> request("application/json", justOver, false).bodyBytes()));
        String encoded = Base64.getEncoder().encodeToString(justOver.getBytes(StandardCharsets.UTF_8));
        assertEquals(413, status(() -> request("application/json", encoded, true).bodyBytes()));
        // Multi-byte text: fewer characters than the limit, more bytes.
        String swedish = "å".repeat(ApiRequest.MAX_BODY_BYTES / 2 + 1);
        assertEquals(413, status(() -> request("application/json", swedish, false).bodyBytes()));
        assertEquals(ApiRequest.MAX_BODY_BYTES, request("application/json", "x".repeat(ApiRequest.MAX_BODY_BYTES), false).bodyBytes().length);
    }

    @Test
    void headersAreFoundWhateverTheirCase() {
        var event = APIGatewayV2HTTPEvent.builder().withHeaders(Map.of("If-Match", "\"x\"")).build();
        assertEquals(Optional.of("\"x\""), new ApiRequest(event).header("if-match"));
    }

    @Test
    void withoutAuthorizerContextThereIsNoAuthor() {
        assertEquals(Optional.empty(), request(null, null, false).authorId());
    }
}
