package se.inlagg.emulator.dynamodb;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.CRC32;

/** The HTTP side: POST / on loopback, one virtual thread per request, DynamoDB's JSON 1.0 headers. */
final class HttpFront implements AutoCloseable {

    static {
        // Without TCP_NODELAY, a small answer sent after its headers waits ~40 ms for the client's delayed ACK.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    HttpFront(int port, Dispatcher dispatcher) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        server.createContext("/", exchange -> answer(exchange, dispatcher));
        server.setExecutor(executor);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
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
                    : new Dispatcher.Answer(200, "{\"service\":\"Inlägg embedded DynamoDB\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
        server.stop(0);
        executor.close();
    }
}
