package se.inlagg.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.inlagg.app.LazyWiring;
import se.inlagg.app.Priming;
import se.inlagg.app.Wiring;
import se.inlagg.json.Json;
import se.inlagg.ops.Invocation;
import se.inlagg.ops.KeepActive;
import se.inlagg.ops.Log;
import se.inlagg.ops.Metrics;
import se.inlagg.posts.Refusal;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The shape every HTTP function shares, API and pages alike: read API Gateway's event, handle it,
 * answer. Whatever a handler throws becomes an answer here, in the handler's error format; every
 * answer gets the security headers and compression; every request one log line and one metric.
 *
 * <p>A stream handler: the event is read as JSON into our own {@link HttpRequest} rather than
 * bound by the runtime to aws-lambda-java-events' classes, which costs a cold start dearly (docs/PERFORMANCE.md).
 */
public abstract class HttpFunction implements RequestStreamHandler {

    private final LazyWiring wiring = new LazyWiring();

    protected HttpFunction() {
        Priming.whenSnapshotted(() -> Priming.inRounds(primingSteps()));
    }

    /**
     * What priming runs, in rounds: the shared reads of the table (if it reads it; JSON alone if not), this
     * function's own requests, then {@link #primeMadeUp}. A request answered 5xx is a failed step (the store refused or
     * broke), logged and run no more. Public for the tests that show no step writes anything.
     */
    public final List<Runnable> primingSteps() {
        List<Runnable> steps = new ArrayList<>();
        if (readsTable()) {
            steps.addAll(Priming.of(app()).steps(readsPostsBySlug()));
        } else {
            steps.add(Priming::primeJson);
        }
        for (HttpRequest request : primingRequests()) {
            steps.add(() -> {
                int status = answer(request).status();
                if (status >= 500) {
                    throw new IllegalStateException("priming request " + request.routeKey() + " answered " + status);
                }
            });
        }
        steps.add(this::primeMadeUp);
        return steps;
    }

    /**
     * Runs, before a SnapStart snapshot, the part of this function's path that no priming request reaches
     * because nothing is stored to find (a post page's rendering of a post and what surrounds it), on
     * made-up data. It may read; it must write nothing.
     */
    protected void primeMadeUp() {
    }

    /**
     * Requests this function answers before a SnapStart snapshot, so its own path (reading the
     * event, the store, rendering) is loaded and compiled in the snapshot. Only requests that
     * change nothing: a write function primes with a request it refuses.
     */
    protected List<HttpRequest> primingRequests() {
        return List.of();
    }

    /**
     * Whether this function reads posts by their slugs (a BatchGetItem, granted only to those that do), so
     * its priming should; pages that do prime it with their own requests.
     */
    protected boolean readsPostsBySlug() {
        return false;
    }

    /** Whether this function reads the table at all; those that do not (files, 404s) are not granted it. */
    protected boolean readsTable() {
        return true;
    }

    /** A GET of a path, as priming sends it ({@link #primingRequest}). */
    protected static HttpRequest primingGet(String routeKey, String path) {
        return primingRequest("GET", routeKey, path).build();
    }

    /**
     * A request as priming sends it, to add path parameters, a query or a cookie to: accepting gzip, as
     * browsers and the CDN do, so compressing the answer is primed too.
     */
    protected static HttpRequest.Builder primingRequest(String method, String routeKey, String path) {
        return HttpRequest.builder().method(method).routeKey(routeKey).path(path).header("accept-encoding", "gzip, deflate, br")
                .requestId("priming");
    }

    /** What this route does; a refusal is thrown as a {@link ProblemException} or returned as an answer. */
    protected abstract HttpResponse handle(HttpRequest request);

    /** A refusal before any work is done or any of the request read: none here; pages refuse another site's forms. */
    protected Optional<Problem> refusedAtTheDoor(HttpRequest request) {
        return Optional.empty();
    }

    /** Runs {@link #handle}; a function that can read what the request needs ahead of it does so here. */
    protected HttpResponse handleWithin(HttpRequest request) {
        return handle(request);
    }

    /**
     * Whether a request of this function that AWS gave no answer to may simply be sent again: a read, and what only begins
     * or ends a session or signs an upload's address. Any other change may have landed, and its author is told to look
     * first ({@link Problems#outcomeUnknown}).
     */
    protected boolean safeToSendAgain(HttpRequest request) {
        return request.isRead();
    }

    /**
     * A form's page shown again with what was typed and the problem said, when AWS failed its sending (throttled, out of
     * time, unreachable): else the error page, and the text is nowhere, since a form's page is never stored (from a
     * review). Empty where the function has no such form.
     */
    protected Optional<HttpResponse> formAgain(HttpRequest request, Problem problem) {
        return Optional.empty();
    }

