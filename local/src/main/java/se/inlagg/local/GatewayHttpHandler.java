package se.inlagg.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The socket side of the emulated HTTP API: each exchange becomes a gateway request (its path and
 * query read as the client's UTF-8) and the gateway's answer goes back. Functions log the requests
 * they answer; this logs the ones API Gateway answers itself, so each request has one line.
 */
final class GatewayHttpHandler implements HttpHandler {

    /** API Gateway refuses larger requests before any function runs. */
    static final int MAX_REQUEST_BYTES = 10 * 1024 * 1024;

    private final Gateway gateway;
    /** Where lines go; asked each time, as ReadableLog does, so a test that swaps System.out sees them. */
    private final Supplier<PrintStream> log;

    GatewayHttpHandler(Gateway gateway, Supplier<PrintStream> log) {
        this.gateway = gateway;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        int status = 500;
        boolean byGateway = true;
        URI uri = exchange.getRequestURI();
        String rawPath = QueryString.fromRequestLine(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        try (exchange) {
            String method = exchange.getRequestMethod();
            HttpExchangeData.Response response;
            byte[] body = readBody(exchange);
            if (body == null) {
                response = Gateway.message(413, "Request Entity Too Large");
            } else {
                List<Map.Entry<String, String>> headers = new ArrayList<>();
                exchange.getRequestHeaders().forEach((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
                String rawQuery = QueryString.fromRequestLine(uri.getRawQuery() == null ? "" : uri.getRawQuery());
                response = gateway.handle(new HttpExchangeData.Request(method, rawPath, rawQuery, headers, body,
                        exchange.getRemoteAddress().getAddress().getHostAddress()));
            }
            status = response.status();
            byGateway = response.byGateway();
            response.headers().forEach(h -> exchange.getResponseHeaders().add(h.getKey(), h.getValue()));
            boolean noBody = status == 204 || status == 304 || method.equals("HEAD") || response.body().length == 0;
            exchange.sendResponseHeaders(status, noBody ? -1 : response.body().length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        } finally {
            if (byGateway) {
                // In the functions' own readable format (ReadableLog), which logs every request they answer.
                log.get().printf("%s INFO  %s %s %d %d ms (API Gateway)%n", LocalTime.now().format(ReadableLog.TIME),
                        exchange.getRequestMethod(), rawPath, status, (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    /** The body, or null when it is larger than API Gateway accepts. */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_REQUEST_BYTES + 1);
            return body.length > MAX_REQUEST_BYTES ? null : body;
        }
    }
}
