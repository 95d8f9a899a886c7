package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.inlagg.api.GetPostHandler;
import se.inlagg.app.Wiring;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * What docs/OPERATIONS.md tells an operator to look for, against what the functions really log when AWS fails them:
 * the lines are caught from a real handler (GetPostFunction's) whose DynamoDB client fails as AWS would.
 */
@SameOnEveryBackend
class OperationsDocsAgainstCodeTest {

    static String operations() throws IOException {
        return Files.readString(Repo.root().resolve("docs/OPERATIONS.md"));
    }

    /** The first fenced block after a bold heading of OPERATIONS.md ("**Errors**" …). */
    static String query(String heading) throws IOException {
        String doc = operations();
        int at = doc.indexOf("**" + heading + "**");
        assertTrue(at >= 0, "OPERATIONS.md has no " + heading + " query");
        int open = doc.indexOf("```", at);
        int body = doc.indexOf('\n', open) + 1;
        return doc.substring(body, doc.indexOf("```", body));
    }

    /** The lines a function wrote while answering, and its answer. */
    record Answered(int status, List<JsonNode> lines) {
    }

    /** GetPostFunction answering a GET whose every DynamoDB call fails with what AWS's SDK throws for this cause. */
    static Answered getPostWhenDynamo(String cause) throws Exception {
        RuntimeException failure = switch (cause) {
            case "timeout" -> ApiCallTimeoutException.create(5_000);
            case "unreachable" -> SdkClientException.builder().message("Unable to execute HTTP request: Connection refused")
                    .cause(new ConnectException("Connection refused")).build();
            case "throttled" -> (RuntimeException) ProvisionedThroughputExceededException.builder().message("Rate exceeded")
                    .statusCode(400).awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException")
                            .serviceName("DynamoDb").errorMessage("Rate exceeded").build()).build();
            default -> throw new IllegalArgumentException(cause);
        };
        // Never reached: every call fails before it would be sent.
        DynamoDbClient unreached = DynamoDbClient.builder().endpointOverride(URI.create("http://127.0.0.1:9"))
                .region(Region.EU_NORTH_1).credentialsProvider(
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("AKIDEXAMPLE", "secret"))).build();
        DynamoDbClient failing = Intercepted.of(DynamoDbClient.class, unreached).beforeEvery(call -> {
            throw failure;
        }).client();
        Wiring wiring = Wirings.on(failing, "inlagg-test-Posts");
        GetPostHandler handler = new GetPostHandler();
        handler.use(wiring);
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Files.readAllBytes(Repo.events().resolve("get-post.json"))), out, new Capturing(logged));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : logged.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(Http.JSON.readTree(line));
            }
        }
        return new Answered(Http.JSON.readTree(out.toByteArray()).path("statusCode").asInt(), lines);
    }

    /**
     * ServerErrorRateAlarm counts API Gateway's 5xx, and its runbook row sends the operator to the *errors* and the
     * *unanswered* queries. A 503 a function answers because AWS timed out, could not be reached or throttled it is such a
     * 5xx, logged as a warning: one of the two queries must find its line, or the operator sees an empty result for the
     * very answers that fired the alarm (found by an operations probe: the errors query alone keeps level = "ERROR").
     */
    @ParameterizedTest
    @ValueSource(strings = {"timeout", "unreachable", "throttled"})
    void theQueriesTheServerErrorRunbookNamesFindTheLineOfEvery5xxAFunctionAnswers(String cause) throws Exception {
        String row = runbookRow("ServerErrorRateAlarm");
        assertTrue(row.contains("*errors* query") && row.contains("*unanswered* query"), "the runbook row points to both queries: " + row);
        Matcher level = Pattern.compile("filter level = \"(\\w+)\"").matcher(query("Errors"));
        assertTrue(level.find(), "the errors query filters on a level");
        Matcher names = Pattern.compile("filter message in \\[([^\\]]*)\\]").matcher(query("Unanswered"));
        assertTrue(names.find(), "the unanswered query filters on event names");
        List<String> unanswered = Pattern.compile("\"(\\w+)\"").matcher(names.group(1)).results().map(m -> m.group(1)).toList();

        Answered answered = getPostWhenDynamo(cause);
        assertEquals(503, answered.status(), cause + ": a 5xx the alarm counts");
        List<JsonNode> events = answered.lines().stream().filter(l -> l.has("level")).toList();
        List<String> seen = events.stream().map(l -> l.path("level").asText() + " " + l.path("message").asText()).toList();
        assertTrue(events.stream().anyMatch(l -> level.group(1).equals(l.path("level").asText())
                        || unanswered.contains(l.path("message").asText())),
                "a 503 answer when DynamoDB " + cause + " is logged as " + seen + ", which neither the errors query (level = \""
                        + level.group(1) + "\") nor the unanswered query (" + unanswered + ") finds");
    }

    /**
     * A call AWS did not answer in time, or could not be reached at all, raises no DynamoDB throttle event: the runbook
     * must not file it only under TableThrottleAlarm, which never fires for it (found by an operations probe), but under the
     * alarm that counts its 503, ServerErrorRateAlarm, which reads API Gateway's 5xx.
     */
    @ParameterizedTest
    @ValueSource(strings = {"timeout", "unreachable"})
    void theAnswersAwsDidNotGiveAreFiledUnderTheAlarmThatCountsThem(String cause) throws Exception {
        String event = cause.equals("timeout") ? "aws_call_timed_out" : "aws_unreachable";
        Answered answered = getPostWhenDynamo(cause);
        assertTrue(answered.lines().stream().anyMatch(l -> event.equals(l.path("message").asText())), "the function logs " + event);
        assertEquals(503, answered.status());

        assertTrue(runbookRow("ServerErrorRateAlarm").contains("`" + event + "`"), "the ServerErrorRateAlarm row names " + event);
        Template template = Template.read(Repo.template());
        var alarm = Template.map(Template.map(template.resources().get("ServerErrorRateAlarm")).get("Properties"));
        List<String> read = ((List<?>) alarm.get("Metrics")).stream().map(Template::map).filter(m -> m.containsKey("MetricStat"))
                .map(m -> String.valueOf(Template.map(Template.map(m.get("MetricStat")).get("Metric")).get("MetricName"))).toList();
        assertTrue(read.contains("5xx"), "ServerErrorRateAlarm reads API Gateway's 5xx: " + read);
    }

    /** The row of OPERATIONS.md's alarm table for this alarm. */
    static String runbookRow(String alarm) throws IOException {
        return operations().lines().filter(l -> l.startsWith("| `" + alarm + "`")).findFirst()
                .orElseThrow(() -> new AssertionError("OPERATIONS.md has no row for " + alarm));
    }

    /** Every event name the functions' code logs, with the levels it is logged at (Log.warn("name", …) and the like). */
    static Map<String, Set<String>> loggedEvents() throws IOException {
        Map<String, Set<String>> events = new TreeMap<>();
        Pattern call = Pattern.compile("Log\\.(debug|info|warn|error)\\(\\s*(?:[\\w.]+\\s*\\?\\s*)?\"(\\w+)\"(?:\\s*:\\s*\"(\\w+)\")?");
        try (var sources = Files.walk(Repo.root().resolve("functions/src/main/java"))) {
            for (var file : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = call.matcher(Files.readString(file));
                while (m.find()) {
                    String level = m.group(1).toUpperCase(Locale.ROOT);
                    events.computeIfAbsent(m.group(2), k -> new TreeSet<>()).add(level);
                    if (m.group(3) != null) {
                        events.computeIfAbsent(m.group(3), k -> new TreeSet<>()).add(level);
                    }
                }
            }
        }
        return events;
    }

    /**
     * A search function whose refresh of its index from S3 fails (a denied GetObject after a deploy, S3 slow or
     * unreachable) goes on answering from the copy it holds, which after a SnapStart restore is the snapshot's: it
     * answers 200 with an ever older index, writes only a `search_index_not_refreshed` WARN, and no alarm counts it
     * (SearchIndexBehindAlarm watches the indexer, which is fine). OPERATIONS.md must name the line, or an operator chasing
     * "search does not find new posts" reads only SearchIndexFunction's log, as its runbook says, and finds nothing wrong.
     */
    @Test
    void aSearchServingAStaleIndexIsNamedInTheRunbook() throws IOException {
        var events = loggedEvents();
        assertTrue(events.keySet().containsAll(List.of("aws_call_timed_out", "aws_unreachable", "throttled", "store_failed", "request")),
                "the log calls were read: " + events.keySet());
        assertEquals(Set.of("WARN"), events.get("search_index_not_refreshed"), "the search function's stale-index line");
        assertTrue(operations().contains("search_index_not_refreshed"),
                "search_index_not_refreshed (WARN, " + "not found by the errors query's level = \"ERROR\", counted by no alarm) is named nowhere in "
                        + "docs/OPERATIONS.md; its search-staleness runbook (SearchIndexBehindAlarm) sends the operator to SearchIndexFunction's log only");
    }

    /**
     * The errors query shows every ERROR line, and for the generic ones (`unhandled`, `store_failed`) the stack trace says
     * what broke. An ERROR that asks the operator to act is different: `image_attach_mark_failed` (images.ImageService) is
     * a picture a post shows whose `state=unattached` tag could not be removed, so the bucket's UnattachedPictures rule
     * deletes it two days later unless someone removes the tag. Every such ERROR event must be named in OPERATIONS.md
     * with what to do, or the operator reads it in the errors query and lets the picture go.
     */
    @Test
    void everyErrorEventButTheGenericOnesIsNamedInTheRunbook() throws IOException {
        var events = loggedEvents();
        Set<String> unnamed = new TreeSet<>();
        events.forEach((event, levels) -> {
            if (levels.contains("ERROR") && !List.of("unhandled", "store_failed").contains(event)) {
                try {
                    if (!operations().contains(event)) {
                        unnamed.add(event);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        assertTrue(events.containsKey("image_attach_mark_failed"), "the log calls were read: " + events.keySet());
        assertEquals(Set.of(), unnamed, "ERROR events OPERATIONS.md never names, nor says what to do about");
    }

    /** A Lambda context whose logger keeps what the function wrote, with time enough left. */
    record Capturing(ByteArrayOutputStream logged) implements Context {
        public String getAwsRequestId() { return "docs-probe-1"; }
        public String getLogGroupName() { return "/aws/lambda/inlagg-test-GetPostFunction"; }
        public String getLogStreamName() { return "probe"; }
        public String getFunctionName() { return "inlagg-test-GetPostFunction"; }
        public String getFunctionVersion() { return "1"; }
        public String getInvokedFunctionArn() { return "arn:aws:lambda:eu-north-1:000000000000:function:inlagg-test-GetPostFunction:live"; }
        public CognitoIdentity getIdentity() { return null; }
        public ClientContext getClientContext() { return null; }
        public int getRemainingTimeInMillis() { return 10_000; }
        public int getMemoryLimitInMB() { return 1024; }
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                public void log(String message) { log(message.getBytes(StandardCharsets.UTF_8)); }
                public void log(byte[] message) { logged.writeBytes(message); }
                public void log(String message, LogLevel level) { log(message); }
                public void log(byte[] message, LogLevel level) { log(message); }
            };
        }
    }
}
