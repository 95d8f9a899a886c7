package se.inlagg.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.inlagg.json.Json;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Trace sends what X-Ray's daemon takes, to a UDP socket of this test on loopback, and never fails a call. */
class TraceTest {

    static final String ROOT = "1-6a3f1c00-5a4f2e8b9c0d1e2f3a4b5c6d";
    static final String PARENT = "53995c3f42cd8ad8";
    static final String SAMPLED = "Root=" + ROOT + ";Parent=" + PARENT + ";Sampled=1";

    DatagramSocket daemon;

    @BeforeEach
    void listen() throws Exception {
        daemon = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        daemon.setSoTimeout(2_000);
    }

    @AfterEach
    void stop() {
        daemon.close();
    }

    String address() {
        return "127.0.0.1:" + daemon.getLocalPort();
    }

    /** A client whose every call DynamoDB answers with this status and body (status 0: no answer, the connection reset), traced for this header. */
    static DynamoDbClient client(String header, String daemonAddress, int status, String body) {
        SdkHttpClient canned = new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                return new ExecutableHttpRequest() {
                    @Override
                    public HttpExecuteResponse call() throws IOException {
                        if (status == 0) {
                            throw new IOException("Connection reset");
                        }
                        return HttpExecuteResponse.builder()
                                .response(SdkHttpResponse.builder().statusCode(status)
                                        .putHeader("x-amzn-RequestId", "RID-" + status)
                                        .putHeader("Content-Type", "application/x-amz-json-1.0").build())
                                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                                .build();
                    }

                    @Override
                    public void abort() {
                    }
                };
            }

