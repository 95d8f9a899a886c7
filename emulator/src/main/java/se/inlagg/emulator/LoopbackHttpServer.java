package se.inlagg.emulator;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
        server.createContext("/", handler);
        server.setExecutor(executor);
        server.start();
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
