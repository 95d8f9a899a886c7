package se.inlagg.local.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Lambda Runtime API (version 2018-06-01) that Lambda serves to one execution environment, on a
 * free loopback port: the runtime client long-polls for the next event, then posts its response or
 * its error; a handler that cannot even be loaded posts an init error. SnapStart's restore calls are
 * answered as a restore that happened at once.
 */
final class RuntimeApi implements AutoCloseable {

    private static final String BASE = "/2018-06-01/runtime";

    /** An event waiting for the runtime to take it, the headers it comes with, and what it will answer. */
    private record Pending(String requestId, String traceHeader, byte[] payload, CompletableFuture<RuntimeAnswer> answer) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "runtime-api");
        t.setDaemon(true);
        return t;
    });
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Map<String, Pending> taken = new ConcurrentHashMap<>();
    private final CompletableFuture<RuntimeError> initError = new CompletableFuture<>();
    private final CompletableFuture<Long> restoredAt = new CompletableFuture<>();
    private final String functionArn;
    private final Duration timeout;

    private RuntimeApi(String functionArn, Duration timeout) throws IOException {
        this.functionArn = functionArn;
        this.timeout = timeout;
        // Port 0: the system picks a free port, so parallel runs never race for one.
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(threads);
        server.createContext(BASE + "/invocation/", this::invocation);
        server.createContext(BASE + "/init/error", exchange -> initError(exchange, "init"));
        server.createContext(BASE + "/restore/error", exchange -> initError(exchange, "restore"));
        server.createContext(BASE + "/restore/next", exchange -> {
            restoredAt.complete(System.nanoTime());
            reply(exchange, 200, new byte[0]);
        });
        server.start();
    }

    /** A Runtime API for one function; the deadline of each event is now plus its timeout. */
    static RuntimeApi start(String functionArn, Duration timeout) throws IOException {
        return new RuntimeApi(functionArn, timeout);
    }

    /** host:port, as AWS_LAMBDA_RUNTIME_API gives it to the runtime. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues one event; the answer completes when the runtime posts a response or an error for it. */
    CompletableFuture<RuntimeAnswer> invoke(String payload) {
        return invoke(payload, UUID.randomUUID().toString(), traceHeader(false));
    }

    /** The same, with the request id and the X-Ray trace header Lambda would send along with it. */
    CompletableFuture<RuntimeAnswer> invoke(String payload, String requestId, String traceHeader) {
        var pending = new Pending(requestId, traceHeader, payload.getBytes(StandardCharsets.UTF_8), new CompletableFuture<>());
        queue.add(pending);
        return pending.answer();
    }

    /**
     * Completes (System.nanoTime()) when a SnapStart runtime, its checkpoint hooks run, asks to be restored:
     * the moment the snapshot would be taken, and, as the restore here takes no time, the moment it is restored.
     */
    CompletableFuture<Long> restoredAt() {
        return restoredAt;
    }

    /** Completes when the runtime reports that it could not initialise (or restore) the function. */
    CompletableFuture<RuntimeError> initError() {
        return initError;
    }

    private void invocation(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String rest = path.substring((BASE + "/invocation/").length());
        if (rest.equals("next") && exchange.getRequestMethod().equals("GET")) {
            next(exchange);
            return;
        }
        String[] parts = rest.split("/", 2);
        Pending pending = taken.remove(parts[0]);
        if (pending == null || parts.length < 2 || !exchange.getRequestMethod().equals("POST")) {
            reply(exchange, 400, "{\"errorMessage\":\"unknown request id or path\",\"errorType\":\"InvalidRequestID\"}");
            return;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        long at = System.nanoTime();
        switch (parts[1]) {
            case "response" -> pending.answer().complete(new RuntimeAnswer.Answered(new String(body, StandardCharsets.UTF_8), at));
            case "error" -> pending.answer().complete(new RuntimeAnswer.Failed(RuntimeError.parse(
                    body, exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"), "invocation")));
            default -> {
                taken.put(parts[0], pending);
                reply(exchange, 404, "{\"errorMessage\":\"no such path\"}");
                return;
            }
        }
        reply(exchange, 202, "{\"status\":\"OK\"}");
    }

    /** The long poll: blocks until an event is queued, as Lambda holds the runtime between invocations. */
    private void next(HttpExchange exchange) throws IOException {
        Pending pending;
        try {
            pending = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
            return;
        }
        taken.put(pending.requestId(), pending);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", pending.requestId());
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + timeout.toMillis()));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        headers.set("Lambda-Runtime-Trace-Id", pending.traceHeader());
        reply(exchange, 200, pending.payload());
    }

    private void initError(HttpExchange exchange, String phase) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        initError.complete(RuntimeError.parse(body, exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"), phase));
        reply(exchange, 202, "{\"status\":\"OK\"}");
    }

    /** An X-Ray trace header of the shape Lambda sends: Root=1-{epoch hex}-{96 random bits};Parent=…;Sampled=0 or 1. */
    static String traceHeader(boolean sampled) {
        var random = ThreadLocalRandom.current();
        byte[] root = new byte[12];
        byte[] parent = new byte[8];
        random.nextBytes(root);
        random.nextBytes(parent);
        return "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-" + HexFormat.of().formatHex(root)
                + ";Parent=" + HexFormat.of().formatHex(parent) + ";Sampled=" + (sampled ? 1 : 0);
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        reply(exchange, status, json.getBytes(StandardCharsets.UTF_8));
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        // The long poll of a runtime that is still waiting holds a thread; it must not outlive the test.
        threads.shutdownNow();
    }
}
