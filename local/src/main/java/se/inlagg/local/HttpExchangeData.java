package se.inlagg.local;

import java.util.List;
import java.util.Map;

/** An HTTP request or response as plain data, so the gateway can be tested without a socket. */
final class HttpExchangeData {

    private HttpExchangeData() {
    }

    /** A request as it arrived: headers in arrival order, repeated names kept apart. */
    record Request(String method, String rawPath, String rawQuery, List<Map.Entry<String, String>> headers,
                   byte[] body, String sourceIp) {
    }

    /**
     * A response to send: several Set-Cookie headers may stand side by side. A function logs its own
     * requests; answers API Gateway gives itself (401, 403, 404, 413, 500) are {@code byGateway}.
     */
    record Response(int status, List<Map.Entry<String, String>> headers, byte[] body, boolean byGateway) {
    }
}
