package se.inlagg.local.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

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
 */
final class ReplayingDynamo implements AutoCloseable {

    private static final com.fasterxml.jackson.databind.ObjectMapper SORTED = new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final Set<String> KEPT_HEADERS = Set.of("content-type", "x-amz-crc32", "x-amzn-requestid");

    private final URI upstream;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, Recorded> answers = new ConcurrentHashMap<>();
    private final AtomicInteger forwarded = new AtomicInteger();
    private final AtomicInteger replayed = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong answeredBytes = new java.util.concurrent.atomic.AtomicLong();

    private record Recorded(int status, List<Map.Entry<String, String>> headers, byte[] body) {
    }

    private ReplayingDynamo(URI upstream) throws IOException {
        this.upstream = upstream;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(executor);
        server.createContext("/", this::answer);
        server.start();
    }

    static ReplayingDynamo in(URI upstream) {
        try {
            return new ReplayingDynamo(upstream);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serve the replaying endpoint", e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
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

    /** "forwarded/replayed", for the benchmark's notes. */
    String counts() {
        return forwarded.get() + " forwarded, " + replayed.get() + " replayed";
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("x-amz-target");
            String shape = target + "\n" + shape(new String(body, StandardCharsets.UTF_8));
            Recorded recorded = answers.get(shape);
            if (recorded == null) {
                recorded = forward(exchange, body);
                if (recorded.status() == 200) {
                    answers.putIfAbsent(shape, recorded);
                }
                forwarded.incrementAndGet();
            } else {
                replayed.incrementAndGet();
            }
            answeredBytes.addAndGet(recorded.body().length);
            recorded.headers().forEach(h -> exchange.getResponseHeaders().add(h.getKey(), h.getValue()));
            exchange.sendResponseHeaders(recorded.status(), recorded.body().length == 0 ? -1 : recorded.body().length);
            if (recorded.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(recorded.body());
                }
            }
        }
    }

    private Recorded forward(HttpExchange exchange, byte[] body) throws IOException {
        var request = HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI().getRawPath()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("content-type") || name.equalsIgnoreCase("authorization") || name.toLowerCase().startsWith("x-amz")) {
                values.forEach(v -> request.header(name, v));
            }
        });
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            List<Map.Entry<String, String>> headers = response.headers().map().entrySet().stream()
                    .filter(e -> KEPT_HEADERS.contains(e.getKey().toLowerCase()))
                    .flatMap(e -> e.getValue().stream().map(v -> Map.entry(e.getKey(), v))).toList();
            return new Recorded(response.statusCode(), headers, response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding", e);
        }
    }

    /** The body with its per-call parts (times, ids, tokens, the run's table name) made alike. */
    static String shape(String body) {
        return canonical(body)
                .replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z", "T")
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "U")
                // The run's number goes, the function's name stays: each function's own seeded table
                // answers it (CreatePost's "no such slug" must not answer GetPost's read of that slug).
                .replaceAll("PostsTable-([A-Za-z]+)-\\d+", "TABLE-$1")
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
        } catch (java.io.IOException e) {
            return body;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