    private Optional<HttpResponse> givenBack(HttpRequest request, Problem problem) {
        try {
            return formAgain(request, problem);
        } catch (RuntimeException e) {
            Log.warn("form_not_given_back", "error", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** How this function shows problems: the JSON error shape, or a page. */
    protected abstract ErrorRenderer errors(HttpRequest request);

    @Override
    public final void handleRequest(InputStream in, OutputStream out, Context context) {
        long start = System.nanoTime();
        Object event = Json.read(in);
        if (KeepActive.answered(event, out)) {
            return;
        }
        HttpRequest request = readEvent(event);
        try (Invocation.Scope scope = Invocation.begin(context, request.routeKey(), request.requestId())) {
            HttpResponse response = answer(request);
            Json.write(payload(response), out);
            long millis = (System.nanoTime() - start) / 1_000_000;
            Metrics.request(request.routeKey(), response.status(), millis);
            Log.info("request", "method", request.method(), "path", logged(request.path()), "status", response.status(), "ms", millis);
        }
    }

    /** The longest path a log line holds whole: every address of the site's, and room to spare. */
    static final int LOGGED_PATH = 200;

    /**
     * A path as the log holds it: cut at {@link #LOGGED_PATH} characters, with its length, since the client chooses it (up
     * to CloudFront's 8,192 bytes) and the log is paid by the byte; a made-up address of 8,000 characters wrote 8.5 KB
     * where a request writes half a kilobyte.
     */
    static String logged(String path) {
        if (path.length() <= LOGGED_PATH) {
            return path;
        }
        // Never between the two halves of a character (an emoji): the log's writer would join the half to what follows.
        int cut = Character.isHighSurrogate(path.charAt(LOGGED_PATH - 1)) ? LOGGED_PATH - 1 : LOGGED_PATH;
        return path.substring(0, cut) + "… (" + path.length() + " characters)";
    }

    /**
     * The whole edge without the wire format: what tests and local tools call. A HEAD (the template routes
     * it for reader pages, which uptime monitors and link checkers ask with it) is answered as its GET
     * would be, headers and all, without the body.
     */
    public final HttpResponse answer(HttpRequest request) {
        if (request.method().equals("HEAD")) {
            return respond(request.headAsGet()).withBody(new byte[0]);
        }
        return respond(request);
    }

    private HttpResponse respond(HttpRequest request) {
        HttpResponse response;
        try {
            Optional<Problem> refused = refusedAtTheDoor(request);
            response = refused.isPresent() ? errors(request).render(request, refused.get()) : handleWithin(request);
        } catch (ProblemException e) {
            response = errors(request).render(request, e.problem());
        } catch (AwsServiceException | SdkClientException e) {
            Problem problem = storeFailure(e, request);
            response = givenBack(request, problem).orElseGet(() -> errors(request).render(request, problem));
        } catch (RuntimeException e) {
            Log.error("unhandled", e, "method", request.method(), "path", logged(request.path()));
            response = errors(request).render(request, Problems.internal());
        }
        return Compression.apply(request, SecurityHeaders.apply(Caching.unstoredIfAChange(request, response)));
    }

    /** The application's services: the shared ones of this container unless a test or tool gave others. */
    protected final Wiring app() {
        return wiring.get();
    }

    /** Runs this function on other services (a test's store, a tool's table); returns itself. */
    public final HttpFunction use(Wiring services) {
        wiring.use(services);
        return this;
    }

    /**
     * DynamoDB or S3 throttling that outlasted the retries is "busy": AWS refused, so nothing was written, and a retry a
     * moment later may well get past. A call that ran out of the invocation's time (WithinTheInvocation) or could not
     * reach AWS (the connection refused, reset or silent) got no answer: a read, or a request as safe to send again, is
     * busy too, but a change may have landed, so its author is told to look before doing it again. Anything else
     * (refused credentials, a missing bucket) is our fault.
     */
    private Problem storeFailure(RuntimeException e, HttpRequest request) {
        boolean throttled = e instanceof AwsServiceException a && (a.isThrottlingException() || a.statusCode() == 503);
        if (throttled) {
            Metrics.count(Metrics.Event.THROTTLES);
            Log.warn("throttled", "error", e.getClass().getSimpleName());
            return safeToSendAgain(request) ? Problems.busyAsking(Problems.BUSY_RETRY_AFTER) : Problems.of(new Refusal.Busy(Problems.BUSY_RETRY_AFTER));
        }
        if (e instanceof ApiCallTimeoutException) {
            Log.warn("aws_call_timed_out", "error", e.getMessage());
        } else if (unreachable(e)) {
            Log.warn("aws_unreachable", "error", e.getMessage());
        } else {
            Log.error("store_failed", e);
            return Problems.internal();
        }
        return safeToSendAgain(request) ? Problems.notAnswered(Problems.BUSY_RETRY_AFTER) : Problems.outcomeUnknown(Problems.BUSY_RETRY_AFTER);
    }

    /** A client failure whose cause is the network's: refused, reset, timed out, or a host not found. */
    private static boolean unreachable(RuntimeException e) {
        if (!(e instanceof SdkClientException)) {
            return false;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static HttpRequest readEvent(Object event) {
        if (!(event instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("the event is not a JSON object: is this function behind an HTTP API?");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) map;
        return HttpRequest.fromEvent(typed);
    }

    /** API Gateway's payload 2.0 response; bytes that are not plain text travel base64. */
    static Map<String, Object> payload(HttpResponse response) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("statusCode", response.status());
        out.put("headers", response.headers());
        if (!response.cookies().isEmpty()) {
            out.put("cookies", response.cookies());
        }
        boolean binary = !response.header("content-encoding").isEmpty() || !Compression.compressible(response.header("content-type"));
        out.put("body", binary ? Base64.getEncoder().encodeToString(response.body()) : new String(response.body(), StandardCharsets.UTF_8));
        out.put("isBase64Encoded", binary);
        return out;
    }
}
