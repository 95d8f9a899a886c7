package se.inlagg.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A GET whose request target goes on the wire byte for byte, as curl sends {@code ?tag=Frivård}:
 * Java's HttpClient would percent-encode it first, and so never show what a raw client sees.
 */
final class RawHttp {

    private RawHttp() {
    }

    /**
     * The status code of {@code GET target} on a loopback port; the target is sent as UTF-8, unencoded, and each of
     * {@code headerLines} ("Name: value") as a line of its own, a name given twice on two lines.
     */
    static int get(int port, String target, String... headerLines) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String headers = String.join("", Arrays.stream(headerLines).map(line -> line + "\r\n").toList());
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + headers + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Integer.parseInt(answer.split(" ", 3)[1]);
        }
    }
}
