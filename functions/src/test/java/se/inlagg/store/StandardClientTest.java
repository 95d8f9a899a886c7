package se.inlagg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The client every function talks to DynamoDB with, against a loopback server that keeps each
 * request as it arrived: how the requests travel, not what DynamoDB answers.
 */
class StandardClientTest {

    private static final String EMPTY_QUERY_ANSWER = "{\"Count\":0,\"Items\":[],\"ScannedCount\":0}";

    private final LoopbackDynamo server = new LoopbackDynamo();
    private final DynamoDbClient client = Table.configured(DynamoDbClient.builder())
            .endpointOverride(server.endpoint())
            .region(Region.EU_NORTH_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
            .build();

    @AfterEach
    void close() throws IOException {
        client.close();
        server.close();
    }

    @Test
    void callsShareOneConnectionAndEachBodyArrivesWholeWithItsLength() {
        for (int i = 0; i < 3; i++) {
            query("POST#ö" + i);
        }

        assertEquals(1, server.connections.get(), "every call after the first reuses the kept-alive connection");
        assertEquals(3, server.requests.size());
        for (int i = 0; i < 3; i++) {
            Request request = server.requests.get(i);
            assertEquals("POST / HTTP/1.1", request.line());
            assertEquals(Integer.toString(request.body().length), request.headers().get("content-length"));
            assertTrue(new String(request.body(), StandardCharsets.UTF_8).contains("\"S\":\"POST#ö" + i + "\""), request::toString);
            // The length is the JDK's, set after signing: the signature must not cover it.
            String authorization = request.headers().get("authorization");
            assertFalse(authorization.toLowerCase(Locale.ROOT).contains("content-length"), authorization);
        }
    }

    /**
     * The JDK's check of a kept-alive connection before a streamed POST waits a millisecond on every
     * call and always ends in a timeout it catches; this client's calls must not make it.
     */
    @Test
    void aCallOnAKeptAliveConnectionWaitsForNoLivenessCheck(@TempDir Path dir) throws Exception {
        query("POST#first");
        Path dump = dir.resolve("calls.jfr");
        try (var recording = new Recording()) {
            recording.enable("jdk.JavaExceptionThrow").withStackTrace();
            recording.start();
            for (int i = 0; i < 3; i++) {
                query("POST#" + i);
            }
            recording.stop();
            recording.dump(dump);
        }

        List<String> timeouts = new ArrayList<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(dump)) {
            if (event.getClass("thrownClass").getName().equals(SocketTimeoutException.class.getName())
                    && event.getThread() != null && event.getThread().getJavaThreadId() == Thread.currentThread().threadId()) {
                timeouts.add(event.getStackTrace().getFrames().toString());
            }
        }
        assertEquals(List.of(), timeouts);
        assertEquals(1, server.connections.get());
    }

    @Test
    void aConnectionTheServerClosedWhileIdleIsReplacedAndTheCallMadeOnce() {
        query("POST#first");
        server.closeIdleConnections();

        assertEquals(0, query("POST#second"));

        assertEquals(2, server.connections.get());
        assertEquals(List.of("POST#first", "POST#second"), server.requests.stream()
                .map(r -> new String(r.body(), StandardCharsets.UTF_8).replaceAll(".*\"S\":\"([^\"]+)\".*", "$1")).toList());
    }

    private int query(String partition) {
        return client.query(q -> q.tableName("Posts").keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition)))).count();
    }

    record Request(String line, Map<String, String> headers, byte[] body) {
    }

    /** HTTP/1.1 with keep-alive on loopback, answering every request with an empty Query result. */
    private static final class LoopbackDynamo implements AutoCloseable {

        final List<Request> requests = new CopyOnWriteArrayList<>();
        final AtomicInteger connections = new AtomicInteger();
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private final List<Thread> serving = new CopyOnWriteArrayList<>();
        private final ServerSocket socket;

        LoopbackDynamo() {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread.ofVirtual().start(this::accept);
        }

        URI endpoint() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        /**
         * What DynamoDB does to a connection left idle: closes it, and the client learns of it only when it next uses it.
         * Returns once each connection's thread has ended: a socket closed while a virtual thread waits to read it is
         * closed for good only when that thread wakes, and until then the client's next request could still be read.
         */
        void closeIdleConnections() {
            for (Socket s : open) {
                try {
                    s.close();
                } catch (IOException e) {
                    // closed already
                }
            }
            for (Thread t : serving) {
                try {
                    t.join(Duration.ofSeconds(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    connections.incrementAndGet();
                    open.add(connection);
                    serving.add(Thread.ofVirtual().start(() -> serve(connection)));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket connection) {
            try (connection) {
                InputStream in = new BufferedInputStream(connection.getInputStream());
                OutputStream out = connection.getOutputStream();
                while (true) {
                    String line = readLine(in);
                    if (line == null) {
                        return;
                    }
                    Map<String, String> headers = new LinkedHashMap<>();
                    for (String header = readLine(in); header != null && !header.isEmpty(); header = readLine(in)) {
                        int colon = header.indexOf(':');
                        headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
                    }
                    byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
                    requests.add(new Request(line, headers, body));
                    byte[] answer = EMPTY_QUERY_ANSWER.getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: " + answer.length
                            + "\r\nx-amzn-RequestId: test\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(answer);
                    out.flush();
                }
            } catch (IOException e) {
                // the client or the test closed it
            }
        }

        private static String readLine(InputStream in) throws IOException {
            var line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b == -1) {
                    return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            socket.close();
            closeIdleConnections();
        }
    }
}
