package se.inlagg.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK HTTP server as both emulators run it: on the loopback address only, one virtual thread
 * per request, answers sent without Nagle's delay. Public only because the emulators live in
 * separate packages.
 */
public final class LoopbackHttpServer implements AutoCloseable {

    static {
        // Without TCP_NODELAY, a small answer sent after its headers waits ~40 ms for the client's delayed ACK.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    /** Serves every path with {@code handler} on the loopback {@code port} (0 for a free one). */
    public LoopbackHttpServer(int port, HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        server.createContext("/", exchange -> {
            if (loopbackName(exchange.getRequestHeaders().getFirst("Host"))) {
                handler.handle(exchange);
            } else {
                misdirected(exchange);
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Whether a request's Host names this machine. Neither emulator checks a signature, so a web page whose own name
     * was made to point at 127.0.0.1 (DNS rebinding) could otherwise read and write a developer's table and buckets
     * from their browser, by its own name. Every client here names loopback: the SDK, the
     * local server's presigned uploads, a browser at localhost, a container at host.docker.internal (a name only Docker
     * resolves, so no web page can be served from it). A request without a Host (HTTP/1.0) names nothing.
     */
    static boolean loopbackName(String host) {
        if (host == null) {
            return true;
        }
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            String address = end < 0 ? "" : name.substring(1, end);
            boolean port = end == name.length() - 1 || name.startsWith(":", end + 1);
            return port && (address.equals("::1") || address.equals("0:0:0:0:0:0:0:1"));
        }
        int colon = name.indexOf(':');
        name = colon < 0 ? name : name.substring(0, colon);
        // A name may end in the root's dot ("localhost."), which names the same host.
        name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        return name.equals("localhost") || name.endsWith(".localhost") || name.equals("host.docker.internal")
                || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private static void misdirected(HttpExchange exchange) throws IOException {
        byte[] body = "This emulator answers requests to localhost only.\n".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(421, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops accepting, closes the connections and waits for the requests under way. */
    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
