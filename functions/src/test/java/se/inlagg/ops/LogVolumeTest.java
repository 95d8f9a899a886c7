package se.inlagg.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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

    @Test
    void aRequestsLogLinesStayNearTheirCountedSizeWhateverPathTheClientSends() {
        String path = "/" + "a".repeat(8_000);
        String event = """
                {"version":"2.0","routeKey":"$default","rawPath":%s,"rawQueryString":"",
                 "headers":{"user-agent":"curl/8.5.0"},
                 "requestContext":{"requestId":"r-43","http":{"method":"GET","sourceIp":"192.0.2.1"}},
                 "isBase64Encoded":false}""".formatted(Json.write(path));
        TestContext context = new TestContext();
        LogTest.function(r -> HttpResponse.json(404, java.util.Map.of("error", "not_found")))
                .handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), context);
        int bytes = context.logs().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(context.logs().contains("… (8001 characters)"), "the path's start and its length: " + context.logs());
        assertTrue(bytes <= 2_048, "a 404 for a made-up path of 8,000 characters wrote " + bytes + " bytes of log lines, the path"
                + " whole; README counts about 2 KB a request, and the client chooses how many more: " + context.logs().substring(0, 300));
    }
}
