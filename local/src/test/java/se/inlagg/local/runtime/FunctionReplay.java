package se.inlagg.local.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.inlagg.auth.Tokens;
import se.inlagg.config.Settings;
import se.inlagg.local.DynamoForTests;
import se.inlagg.local.OpenApiDocument;
import se.inlagg.local.S3ForTests;
import se.inlagg.local.Template;
import se.inlagg.posts.Outcome;
import se.inlagg.search.SearchPage;

/**
 * Replays one function's events through its package, started cold in a JVM of its own as Lambda
 * starts it, against a table of its own (so functions replayed side by side cannot see each other's
 * writes) seeded with what the events name. Answers what a user would find wrong, one line each.
 */
final class FunctionReplay {

    /** Generous: the first answer includes the JVM's start on a busy two-core machine. */
    static final Duration ANSWER_LIMIT = Duration.ofSeconds(60);
    /** "Caused by: …" in the function's log, plain or inside a JSON log line (where lines end in \n). */
    private static final Pattern CAUSE = Pattern.compile("Caused by: ([^\\\\\"\\n]+)");

    private final Template template;
    private final DynamoForTests dynamo;
    private final S3ForTests s3;
    private final RuntimeLibrary runtime;
    private final EventFixtures fixtures;
    private final OpenApiDocument api;
    private final Path workDir;

    FunctionReplay(Template template, DynamoForTests dynamo, S3ForTests s3, RuntimeLibrary runtime, EventFixtures fixtures,
                   OpenApiDocument api, Path workDir) {
        this.template = template;
        this.dynamo = dynamo;
        this.s3 = s3;
        this.runtime = runtime;
        this.fixtures = fixtures;
        this.api = api;
        this.workDir = workDir;
    }

