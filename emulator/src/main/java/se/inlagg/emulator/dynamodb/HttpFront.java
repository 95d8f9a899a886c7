package se.inlagg.emulator.dynamodb;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.CRC32;
import se.inlagg.emulator.LoopbackHttpServer;

/** The HTTP side: POST / on loopback, one virtual thread per request, DynamoDB's JSON 1.0 headers. */
final class HttpFront implements AutoCloseable {

    private final LoopbackHttpServer server;

    HttpFront(int port, Dispatcher dispatcher) throws IOException {
        server = new LoopbackHttpServer(port, exchange -> answer(exchange, dispatcher));
    }

    int port() {
        return server.port();
    }

    private static void answer(HttpExchange exchange, Dispatcher dispatcher) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Dispatcher.Answer answer = "POST".equals(exchange.getRequestMethod())
                    ? dispatcher.handle(exchange.getRequestHeaders().getFirst("X-Amz-Target"), body,
                            exchange.getRequestHeaders().getFirst("Authorization"))
                    : new Dispatcher.Answer(200, "{\"service\":\"Inlägg embedded DynamoDB\"}".getBytes(StandardCharsets.UTF_8));
            CRC32 crc = new CRC32();
            crc.update(answer.body());
            var headers = exchange.getResponseHeaders();
            headers.set("Content-Type", "application/x-amz-json-1.0");
            headers.set("x-amzn-RequestId", UUID.randomUUID().toString());
            headers.set("x-amz-crc32", Long.toString(crc.getValue()));
            exchange.sendResponseHeaders(answer.status(), answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
