package se.inlagg.local.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.inlagg.config.Settings;
import se.inlagg.local.DynamoForTests;
import se.inlagg.local.Repo;
import se.inlagg.local.Template;

/**
 * What an operator sees of one request, with the function run as {@link RuntimeClientTest} runs it
 * (its package, AWS's runtime client, the template's settings): the log lines the application log
 * level lets through, and the X-Ray subsegments a sampled invocation sends to the daemon Lambda runs
 * beside it, here a UDP socket of this test.
 */
class TelemetryRuntimeTest {

    /** Reads a post: a GetItem and a Query, so a trace has more than one call to show. */
    static final String FUNCTION = "GetPostFunction";

    @TempDir
    static Path data;
    static Template template;
    static ReplayEvent event;
    static EventFixtures fixtures;
    static DynamoForTests dynamo;
    static RuntimeLibrary runtime;
    static FunctionSpec function;
    static Path work;
    static final AtomicInteger RUNS = new AtomicInteger();

    @BeforeAll
    static void prepare() throws Exception {
        template = Template.read(Repo.template());
        EventCatalog events = EventCatalog.read(Repo.events(), template);
        event = events.of(FUNCTION).getFirst();
        fixtures = EventFixtures.of(events.all());
        dynamo = DynamoForTests.start(data.resolve("dynamo"));
        work = Repo.root().resolve("local/target/runtime/telemetry");
        runtime = RuntimeLibrary.fromTestClassPath(work);
        var layout = PackageLayout.chosen(List.of(FUNCTION), work.resolve("layout"));
        function = FunctionSpec.of(template, template.functions().get(FUNCTION), layout.folder(FUNCTION));
    }

    @AfterAll
    static void stop() throws Exception {
        if (dynamo != null) {
            dynamo.close();
        }
    }

    /** The function on a freshly seeded table of its own, its logs in local/target/runtime/telemetry/{name}. */
    static RunningFunction start(FunctionSpec spec, String name) {
        String table = "PostsTable-Telemetry-" + RUNS.incrementAndGet();
        Seeder.Seeded seeded = Seeder.newTable(dynamo, template, table, spec, fixtures, List.of(event));
        assertFalse(seeded.titleOfSlug().isEmpty(), "the event reads a post the seeding made");
        return RunningFunction.start(spec.withEnvironment(Settings.TABLE_NAME, table).primedInFewRounds(), runtime, dynamo.endpoint(),
                work.resolve(name), List.of());
    }

    static void answers200(RunningFunction running, String requestId, String traceHeader) {
        RuntimeAnswer answer = running.invoke(event.json().toString(), requestId, traceHeader, FunctionReplay.ANSWER_LIMIT);
        running.record(event.file(), event.json().toString(), answer);
        var answered = assertInstanceOf(RuntimeAnswer.Answered.class, answer, () -> answer + "\n" + running.process().output());
        assertEquals(200, Json.read(answered.payload()).path("statusCode").asInt(), answered.payload());
    }

    /** Everything the function wrote, read once its JVM is gone so that nothing is still in a buffer. */
    static String outputOfOneRequest(FunctionSpec spec, String name, String requestId) {
        RunningFunction running = start(spec, name);
        try (running) {
            answers200(running, requestId, RuntimeApi.traceHeader(false));
        }
        return running.process().output();
    }

