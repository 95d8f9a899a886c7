package se.inlagg.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.testcontainers.utility.DockerImageName;

/**
 * A quick look at the Docker engine before Testcontainers takes over: does an engine answer, and
 * does it have (or can it pull) every image a test needs? Testcontainers' own checks wait minutes
 * where an engine runs but cannot pull (Ryuk, alpine, the image itself); every step here has a
 * timeout of a second or two, so a machine without a usable engine learns why in a few seconds.
 * It speaks the Engine API over the socket itself (HTTP/1.0, so each answer ends when the
 * connection closes), because a client library would bring its own, longer, timeouts.
 */
final class DockerCheck {

    /** Time for the engine to answer one small request. */
    static final Duration ANSWER = Duration.ofMillis(1500);
    /** Time for a registry's first answer to a pull: after that a pull is under way, not stalled. */
    static final Duration PULL_STARTS = Duration.ofSeconds(3);
    /** A pull under way that shows no progress for this long has stalled after all. */
    static final Duration PULL_PROGRESS = Duration.ofMinutes(2);

    /** What was found: the engine that answers, or why it cannot be used (and which image it lacks). */
    record Result(Optional<URI> engine, Optional<DockerImageName> missing, Optional<String> problem) {
        static Result usable(URI engine) {
            return new Result(Optional.of(engine), Optional.empty(), Optional.empty());
        }

        static Result noEngine(String problem) {
            return new Result(Optional.empty(), Optional.empty(), Optional.of(problem));
        }

        static Result lacks(URI engine, DockerImageName image, String problem) {
            return new Result(Optional.of(engine), Optional.of(image), Optional.of(problem));
        }
    }

    /** Thrown for an answer that says no, with the engine's own words. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private DockerCheck() {
    }

    /**
     * Finds an engine that answers and makes sure it has every image, pulling an absent one when
     * a registry answers (progress lines go to {@code say}). Empty problem: Testcontainers may start.
     */
    static Result check(List<DockerImageName> images, Consumer<String> say) {
        List<URI> candidates = candidates();
        if (candidates.isEmpty()) {
            return Result.noEngine("no Docker engine found (no DOCKER_HOST and no docker.sock)");
        }
        URI engine = null;
        String whyNot = null;
        for (URI candidate : candidates) {
            if (!checkable(candidate)) {
                // TLS, named pipes, ssh: not spoken here; Testcontainers will find out itself.
                return Result.usable(candidate);
            }
            try {
                var ping = call(candidate, "GET", "/_ping", ANSWER);
                if (ping.status() == 200) {
                    engine = candidate;
                    break;
                }
                whyNot = "no Docker engine answers at " + candidate + " (HTTP " + ping.status() + ")";
            } catch (TimeoutException e) {
                whyNot = "no Docker engine answers at " + candidate + " within " + ANSWER.toMillis() + " ms";
            } catch (IOException e) {
                whyNot = "no Docker engine answers at " + candidate + " (" + brief(e) + ")";
            }
        }
        if (engine == null) {
            return Result.noEngine(whyNot);
        }
        for (DockerImageName image : images) {
            try {
                if (!present(engine, image)) {
                    pull(engine, image, say);
                    if (!present(engine, image)) {
                        return Result.lacks(engine, image, "Docker pulled " + image.asCanonicalNameString() + " but does not list it");
                    }
                }
            } catch (Refused e) {
                return Result.lacks(engine, image, "Docker has no " + image.asCanonicalNameString() + " and cannot pull it: " + e.getMessage());
            } catch (TimeoutException e) {
                return Result.lacks(engine, image, "Docker has no " + image.asCanonicalNameString() + " and "
                        + (e.getMessage() != null ? e.getMessage() : "the engine did not answer within " + ANSWER.toMillis() + " ms"));
            } catch (IOException e) {
                return Result.noEngine("the Docker engine at " + engine + " stopped answering (" + brief(e) + ")");
            }
        }
        return Result.usable(engine);
    }