    /** Everything wrong with the function's answers to its events; empty when a user would be content. */
    List<String> run(FunctionSpec function, List<ReplayEvent> events) {
        if (events.isEmpty()) {
            return List.of(function.id() + " has no event in events/: add one whose routeKey names one of its routes");
        }
        String table = "PostsTable-" + function.id();
        Seeder.Seeded seeded = Seeder.newTable(dynamo, template, table, function, fixtures, events);
        var checks = new UserChecks(api, seeded);
        List<String> problems = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        // The indexer builds its index from its events; functions that only search get it built first.
        boolean indexer = events.stream().anyMatch(ReplayEvent::isStreamEvent);
        FunctionSpec ready = SearchFixture.prepare(function.withEnvironment(Settings.TABLE_NAME, table).primedInFewRounds(), s3, dynamo,
                table, !indexer);
        Path logs = workDir.resolve(function.id());
        try {
            Files.createDirectories(logs);
            Files.deleteIfExists(logs.resolve("class-load.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var classes = new ClassLoadLog(logs.resolve("class-load.log"));
        var running = RunningFunction.start(ready, runtime, dynamo.endpoint(), logs, List.of(classes.jvmOption()));
        try (running) {
            for (ReplayEvent event : events) {
                ObjectNode payload = Seeder.asDelivered(event, seeded);
                if (event.isAuthorizerEvent()) {
                    String token = Tokens.fromBearer(event.json().path("identitySource").path(0).asText()).orElseThrow();
                    if (!send(running, event.file(), payload, problems, failures, answer -> checks.authorizerAllows(answer, token))
                            || !send(running, event.file() + " with a token nobody has", withWrongToken(payload), problems, failures,
                            checks::authorizerRefuses)) {
                        break;
                    }
                } else if (event.isStreamEvent()) {
                    if (!send(running, event.file(), payload, problems, failures, answer -> {
                        List<String> found = new ArrayList<>(checks.streamAnswer(answer));
                        found.addAll(searchFindsSeededPosts(ready, table, seeded));
                        return found;
                    })) {
                        break;
                    }
                } else if (event.isScheduledEvent()) {
                    if (!send(running, event.file(), payload, problems, failures, checks::keptActive)) {
                        break;
                    }
                } else if (!send(running, event.file(), payload, problems, failures, answer -> checks.httpAnswer(event, answer))) {
                    break;
                }
            }
        }
        // Every package holds search's libraries and both clients, but a cold start pays for what it loads:
        // only the search functions and the indexer may load search, only a function granted S3 or DynamoDB
        // that service's client.
        List<String> barred = new ArrayList<>();
        if (!SearchFixture.needs(function)) {
            barred.addAll(List.of("org.apache.lucene.", "se.inlagg.search."));
        }
        if (!function.grantedS3() || SearchFixture.needs(function)) {
            // Search and its indexer read and write the index with signed requests: the S3 client is the pictures'.
            barred.add("software.amazon.awssdk.services.s3.");
        }
        if (!function.grantedDynamoDb()) {
            // Its interface and exceptions may load (the shared code names them); a request may not.
            barred.add("software.amazon.awssdk.services.dynamodb.DefaultDynamoDbClient");
            barred.add("software.amazon.awssdk.services.dynamodb.model.QueryRequest");
        }
        if (!function.grantedDynamoDb() && SearchFixture.needs(function)) {
            // Search reads its index with signed GETs and builds no SDK client: nothing may load the SDK's
            // table of every service, which any client, and the SDK's partition metadata, would.
            barred.add("software.amazon.awssdk.regions.servicemetadata.");
        }
        for (String library : barred) {
            classes.first(library).ifPresent(c -> problems.add("loaded " + c + ": " + library
                    + "* is for the functions that need it (their cold start pays for it, no other function's may)"));
        }
        // Read once the JVM is gone: the client logs an error's causes only after it has posted the error.
        String output = running.process().output();
        String causes = causes(output);
        if (function.snapStart() && failures.isEmpty() && !output.contains("\"message\":\"primed\"")) {
            problems.add("was not primed before its snapshot: SnapStart would restore it cold (no \"primed\" log line)");
        } else if (function.snapStart() && failures.isEmpty()) {
            // The indexer primes once (nobody waits for a batch); every other function repeats its priming to compile it.
            String primed = output.lines().filter(l -> l.contains("\"message\":\"primed\"")).findFirst().orElseThrow();
            int expected = indexer ? 1 : FunctionSpec.TEST_PRIMING_ROUNDS;
            if (Json.read(primed).path("rounds").asInt(-1) != expected) {
                problems.add("was primed, but not in the " + expected + " rounds it should be: " + primed);
            }
        }
        if (output.contains("\"message\":\"priming_failed\"")) {
            // Here nothing refuses a call (no IAM): a step that failed is broken, and its path would be cold after a restore.
            problems.add("a step of its priming failed (\"priming_failed\" in its log): " + output.lines()
                    .filter(l -> l.contains("priming_failed")).findFirst().orElse(""));
        }
        failures.forEach(f -> problems.add(f + causes));
        return problems.stream().map(p -> function.id() + ": " + p).toList();
    }

    /**
     * Sends one event and checks its answer. False when the function cannot go on (it never started,
     * died or hung); what the runtime reported goes to failures, what the checks found to problems.
     */
    private static boolean send(RunningFunction running, String what, ObjectNode payload, List<String> problems,
                                List<String> failures, Function<String, List<String>> check) {
        RuntimeAnswer answer = running.invoke(payload.toString(), ANSWER_LIMIT);
        running.record(what, payload.toString(), answer);
        switch (answer) {
            case RuntimeAnswer.Answered a -> check.apply(a.payload()).forEach(p -> problems.add(what + " " + p));
            case RuntimeAnswer.Failed f -> {
                failures.add(what + ": the runtime reported " + f.error().describe());
                return !f.error().phase().equals("init");
            }
            case RuntimeAnswer.Died d -> {
                failures.add(what + ": the JVM exited with " + d.exitCode() + " before answering; its output:\n"
                        + UserChecks.abbreviated(running.process().output()));
                return false;
            }
            case RuntimeAnswer.TimedOut t -> {
                failures.add(what + ": no answer within " + t.after().toSeconds() + " s");
                return false;
            }
        }
        return true;
    }

    /** After the indexer's batch, as a reader would find: a search of its index by each seeded post's title finds that post. */
    private List<String> searchFindsSeededPosts(FunctionSpec function, String table, Seeder.Seeded seeded) {
        var search = SearchFixture.service(s3, dynamo, table, function.environment().get(Settings.SEARCH_BUCKET),
                ZoneId.of(function.environment().get(Settings.SITE_TIME_ZONE)));
        List<String> problems = new ArrayList<>();
        seeded.titleOfSlug().forEach((slug, title) -> {
            var found = search.search(title, 10, Optional.empty());
            boolean there = found instanceof Outcome.Done<SearchPage> d
                    && d.value().hits().stream().anyMatch(h -> h.slug().equals(slug));
            if (!there) {
                problems.add("left an index in which a search for \"" + title + "\" does not find it: " + found);
            }
        });
        return problems;
    }

    /** The causes the runtime client logged (what CloudWatch would show); the error it posts names none. */
    static String causes(String output) {
        Set<String> causes = new LinkedHashSet<>();
        Matcher m = CAUSE.matcher(output);
        while (m.find()) {
            causes.add(m.group(1).strip());
        }
        return causes.isEmpty() ? "" : "\n    caused by " + String.join("\n    caused by ", causes);
    }

    /** The authorizer's event with another well-formed token, one that belongs to nobody. */
    private static ObjectNode withWrongToken(ObjectNode event) {
        ObjectNode wrong = event.deepCopy();
        String header = "Bearer " + Tokens.newToken();
        wrong.putArray("identitySource").add(header);
        if (wrong.path("headers") instanceof ObjectNode headers && headers.has("authorization")) {
            headers.put("authorization", header);
        }
        return wrong;
    }
}