    /** Each line of the function's output that is a JSON object (the runtime's own lines may not be). */
    static List<JsonNode> jsonLines(String output) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("{")) {
                lines.add(Json.read(line));
            }
        }
        return lines;
    }

    @Test
    void aSampledInvocationSendsEachDynamoDbCallToTheDaemonAsASubsegmentOfItsTrace() throws Exception {
        String sampled = RuntimeApi.traceHeader(true);
        Map<String, String> header = parts(sampled);
        List<JsonNode> subsegments = new ArrayList<>();
        try (var daemon = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            var spec = function.withEnvironment("AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1:" + daemon.getLocalPort());
            try (var running = start(spec, "trace")) {
                // Unsampled first: it must send nothing, and anything it sent would carry its own trace id.
                answers200(running, UUID.randomUUID().toString(), RuntimeApi.traceHeader(false));
                answers200(running, UUID.randomUUID().toString(), sampled);
            }
            // The function sends before it answers, so whatever it sent is waiting by now.
            daemon.setSoTimeout(1_000);
            byte[] buffer = new byte[65_536];
            while (true) {
                var packet = new DatagramPacket(buffer, buffer.length);
                try {
                    daemon.receive(packet);
                } catch (SocketTimeoutException e) {
                    break;
                }
                String[] datagram = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8).split("\n", 2);
                assertEquals(Json.read("{\"format\": \"json\", \"version\": 1}"), Json.read(datagram[0]), datagram[0]);
                subsegments.add(Json.read(datagram[1]));
            }
        }
        assertFalse(subsegments.isEmpty(), "no subsegment reached the daemon");
        Set<String> ids = new HashSet<>();
        List<String> operations = new ArrayList<>();
        for (JsonNode s : subsegments) {
            assertEquals(header.get("Root"), s.path("trace_id").asText(), s::toString);
            assertEquals(header.get("Parent"), s.path("parent_id").asText(), s::toString);
            assertEquals("DynamoDB", s.path("name").asText());
            assertEquals("aws", s.path("namespace").asText());
            assertEquals("subsegment", s.path("type").asText());
            assertTrue(s.path("id").asText().matches("[0-9a-f]{16}"), s::toString);
            assertTrue(ids.add(s.path("id").asText()), "ids repeat: " + subsegments);
            assertTrue(s.path("start_time").isNumber() && s.path("end_time").decimalValue().compareTo(s.path("start_time").decimalValue()) >= 0,
                    s::toString);
            assertTrue(s.path("aws").path("table_name").asText().startsWith("PostsTable-Telemetry-"), s::toString);
            assertFalse(s.path("aws").path("request_id").asText().isEmpty(), s::toString);
            assertEquals(200, s.path("http").path("response").path("status").asInt(), s::toString);
            assertEquals(List.of(false, false, false),
                    List.of(s.path("error").asBoolean(), s.path("throttle").asBoolean(), s.path("fault").asBoolean()));
            operations.add(s.path("aws").path("operation").asText());
        }
        assertEquals(List.of("Query"), operations, "reading a post is one Query of the post and body its slug names");
    }

    @Test
    void atWarnTheRequestLineIsDroppedButTheMetricLineStays() {
        String output = outputOfOneRequest(function.withLogLevel("WARN"), "log-warn", UUID.randomUUID().toString());
        List<JsonNode> lines = jsonLines(output);
        assertTrue(lines.stream().noneMatch(l -> l.path("level").asText().equals("INFO")), output);
        assertTrue(lines.stream().noneMatch(l -> l.path("message").asText().equals("request")), output);
        assertTrue(lines.stream().anyMatch(l -> l.has("_aws") && l.path("Requests").asInt() == 1
                && l.path("Route").asText().equals(event.text("routeKey"))), "no EMF line in:\n" + output);
    }

    @Test
    void atInfoTheRequestLineCarriesTheRequestIdAndTheRoute() {
        String requestId = UUID.randomUUID().toString();
        String output = outputOfOneRequest(function.withLogLevel("INFO"), "log-info", requestId);
        JsonNode request = jsonLines(output).stream().filter(l -> l.path("message").asText().equals("request")).findFirst()
                .orElseThrow(() -> new AssertionError("no request line in:\n" + output));
        assertEquals("INFO", request.path("level").asText());
        assertEquals(requestId, request.path("requestId").asText(), "Lambda's request id, as its own lines carry it");
        assertEquals(event.text("routeKey"), request.path("route").asText());
        assertEquals(event.text("requestContext", "requestId"), request.path("apiRequestId").asText(), "API Gateway's, as its access log carries it");
        assertEquals(200, request.path("status").asInt());
    }

    private static Map<String, String> parts(String traceHeader) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : traceHeader.split(";")) {
            parts.put(part.substring(0, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
        }
        return parts;
    }
}
