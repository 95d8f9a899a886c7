package se.inlagg.ops;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import se.inlagg.json.Json;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * X-Ray subsegments for DynamoDB calls without the X-Ray SDK: when Lambda sampled the current
 * invocation, each call the client makes is sent as one subsegment, a UDP datagram to the X-Ray
 * daemon Lambda runs beside the function. The X-Ray SDK would do the same but loads its recorder,
 * plugins and sampling rules at cold start; this is one small class that does nothing at all for
 * an unsampled invocation. Tracing is an aid, never a cause: nothing here throws.
 */
public final class Trace implements ExecutionInterceptor {

    /** Where AWS's runtime client puts each invocation's Lambda-Runtime-Trace-Id header. */
    static final String HEADER_PROPERTY = "com.amazonaws.xray.traceHeader";
    /** What other runtimes use, and Lambda sets when the runtime client does not. */
    static final String HEADER_ENV = "_X_AMZN_TRACE_ID";
    static final String DAEMON_ENV = "AWS_XRAY_DAEMON_ADDRESS";

    private static final ExecutionAttribute<Call> CALL = new ExecutionAttribute<>("se.inlagg.ops.Trace.call");
    private static final byte[] DATAGRAM_HEADER = "{\"format\": \"json\", \"version\": 1}\n".getBytes(StandardCharsets.UTF_8);
    /** TransactWriteItems names its table three levels down (TransactItems → Put → TableName). */
    private static final int TABLE_NAME_DEPTH = 3;

    private final Supplier<String> header;
    private final Optional<Daemon> daemon;

    /** The trace header of the invocation at hand and the daemon Lambda names, read as Lambda sets them. */
    public Trace() {
        this(Trace::currentHeader, System.getenv(DAEMON_ENV));
    }

    Trace(Supplier<String> header, String daemonAddress) {
        this.header = header;
        this.daemon = Daemon.parse(daemonAddress);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (daemon.isEmpty()) {
            return;
        }
        try {
            TraceHeader.sampled(header.get()).ifPresent(h -> attributes.putAttribute(CALL, new Call(h, epochSeconds())));
        } catch (RuntimeException e) {
            Log.debug("trace_skipped", "error", e.getClass().getSimpleName());
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        finish(attributes, context.request(), Optional.of(context.httpResponse()), null);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        finish(attributes, context.request(), context.httpResponse(), context.exception());
    }

    private void finish(ExecutionAttributes attributes, SdkRequest request, Optional<SdkHttpResponse> response, Throwable failure) {
        Call call = attributes.getAttribute(CALL);
        if (call == null) {
            return;
        }
        try {
            send(subsegment(call, attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), request, response, failure));
        } catch (IOException | RuntimeException e) {
            Log.debug("trace_not_sent", "error", e.getClass().getSimpleName());
        }
    }

    static Map<String, Object> subsegment(Call call, String operation, SdkRequest request,
                                          Optional<SdkHttpResponse> response, Throwable failure) {
        Map<String, Object> aws = new LinkedHashMap<>();
        aws.put("operation", operation);
        Set<String> tables = tableNames(request);
        if (tables.size() == 1) {
            aws.put("table_name", tables.iterator().next());
        } else if (!tables.isEmpty()) {
            aws.put("table_names", List.copyOf(tables));
        }
        response.flatMap(r -> r.firstMatchingHeader("x-amzn-RequestId")).ifPresent(id -> aws.put("request_id", id));

        int status = response.map(SdkHttpResponse::statusCode).orElse(0);
        // DynamoDB throttles with 400 and an error code; a call with no answer at all (a timeout) is our fault.
        boolean throttle = status == 429 || failure instanceof AwsServiceException e && e.isThrottlingException();
        boolean fault = status >= 500 || failure != null && response.isEmpty();
        boolean error = !fault && (throttle || status >= 400 || failure != null);

        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", "DynamoDB");
        s.put("namespace", "aws");
        s.put("type", "subsegment");
        s.put("id", newId());
        s.put("trace_id", call.header().root());
        s.put("parent_id", call.header().parent());
        s.put("start_time", call.startedAt());
        s.put("end_time", epochSeconds());
        s.put("aws", aws);
        if (status > 0) {
            s.put("http", Map.of("response", Map.of("status", status)));
        }
        s.put("error", error);
        s.put("throttle", throttle);
        s.put("fault", fault);
        return s;
    }

