package se.inlagg.emulator.s3;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.AccessDeniedException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import se.inlagg.emulator.LoopbackHttpServer;

/** The HTTP side: loopback only, one virtual thread per request, S3's error bodies and request ids. */
final class HttpFront implements AutoCloseable {

    private static final Logger LOG = System.getLogger(HttpFront.class.getName());

    /** The most of an unread request body read before answering; past this the connection is closed instead. */
    private static final long DRAIN_LIMIT = 1024 * 1024;

    private final LoopbackHttpServer server;

    HttpFront(int port, Router router) throws IOException {
        server = new LoopbackHttpServer(port, exchange -> serve(exchange, router));
    }

    int port() {
        return server.port();
    }

    private static void serve(HttpExchange exchange, Router router) throws IOException {
        try (exchange) {
            S3Request request = S3Request.of(exchange);
            Answer answer;
            try {
                answer = router.route(request);
            } catch (S3Error e) {
                answer = error(e, request);
            } catch (RuntimeException e) {
                // A failed disk, or a bug: answered as S3 answers its own failures, and logged, never a dropped connection. The
                // disk's failure in one line (the search indexer's retries each meet it, and traces would flood the log
                // with no line saying what to do); a bug with its trace.
                String failed = "S3 emulator: " + request.method() + " " + exchange.getRequestURI() + " failed";
                Optional<IOException> disk = diskFailure(e);
                if (disk.isPresent()) {
                    LOG.log(Level.WARNING, failed + ": the data folder's disk: " + disk.get().getMessage()
                            + " (free some space or fix the disk; clients retry, and what they failed to write is not kept)");
                } else {
                    LOG.log(Level.WARNING, failed, e);
                }
                answer = error(S3Error.internal("We encountered an internal error. Please try again."), request);
            }
            router.cors().decorate(request, answer);
            finishReading(request, answer);
            send(exchange, request, answer);
        }
    }

    /** How a file system says it refuses a write: what the operating system says of a full, read-only or failing disk. */
    private static final List<String> DISK_REFUSALS = List.of("no space left", "disk quota", "read-only file system", "not a directory",
            "input/output error", "file too large");

    /**
     * The file system's refusal behind a failure, if that is what it is. Only those: a client that hung
     * up in the middle of its body, a sidecar that does not parse or a path that is not there is an IOException too, and
     * is logged with its trace.
     */
    static Optional<IOException> diskFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException denied) {
                return Optional.of(denied);
            }
            if (t instanceof IOException io && io.getMessage() != null
                    && DISK_REFUSALS.stream().anyMatch(io.getMessage().toLowerCase(Locale.ROOT)::contains)) {
                return Optional.of(io);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads what the handler left of a small request body before answering. The JDK server sends
     * "100 Continue" before any handler runs, and a client that then finds an error right behind it
     * may read both at once and lose the error (HttpURLConnection does, and waits forever); once the
     * body is read, the answer comes alone. A large remainder (an upload refused for its size) is not
     * read: the connection closes after the answer instead.
     */
    private static void finishReading(S3Request request, Answer answer) {
        long unread = request.unread();
        if (unread == 0) {
            return;
        }
        if (unread > DRAIN_LIMIT) {
            answer.header("Connection", "close");
            return;
        }
        try {
            byte[] sink = new byte[16 * 1024];
            long total = 0;
            int n;
            while ((n = request.body().read(sink)) >= 0) {
                total += n;
                if (total > DRAIN_LIMIT) {
                    answer.header("Connection", "close");
                    return;
                }
            }
        } catch (IOException e) {
            answer.header("Connection", "close");
        }
    }

    private static Answer error(S3Error e, S3Request request) {
        Answer answer = Answer.of(e.status());
        e.headers().forEach(answer::header);
        // A HEAD answer has no body, so S3 sends none; SDKs map the status alone.
        return "HEAD".equals(request.method()) ? answer : answer.header("Content-Type", "application/xml").bytes(e.body(request.requestId()));
    }

    private static void send(HttpExchange exchange, S3Request request, Answer answer) throws IOException {
        var headers = exchange.getResponseHeaders();
        answer.headers().forEach(headers::set);
        headers.set("x-amz-request-id", request.requestId());
        headers.set("x-amz-id-2", request.requestId());
        boolean head = "HEAD".equals(request.method());
        int status = answer.status();
        if (head || status == 204 || status == 304 || answer.length() < 0) {
            if (head && answer.length() >= 0) {
                headers.set("Content-Length", Long.toString(answer.length()));
            }
            closeQuietly(answer.stream());
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        // 0 would mean "chunked" to the JDK server; an empty body is sent with length -1 and Content-Length: 0.
        if (answer.length() == 0) {
            headers.set("Content-Length", "0");
            closeQuietly(answer.stream());
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, answer.length());
        try (OutputStream out = exchange.getResponseBody()) {
            if (answer.stream() != null) {
                try (InputStream in = answer.stream()) {
                    copy(in, out, answer.length());
                }
            } else {
                out.write(answer.bytes());
            }
        }
    }

    /** Sends exactly {@code length} bytes: a range stops before the end of its stream. */
    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("the object ended " + left + " bytes early");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // Nothing was read from it; there is nothing to report.
            }
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