            @Override
            public void close() {
            }
        };
        return DynamoDbClient.builder()
                .httpClient(canned)
                .region(Region.EU_NORTH_1)
                .endpointOverride(URI.create("http://127.0.0.1:8000"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "hemligt")))
                // One attempt: each test sees exactly the answer it set up.
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())
                        .addExecutionInterceptor(new Trace(() -> header, daemonAddress)))
                .build();
    }

    /** The one datagram that arrived, checked for the daemon's header line; its subsegment as a map. */
    Map<String, Object> received() throws Exception {
        byte[] buffer = new byte[65_536];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        daemon.receive(packet);
        String datagram = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
        String[] lines = datagram.split("\n", 2);
        assertEquals(Map.of("format", "json", "version", 1), Json.read(lines[0]), datagram);
        @SuppressWarnings("unchecked")
        Map<String, Object> subsegment = (Map<String, Object>) Json.read(lines[1]);
        return subsegment;
    }

    void nothingArrives() {
        assertThrows(SocketTimeoutException.class, () -> {
            daemon.setSoTimeout(300);
            daemon.receive(new DatagramPacket(new byte[1024], 1024));
        });
    }

    @Test
    void aSampledCallIsOneSubsegmentOfTheInvocationsTrace() throws Exception {
        try (var client = client(SAMPLED, address(), 200, "{\"Item\":{\"PK\":{\"S\":\"POST#1\"}}}")) {
            client.getItem(r -> r.tableName("PostsTable").key(Map.of("PK", AttributeValue.fromS("POST#1"))));
        }
        Map<String, Object> s = received();
        assertEquals("DynamoDB", s.get("name"));
        assertEquals("aws", s.get("namespace"));
        assertEquals("subsegment", s.get("type"));
        assertEquals(ROOT, s.get("trace_id"));
        assertEquals(PARENT, s.get("parent_id"));
        assertTrue(String.valueOf(s.get("id")).matches("[0-9a-f]{16}"), "a 64-bit hex id: " + s.get("id"));
        BigDecimal start = (BigDecimal) s.get("start_time");
        BigDecimal end = (BigDecimal) s.get("end_time");
        assertTrue(start.compareTo(BigDecimal.valueOf(1_500_000_000L)) > 0 && end.compareTo(start) >= 0, start + " … " + end);
        assertEquals(Map.of("operation", "GetItem", "table_name", "PostsTable", "request_id", "RID-200"), s.get("aws"));
        assertEquals(Map.of("response", Map.of("status", 200)), s.get("http"));
        assertEquals(List.of(false, false, false), List.of(s.get("error"), s.get("throttle"), s.get("fault")));
    }

    @Test
    void everyCallHasAnIdOfItsOwn() throws Exception {
        try (var client = client(SAMPLED, address(), 200, "{}")) {
            client.getItem(r -> r.tableName("PostsTable").key(Map.of("PK", AttributeValue.fromS("A"))));
            client.getItem(r -> r.tableName("PostsTable").key(Map.of("PK", AttributeValue.fromS("B"))));
        }
        assertNotEquals(received().get("id"), received().get("id"));
    }

    @Test
    void aTransactionNamesTheTableItsItemsAreIn() throws Exception {
        var put = TransactWriteItem.builder().put(Put.builder().tableName("PostsTable")
                .item(Map.of("PK", AttributeValue.fromS("POST#1"), "SK", AttributeValue.fromS("POST"))).build()).build();
        try (var client = client(SAMPLED, address(), 200, "{}")) {
            client.transactWriteItems(r -> r.transactItems(put, put));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> aws = (Map<String, Object>) received().get("aws");
        assertEquals("TransactWriteItems", aws.get("operation"));
        assertEquals("PostsTable", aws.get("table_name"));
    }

    /** A batch read names its table too, where BatchGetItem has it: as the keys of its RequestItems, not in a TableName. */
    @Test
    void aBatchReadNamesTheTableItReads() throws Exception {
        var keys = KeysAndAttributes.builder().keys(Map.of("PK", AttributeValue.fromS("POST#1"), "SK", AttributeValue.fromS("POST"))).build();
        try (var client = client(SAMPLED, address(), 200, "{}")) {
            client.batchGetItem(r -> r.requestItems(Map.of("PostsTable", keys)));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> aws = (Map<String, Object>) received().get("aws");
        assertEquals("BatchGetItem", aws.get("operation"));
        assertEquals("PostsTable", aws.get("table_name"));
    }

    @Test
    void throttlingIsAnErrorAndAThrottleAndAServerErrorIsAFault() throws Exception {
        String throttled = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ThrottlingException\",\"message\":\"Rate exceeded\"}";
        try (var client = client(SAMPLED, address(), 400, throttled)) {
            assertThrows(DynamoDbException.class, () -> client.query(r -> r.tableName("PostsTable")));
        }
        Map<String, Object> s = received();
        assertEquals(Map.of("response", Map.of("status", 400)), s.get("http"));
        assertEquals(List.of(true, true, false), List.of(s.get("error"), s.get("throttle"), s.get("fault")));

        try (var client = client(SAMPLED, address(), 500, "{\"__type\":\"InternalServerError\"}")) {
            assertThrows(DynamoDbException.class, () -> client.query(r -> r.tableName("PostsTable")));
        }
        s = received();
        assertEquals(List.of(false, false, true), List.of(s.get("error"), s.get("throttle"), s.get("fault")));
    }

    /**
     * A call that got no answer at all (the connection reset, or the invocation's time ran out) failed on our side of the
     * wire: X-Ray counts it a fault, as a 5xx, not an error as a refused request is, so a table that stops answering shows
     * on the service map and in its fault rate.
     */
    @Test
    void aCallThatGotNoAnswerIsAFaultWithNoStatus() throws Exception {
        try (var client = client(SAMPLED, address(), 0, "")) {
            assertThrows(SdkClientException.class, () -> client.query(r -> r.tableName("PostsTable")));
        }
        Map<String, Object> s = received();
        assertFalse(s.containsKey("http"), "no status where none came: " + s);
        assertEquals(List.of(false, false, true), List.of(s.get("error"), s.get("throttle"), s.get("fault")));
    }

    @Test
    void anUnsampledInvocationOrNoInvocationSendsNothing() throws Exception {
        for (String header : new String[] {"Root=" + ROOT + ";Parent=" + PARENT + ";Sampled=0", "Root=" + ROOT + ";Sampled=1", null}) {
            try (var client = client(header, address(), 200, "{}")) {
                client.getItem(r -> r.tableName("PostsTable").key(Map.of("PK", AttributeValue.fromS("A"))));
            }
        }
        nothingArrives();
    }

    @Test
    void noDaemonOrOneThatCannotBeReachedNeverFailsTheCall() {
        for (String address : new String[] {null, "", "nonsense", "tcp:127.0.0.1:2000", "[zz]:2000", "127.0.0.1:1"}) {
            try (var client = client(SAMPLED, address, 200, "{\"Item\":{\"PK\":{\"S\":\"A\"}}}")) {
                var item = client.getItem(r -> r.tableName("PostsTable").key(Map.of("PK", AttributeValue.fromS("A"))));
                assertEquals("A", item.item().get("PK").s(), String.valueOf(address));
            }
        }
    }

    @Test
    void theDaemonAddressMayNameUdpAndTcpApartAsLambdaDoes() {
        assertEquals(Optional.of(new Trace.Daemon("169.254.79.129", 2000)), Trace.Daemon.parse("169.254.79.129:2000"));
        assertEquals(Optional.of(new Trace.Daemon("127.0.0.2", 2001)), Trace.Daemon.parse("tcp:127.0.0.1:2000 udp:127.0.0.2:2001"));
        assertEquals(Optional.empty(), Trace.Daemon.parse("127.0.0.1:99999"));
    }

    @Test
    void theHeaderComesFromTheRuntimeClientsPropertyFirst() {
        String before = System.getProperty(Trace.HEADER_PROPERTY);
        try {
            System.setProperty(Trace.HEADER_PROPERTY, SAMPLED);
            assertEquals(SAMPLED, Trace.currentHeader());
            assertEquals(Optional.of(new Trace.TraceHeader(ROOT, PARENT)), Trace.TraceHeader.sampled(Trace.currentHeader()));
            System.clearProperty(Trace.HEADER_PROPERTY);
            assertEquals(System.getenv(Trace.HEADER_ENV), Trace.currentHeader());
        } finally {
            if (before == null) {
                System.clearProperty(Trace.HEADER_PROPERTY);
            } else {
                System.setProperty(Trace.HEADER_PROPERTY, before);
            }
        }
    }
}