    private void send(Map<String, Object> subsegment) throws IOException {
        byte[] body = Json.write(subsegment).getBytes(StandardCharsets.UTF_8);
        byte[] datagram = new byte[DATAGRAM_HEADER.length + body.length];
        System.arraycopy(DATAGRAM_HEADER, 0, datagram, 0, DATAGRAM_HEADER.length);
        System.arraycopy(body, 0, datagram, DATAGRAM_HEADER.length, body.length);
        Daemon to = daemon.orElseThrow();
        // A socket per call: nothing open survives into a SnapStart snapshot, and a call costs microseconds.
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(datagram, datagram.length, new InetSocketAddress(to.host(), to.port())));
        }
    }

    /** The table(s) a request names: a TableName field at any of the first levels, or BatchGetItem's RequestItems keys. */
    static Set<String> tableNames(SdkPojo request) {
        Set<String> names = new TreeSet<>();
        Deque<SdkPojo> level = new ArrayDeque<>(List.of(request));
        for (int depth = 0; depth < TABLE_NAME_DEPTH && !level.isEmpty(); depth++) {
            Deque<SdkPojo> next = new ArrayDeque<>();
            for (SdkPojo pojo : level) {
                for (var field : pojo.sdkFields()) {
                    Object value = field.getValueOrDefault(pojo);
                    switch (value) {
                        case String s when field.memberName().equals("TableName") -> names.add(s);
                        case Map<?, ?> m when field.memberName().equals("RequestItems") -> m.keySet().forEach(k -> names.add(String.valueOf(k)));
                        case SdkPojo child -> next.add(child);
                        case List<?> list -> list.stream().filter(SdkPojo.class::isInstance).map(SdkPojo.class::cast).forEach(next::add);
                        case null, default -> { /* attribute values and other scalars name no table */ }
                    }
                }
            }
            level = next;
        }
        return names;
    }

    /** The header of the invocation this thread serves: the runtime client's property, else the environment. */
    static String currentHeader() {
        String property = System.getProperty(HEADER_PROPERTY);
        return property != null && !property.isBlank() ? property : System.getenv(HEADER_ENV);
    }

    /**
     * X-Ray's 64-bit id in hex, from a SecureRandom made here: a generator made before a SnapStart
     * snapshot would give every restored copy the same ids.
     */
    static String newId() {
        byte[] bytes = new byte[8];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** X-Ray's clock: seconds since the epoch, with microseconds, written as a plain decimal (never 1.7E9). */
    static BigDecimal epochSeconds() {
        Instant now = Instant.now();
        return BigDecimal.valueOf(now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000, 6);
    }

    /** A call being timed, for the invocation whose header it read when it began. */
    record Call(TraceHeader header, BigDecimal startedAt) {
    }

    /** The X-Ray daemon's UDP address: "host:port", or "tcp:host:port udp:host:port" as Lambda may give it. */
    record Daemon(String host, int port) {

        static Optional<Daemon> parse(String address) {
            if (address == null || address.isBlank()) {
                return Optional.empty();
            }
            String udp = address.strip();
            for (String part : udp.split("\\s+")) {
                if (part.startsWith("udp:")) {
                    udp = part.substring("udp:".length());
                }
            }
            int colon = udp.lastIndexOf(':');
            if (colon <= 0 || udp.contains(" ")) {
                return Optional.empty();
            }
            try {
                int port = Integer.parseInt(udp.substring(colon + 1));
                return port > 0 && port < 65_536 ? Optional.of(new Daemon(udp.substring(0, colon), port)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    /** The parts of "Root=1-…;Parent=…;Sampled=1" a subsegment needs; present only for a sampled trace. */
    record TraceHeader(String root, String parent) {

        static Optional<TraceHeader> sampled(String header) {
            if (header == null) {
                return Optional.empty();
            }
            Map<String, String> parts = new LinkedHashMap<>();
            for (String part : header.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    parts.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
                }
            }
            String root = parts.getOrDefault("Root", "");
            String parent = parts.getOrDefault("Parent", "");
            return "1".equals(parts.get("Sampled")) && !root.isEmpty() && !parent.isEmpty()
                    ? Optional.of(new TraceHeader(root, parent)) : Optional.empty();
        }
    }
}
