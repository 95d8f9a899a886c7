package se.inlagg.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.TestContext;
import se.inlagg.json.Json;

/**
 * What a request costs in CloudWatch Logs ($0.50 a GB taken in) is the service's to bound, not the client's. README
 * and PERFORMANCE count about 2 KB a request, and a path is the client's to make as long as CloudFront lets it (8,192
 * bytes of URL): a made-up address misses every cache and reaches the fallback function (the cheapest to run), and the
 * request line held it whole, 8.5 KB where a request writes 0.5 KB (found by a cost probe). The line holds its start and
 * its length.
 */
class LogVolumeTest {

    /** The log lines of a request for this path, answered 404 as the fallback answers a made-up address. */
    static String loggedFor(String path) {
        String event = """
                {"version":"2.0","routeKey":"$default","rawPath":%s,"rawQueryString":"",
                 "headers":{"user-agent":"curl/8.5.0"},
                 "requestContext":{"requestId":"r-43","http":{"method":"GET","sourceIp":"192.0.2.1"}},
                 "isBase64Encoded":false}""".formatted(Json.write(path));
        TestContext context = new TestContext();
        LogTest.function(r -> HttpResponse.json(404, Map.of("error", "not_found")))
                .handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), context);
        return context.logs();
    }

    @Test
    void aRequestsLogLinesStayNearTheirCountedSizeWhateverPathTheClientSends() {
        String logs = loggedFor("/" + "a".repeat(8_000));
        int bytes = logs.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(logs.contains("… (8001 characters)"), "the path's start and its length: " + logs);
        assertTrue(bytes <= 2_048, "a 404 for a made-up path of 8,000 characters wrote " + bytes + " bytes of log lines, the path"
                + " whole; README counts about 2 KB a request, and the client chooses how many more: " + logs.substring(0, 300));
    }

    /**
     * A path is cut at 200 UTF-16 units, which can fall between the two halves of a character outside the BMP (an emoji in a
     * slug typed by hand, a made-up address). It is cut before the character: a half left would be joined by the log's JSON
     * writer (which combines surrogates) with the "…" after it into a character the path never had (a bird, for a smiling
     * face), and the mark of the cut lost (found by a review).
     */
    @Test
    void aPathCutInsideACharacterIsLoggedAsWholeCharacters() {
        String logs = loggedFor("/" + "a".repeat(198) + "\uD83D\uDE00" + "b".repeat(20));
        String line = logs.lines().filter(l -> l.contains("\"request\"")).findFirst().orElse("");
        String kept = "\"path\":\"/" + "a".repeat(198);
        assertTrue(line.contains(kept + "…") || line.contains(kept + "\uD83D\uDE00…"),
                "the path's start in whole characters, then the mark of the cut; the line holds a character the path never had: "
                        + line.substring(line.indexOf(kept) + kept.length() - 3));
        Json.read(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)));
    }
}
