package se.inlagg.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The emulators check no signature, so answering a request by any Host would let a web page whose name was made to
 * point at 127.0.0.1 (DNS rebinding) read and write a developer's table from their browser.
 */
class LoopbackHttpServerTest {

    /** The status line of a GET / sent with this Host header. */
    static String statusFor(int port, String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return answer.substring(0, answer.indexOf("\r\n"));
        }
    }

    @Test
    void onlyARequestNamingThisMachineIsAnswered() throws Exception {
        try (var server = new LoopbackHttpServer(0, exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        })) {
            int port = server.port();
            for (String host : List.of("localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "LOCALHOST", "inlagg.localhost:" + port)) {
                assertEquals("HTTP/1.1 204 No Content", statusFor(port, host), host);
            }
            for (String host : List.of("rebind.example.com:" + port, "localhost.example.com", "127.0.0.1.nip.io", "[::2]:" + port)) {
                assertTrue(statusFor(port, host).startsWith("HTTP/1.1 421"), host);
            }
        }
    }

    @Test
    void aLoopbackNameIsOneThatCanNameNothingElse() {
        assertTrue(LoopbackHttpServer.loopbackName(null), "HTTP/1.0 names no host");
        for (String host : List.of("127.1.2.3:80", "localhost.", "localhost.:4566", "[0:0:0:0:0:0:0:1]:80", "[::1]", "host.docker.internal:4566")) {
            assertTrue(LoopbackHttpServer.loopbackName(host), host);
        }
        for (String host : List.of("evil.localhost.example", "10.0.0.1", "[::1]x", "[::1", "[::2]", "docker.internal")) {
            assertFalse(LoopbackHttpServer.loopbackName(host), host);
        }
    }
}
