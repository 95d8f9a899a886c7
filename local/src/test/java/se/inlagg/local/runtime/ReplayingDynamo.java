package se.inlagg.local.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A DynamoDB endpoint whose answers cost nothing: the first request of each shape goes to a real
 * endpoint (the emulator) and its answer is kept; every later request of that shape is answered from
 * memory at once. A function's warm time measured against it is the function's own time, not the
 * store's, which is what "warm within 2× of the floor" compares.
 *
 * <p>A request's shape is its operation and body with what differs from call to call taken out:
 * times, ids, numbers (versions, counters) and the run's number in the table name (each function keeps
 * its own table, so it is answered from what its own events were seeded with). Answers replayed are the real
 * answers to the first such request, so every function sees well-formed data (a page of posts, a
 * found post, a committed write), and a write function's repeated create meets the same counter and
 * the same committed transaction every time, as it would in a table it alone writes to.
 *
 * <p>It is a plain HTTP/1.1 server on loopback sockets, not the JDK's HttpServer: an answer is one
 * prepared buffer written at once on a socket without Nagle's delay, and a request sent before byte
 * for byte (a warm answer's reads) is found without working out its shape, so a replayed answer costs
 * the function tens of microseconds of the endpoint's time, not the millisecond the JDK's server and
 * the shape's JSON cost it ({@link #counts()} prints the average).
 */
final class ReplayingDynamo implements AutoCloseable {

    private static final ObjectMapper SORTED = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final Set<String> KEPT_HEADERS = Set.of("content-type", "x-amz-crc32", "x-amzn-requestid");
    private static final Set<String> FORWARDED_HEADERS = Set.of("content-type", "authorization");
    /**
     * {@code -Dbenchmark.roundTrip=3}: each replayed answer held back that many milliseconds, as a call to
     * DynamoDB in AWS takes a few. With it a warm answer's time shows how many round trips a function waits
     * for one after another, which the default (no wait) hides; the function's own time is measured without it.
     */
    static final long ROUND_TRIP_MILLIS = Long.getLong("benchmark.roundTrip", 0);
    /** Requests kept by their exact bytes: enough for every warm loop, bounded because writes name a new time each. */
    private static final int EXACT_LIMIT = 10_000;

    private final URI upstream;
    private final ServerSocket socket;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, Recorded> answers = new ConcurrentHashMap<>();
    private final Map<String, Recorded> exact = new ConcurrentHashMap<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger forwarded = new AtomicInteger();
    private final AtomicInteger replayed = new AtomicInteger();
    private final AtomicLong answeredBytes = new AtomicLong();
    private final LongAdder replayNanos = new LongAdder();

    /** An answer as DynamoDB gave it, and as it goes back on the wire: status line, headers and body in one buffer. */
    private record Recorded(int status, byte[] body, byte[] wire) {

        static Recorded of(int status, List<Map.Entry<String, String>> headers, byte[] body) {
            StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(status == 200 ? " OK" : " Error").append("\r\n");
            headers.forEach(h -> head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n"));
            head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            byte[] wire = Arrays.copyOf(start, start.length + body.length);
            System.arraycopy(body, 0, wire, start.length, body.length);
            return new Recorded(status, body, wire);
        }
    }

    /** One request as read off the socket. */
    private record Request(String path, Map<String, String> headers, byte[] body) {
    }

    private ReplayingDynamo(URI upstream) throws IOException {
        this.upstream = upstream;
        this.socket = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("replaying-dynamo-accept").start(this::accept);
    }

    static ReplayingDynamo in(URI upstream) {
        try {
            return new ReplayingDynamo(upstream);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serve the replaying endpoint", e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    /** Requests answered so far and the bytes of their answers: what a function's warm answers cost in calls. */
    Traffic traffic() {
        return new Traffic(forwarded.get() + replayed.get(), answeredBytes.get());
    }

    /** Requests and answer bytes, counted from the endpoint's start. */
    record Traffic(long requests, long bytes) {

        Traffic since(Traffic before) {
            return new Traffic(requests - before.requests, bytes - before.bytes);
        }
    }

    /** "forwarded/replayed", and what a replayed answer cost the endpoint, for the benchmark's notes. */
    String counts() {
        return forwarded.get() + " forwarded, " + replayed.get() + " replayed, each in " + String.format(Locale.ROOT,
                "%.0f µs", replayNanos.sum() / 1e3 / Math.max(1, replayed.get())) + " on average from its last byte in to its answer handed to the socket"
                + (ROUND_TRIP_MILLIS > 0 ? ", then held back " + ROUND_TRIP_MILLIS + " ms as a round trip in AWS" : "");
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connection.setTcpNoDelay(true);
                open.add(connection);
                // A thread a connection, as a client's connection pool holds a few: a blocked read wakes at once.
                Thread.ofPlatform().daemon().name("replaying-dynamo").start(() -> serve(connection));
            } catch (IOException e) {
                return;  // closed
            }
        }
    }

    /** Answers the connection's requests one after another until the client closes it. */
    private void serve(Socket connection) {
        try (connection; var in = new BufferedInputStream(connection.getInputStream()); OutputStream out = connection.getOutputStream()) {
            for (Request request = read(in); request != null; request = read(in)) {
                long arrived = System.nanoTime();
                String target = request.headers().getOrDefault("x-amz-target", "");
                String exactKey = target + "\n" + new String(request.body(), StandardCharsets.UTF_8);
                Recorded recorded = exact.get(exactKey);
                boolean forwardedNow = false;
                if (recorded == null) {
                    String shape = target + "\n" + shape(exactKey.substring(target.length() + 1));
                    recorded = answers.get(shape);
                    if (recorded == null) {
                        recorded = forward(request);
                        forwardedNow = true;
                        if (recorded.status() == 200) {
                            answers.putIfAbsent(shape, recorded);
                        }
                    } else if (exact.size() < EXACT_LIMIT) {
                        exact.put(exactKey, recorded);
                    }
                }
                // Counted before the answer leaves: the benchmark reads the counts as soon as the function has answered.
                answeredBytes.addAndGet(recorded.body().length);
                if (forwardedNow) {
                    forwarded.incrementAndGet();
                } else {
                    replayed.incrementAndGet();
                    replayNanos.add(System.nanoTime() - arrived);
                    if (ROUND_TRIP_MILLIS > 0) {
                        Thread.sleep(ROUND_TRIP_MILLIS);
                    }
                }
                out.write(recorded.wire());
                out.flush();
            }
        } catch (IOException | NumberFormatException e) {
            // The client closed the connection (its JVM ended), sent what is not HTTP, or the emulator could not be
            // reached: the connection is closed, and the function sees the failure as a broken connection.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(connection);
        }
    }

    /** The next request on the connection (its headers named in lower case), or null when the client closed it. */
    private static Request read(BufferedInputStream in) throws IOException {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        Map<String, String> headers = new HashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        return new Request(parts.length > 1 ? parts[1] : "/", headers, body);
    }

    /** One header line, without its CRLF; null at the end of the stream. */
    private static String line(BufferedInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); ; c = in.read()) {
            if (c < 0) {
                return line.isEmpty() ? null : line.toString();
            }
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
    }

    private Recorded forward(Request request) throws IOException {
        var forwarded = HttpRequest.newBuilder(upstream.resolve(request.path())).POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, value) -> {
            if (FORWARDED_HEADERS.contains(name) || name.startsWith("x-amz")) {
                forwarded.header(name, value);
            }
        });
        try {
            HttpResponse<byte[]> response = client.send(forwarded.build(), HttpResponse.BodyHandlers.ofByteArray());
            List<Map.Entry<String, String>> headers = response.headers().map().entrySet().stream()
                    .filter(e -> KEPT_HEADERS.contains(e.getKey().toLowerCase(Locale.ROOT)))
                    .flatMap(e -> e.getValue().stream().map(v -> Map.entry(e.getKey(), v))).toList();
            return Recorded.of(response.statusCode(), headers, response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding", e);
        }
    }

    /** The body with its per-call parts (times, ids, tokens, the run's table name) made alike. */
    static String shape(String body) {
        return canonical(body)
                .replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z", "T")
                // Ids made anew per call (random, version 4) go; an id made from a slug (version 5) stays, as the slug
                // it stands for would: a post read by its slug is a Query of that id, and priming's read of a made-up
                // slug, found nowhere, must not answer the page's read of a real one after it (SnapStart mode).
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-(?!5)[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "U")
                // The run's number goes, the function's name stays: each function's own seeded table
                // answers it (CreatePost's "no such slug" must not answer GetPost's read of that slug).
                .replaceAll("PostsTable-([A-Za-z]+)-\\d+", "TABLE-$1")
                // The clock hour of an author's write allowance: a write in the next hour is the same write (found
                // when a benchmark that ran across a whole hour saw its edit's transaction forwarded, fail its
                // condition on the table the recording changed, and the edit answer busy after its budget).
                .replaceAll("\"HOUR#\\d+\"", "\"HOUR#H\"")
                // Counters and versions: a write replayed as committed must meet the same read again.
                .replaceAll("\"N\":\"-?[0-9.]+\"", "\"N\":\"#\"")
                .replaceAll("\"ExclusiveStartKey\":\\{[^}]*}}", "");
    }

    /**
     * The body with every object's keys in one order: the SDK writes maps in their iteration order, and
     * an immutable Map's differs from JVM to JVM, so one request would otherwise have a shape per run.
     */
    private static String canonical(String body) {
        try {
            return SORTED.writeValueAsString(SORTED.readValue(body, Object.class));
        } catch (IOException e) {
            return body;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket connection : open) {
            try {
                connection.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        client.close();
    }
}