    /**
     * Where an engine may be, in Testcontainers' order: tc.host and docker.host of
     * ~/.testcontainers.properties or DOCKER_HOST, else the sockets of Docker, Docker Desktop and
     * rootless Docker that exist.
     */
    static List<URI> candidates() {
        Properties user = new Properties();
        Path file = Path.of(System.getProperty("user.home"), ".testcontainers.properties");
        try (InputStream in = Files.newInputStream(file)) {
            user.load(in);
        } catch (IOException e) {
            // no such file: Testcontainers' defaults
        }
        for (String configured : new String[] {user.getProperty("tc.host"), System.getenv("DOCKER_HOST"), user.getProperty("docker.host")}) {
            if (configured != null && !configured.isBlank()) {
                return List.of(URI.create(configured.strip()));
            }
        }
        List<Path> sockets = new ArrayList<>();
        sockets.add(Path.of("/var/run/docker.sock"));
        Path home = Path.of(System.getProperty("user.home"));
        sockets.add(home.resolve(".docker/run/docker.sock"));
        sockets.add(home.resolve(".docker/desktop/docker.sock"));
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank()) {
            sockets.add(Path.of(runtime, "docker.sock"));
        }
        return sockets.stream().filter(Files::exists).map(p -> URI.create("unix://" + p.toAbsolutePath())).toList();
    }

    private static boolean checkable(URI engine) {
        return switch (engine.getScheme() == null ? "" : engine.getScheme()) {
            case "unix" -> true;
            case "tcp", "http" -> !"1".equals(System.getenv("DOCKER_TLS_VERIFY"));
            default -> false;
        };
    }

    private static boolean present(URI engine, DockerImageName image) throws IOException, TimeoutException, Refused {
        var answer = call(engine, "GET", "/images/" + image.asCanonicalNameString() + "/json", ANSWER);
        return switch (answer.status()) {
            case 200 -> true;
            case 404 -> false;
            default -> throw new Refused("inspecting it answered HTTP " + answer.status() + ": " + message(answer.body()));
        };
    }

    /**
     * Pulls an image: a registry must answer within {@link #PULL_STARTS}; from then on the pull
     * runs as long as it makes progress. A refusal names the engine's reason.
     */
    private static void pull(URI engine, DockerImageName image, Consumer<String> say) throws IOException, TimeoutException, Refused {
        String repository = image.getRegistry().isEmpty() ? image.getRepository() : image.getRegistry() + "/" + image.getRepository();
        String path = "/images/create?fromImage=" + URLEncoder.encode(repository, StandardCharsets.UTF_8)
                + "&tag=" + URLEncoder.encode(image.getVersionPart(), StandardCharsets.UTF_8);
        BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
        var connection = new Connection(engine);
        Thread reader = Thread.ofPlatform().daemon().name("docker-pull").start(() -> {
            try {
                int status = connection.send("POST", path);
                if (status != 200) {
                    String body = new String(connection.in().readAllBytes(), StandardCharsets.UTF_8);
                    lines.add(Optional.of(errorLine("HTTP " + status + ": " + message(body))));
                }
                readLines(connection.in(), line -> lines.add(Optional.of(line)));
            } catch (IOException e) {
                lines.add(Optional.of(errorLine(brief(e))));
            } finally {
                lines.add(Optional.empty());
            }
        });
        try {
            boolean started = false;
            for (Optional<String> line = next(lines, PULL_STARTS); line.isPresent(); line = next(lines, started ? PULL_PROGRESS : PULL_STARTS)) {
                if (line.get().isBlank()) {
                    continue;
                }
                JsonNode event = Http.JSON.readTree(line.get());
                if (event.hasNonNull("error")) {
                    throw new Refused(shorten(event.path("error").asText()));
                }
                if (!started) {
                    say.accept("pulling " + image.asCanonicalNameString() + " into Docker (once; it can take minutes)");
                    started = true;
                }
            }
            say.accept("pulled " + image.asCanonicalNameString());
        } finally {
            connection.close();
            reader.interrupt();
        }
    }

    /** The next line of a pull, or empty at its end; a TimeoutException when none comes in time. */
    private static Optional<String> next(BlockingQueue<Optional<String>> lines, Duration limit) throws IOException, TimeoutException {
        try {
            Optional<String> line = lines.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                throw new TimeoutException(limit.equals(PULL_STARTS)
                        ? "no registry answered a pull within " + PULL_STARTS.toSeconds() + " s"
                        : "the pull showed no progress for " + PULL_PROGRESS.toMinutes() + " minutes");
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String errorLine(String message) {
        return Http.JSON.createObjectNode().put("error", message).toString();
    }

    private static void readLines(InputStream in, Consumer<String> each) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                each.accept(line.toString(StandardCharsets.UTF_8).strip());
                line.reset();
            } else {
                line.write(b);
            }
        }
        if (line.size() > 0) {
            each.accept(line.toString(StandardCharsets.UTF_8).strip());
        }
    }

    record Answer(int status, String body) {
    }

    /** One request, its whole answer within the time given, or a TimeoutException. */
    static Answer call(URI engine, String method, String path, Duration limit) throws IOException, TimeoutException {
        var connection = new Connection(engine);
        return within(limit, connection, () -> {
            int status = connection.send(method, path);
            return new Answer(status, new String(connection.in().readAllBytes(), StandardCharsets.UTF_8));
        });
    }

    private static <T> T within(Duration limit, Connection connection, Callable<T> work) throws IOException, TimeoutException {
        FutureTask<T> task = new FutureTask<>(work);
        Thread worker = Thread.ofPlatform().daemon().name("docker-check").start(task);
        try {
            return task.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            connection.close();
            worker.interrupt();
        }
    }

    /** The engine's own message in an error answer ({"message": "…"}), else the body itself, shortened. */
    private static String message(String body) {
        try {
            JsonNode json = Http.JSON.readTree(body);
            if (json != null && json.hasNonNull("message")) {
                return shorten(json.path("message").asText());
            }
        } catch (IOException e) {
            // not JSON
        }
        return shorten(body.strip());
    }

    private static String brief(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + shorten(message));
    }

    private static String shorten(String s) {
        String line = s.replaceAll("\\s+", " ");
        return line.length() <= 200 ? line : line.substring(0, 197) + "...";
    }

    /** An HTTP/1.0 exchange with the engine over its Unix socket or plain TCP. */
    private static final class Connection {

        private final URI engine;
        private volatile SocketChannel channel;
        private InputStream in;

        Connection(URI engine) {
            this.engine = engine;
        }

        /** Sends the request and reads the head of the answer; answers the status. */
        int send(String method, String path) throws IOException {
            channel = "unix".equals(engine.getScheme())
                    ? SocketChannel.open(UnixDomainSocketAddress.of(engine.getPath()))
                    : SocketChannel.open(new InetSocketAddress(engine.getHost(), engine.getPort() == -1 ? 2375 : engine.getPort()));
            String request = method + " " + path + " HTTP/1.0\r\nHost: docker\r\nContent-Length: 0\r\n\r\n";
            ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
            while (out.hasRemaining()) {
                channel.write(out);
            }
            in = new BufferedInputStream(Channels.newInputStream(channel));
            String statusLine = headLine();
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP answer: " + shorten(statusLine));
            }
            for (String header = headLine(); !header.isEmpty(); header = headLine()) {
                // Content-Type and the like: HTTP/1.0 answers end when the connection closes.
            }
            try {
                return Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IOException("not an HTTP answer: " + shorten(statusLine));
            }
        }

        InputStream in() {
            return in;
        }

        private String headLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b == -1) {
                    throw new IOException("the engine closed the connection");
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }

        void close() {
            SocketChannel c = channel;
            if (c != null) {
                try {
                    c.close();
                } catch (IOException e) {
                    // closed already
                }
            }
        }
    }
}
