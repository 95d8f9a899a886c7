package se.inlagg.local.runtime;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.inlagg.config.Settings;
import se.inlagg.local.DynamoForTests;
import se.inlagg.local.OpenApiDocument;
import se.inlagg.local.Repo;
import se.inlagg.local.S3ForTests;
import se.inlagg.local.Template;

/**
 * Cold start of every function of template.yaml against a floor (floor/: one DynamoDB client and one
 * Query, the least any function does), on the harness RuntimeClientTest uses: each function's package
 * started in a JVM of its own by AWS's runtime client, on demand (no SnapStart snapshot), against a
 * table seeded for it, one at a time and interleaved over the runs so that drift in the machine's load
 * falls on all alike (each function's table is seeded once, before its first run), each just after a
 * start of the floor. Per function: the package's size; cold start, from JVM launch to the first answer
 * posted, and its ratio to the floor's started just before it (the median of those ratios); the median of the next 20 warm answers to the same event,
 * and the DynamoDB requests each of them made and the kilobytes of their answers (what a warm answer's time mostly follows); the
 * classes loaded by the first answer; the heap in use just after it. It asserts nothing but that every
 * function answers its event as a user would expect (the checks of RuntimeClientTest), so no figure
 * measures an error path by mistake.
 *
 * <p>Run it (a few minutes) from the repository's root with
 * {@code mvn -q verify -Dtest=ColdStartBenchmark -Dbenchmark.excluded=none -Dsurefire.failIfNoSpecifiedTests=false};
 * {@code -Dbenchmark.runs=7} sets the runs, {@code -Dbenchmark.functions=ListPostsFunction,FeedFunction} measures
 * only those (and the floor), {@code -Dbenchmark.jfr=true} also records each start and its warm answers with JFR
 * (sampling every millisecond) in {@code local/target/benchmark/<Function>/recording.jfr}, to read with {@code jfr print}.
 * {@code -Dbenchmark.warmup=300} times the warm answers after that many untimed ones: those of a busy function, compiled.
 * {@code -Dbenchmark.roundTrip=3} holds each replayed DynamoDB answer back 3 ms, so warm times show the round trips
 * a function waits for one after another (the floor waits one).
 * {@code -Dbenchmark.start=snapstart} starts each function as SnapStart does instead (its checkpoint hooks, priming
 * included, run first) and measures its first answer from the restore: what priming leaves to a restored copy's
 * first request (the restore itself, Lambda's work, takes no time here; the floor primes as the functions
 * do, its one Query in as many rounds, so the ratios are like for like).
 * The table goes to local/target/benchmark/cold-start.md and to stdout (which
 * surefire keeps in local/target/surefire-reports/se.inlagg.local.runtime.ColdStartBenchmark-output.txt).
 */
@Tag("benchmark")
class ColdStartBenchmark {

    static final String FLOOR = "FloorFunction";
    static final String FLOOR_HANDLER = "se.inlagg.floor.FloorHandler::handleRequest";
    /**
     * Posts of the blog's past seeded into each function's table before the events' own (-Dbenchmark.pastPosts=): a
     * full page for every list and feed, and a category fuller than a post page's related window. 0 measures the
     * events' few posts alone.
     */
    static final int PAST_POSTS = Integer.getInteger("benchmark.pastPosts", 48);
    /** -Dbenchmark.start=snapstart: first answers after a restore, not after a launch. */
    static final boolean RESTORED = "snapstart".equals(System.getProperty("benchmark.start", "on-demand"));

    @TempDir
    static Path data;

    @Test
    void coldStartOfEveryFunctionAgainstTheFloor() throws Exception {
        int runs = Integer.getInteger("benchmark.runs", 7);
        Template template = Template.read(Repo.template());
        EventCatalog events = EventCatalog.read(Repo.events(), template);
        EventFixtures fixtures = EventFixtures.of(events.all());
        List<String> measured = chosen(template);
        Path work = Repo.root().resolve("local/target/benchmark");
        PackageLayout layout = PackageLayout.chosen(template.functions().keySet(), work.resolve("layout"));
        RuntimeLibrary runtime = RuntimeLibrary.fromTestClassPath(work);
        Path floorPackage = Repo.root().resolve("floor/target/lambda");
        if (!Files.isDirectory(floorPackage.resolve("lib"))) {
            throw new IllegalStateException(floorPackage + " holds no package: build floor/ first (mvn package)");
        }
        var table = new BenchmarkTable();
        var api = OpenApiDocument.read();
        Map<String, Seeder.Seeded> seededOf = new HashMap<>();
        var s3 = S3ForTests.start();
        String notes;
        // Answers from memory after the first of each shape (the warm-up run below): the times measured are
        // the functions' own, not the emulator's; -Dbenchmark.dynamo=emulator measures with the emulator itself.
        boolean replay = !"emulator".equals(System.getProperty("benchmark.dynamo", "replay"));
        try (var dynamo = DynamoForTests.start(data); var replaying = ReplayingDynamo.in(dynamo.endpoint())) {
            URI endpoint = replay ? replaying.endpoint() : dynamo.endpoint();
            ReplayingDynamo counted = replay ? replaying : null;
            for (int run = replay ? 0 : 1; run <= runs; run++) {
                // Run 0 only records the answers the replaying endpoint then gives; it is not counted.
                BenchmarkTable into = run == 0 ? new BenchmarkTable() : table;
                // The floor runs with the Globals every function gets, against an empty table of the same shape,
                // just before each function: each ratio is to a floor measured seconds earlier, so a burst of load
                // on the machine falls on both sides of it rather than on one function's side only.
                FunctionSpec floor = FunctionSpec.of(template, template.withGlobals(FLOOR, Map.of("Handler", FLOOR_HANDLER)), floorPackage);
                String floorTable = "PostsTable-" + FLOOR + "-" + run;
                dynamo.createTable(template, floorTable);
                FunctionSpec floorReady = floor.withEnvironment(Settings.TABLE_NAME, floorTable);
                for (String id : measured) {
                    ColdStart.Sample beside = measure(into, floorReady, "{}", endpoint, counted, runtime, work, floorPackage,
                            payload -> List.of(), null);
                    FunctionSpec function = FunctionSpec.of(template, template.functions().get(id), layout.folder(id));
                    List<ReplayEvent> own = events.of(id);
                    // One table per function, seeded once: the answers replayed in later runs are those of its
                    // first run, so the event must name that run's author (and a write meets what it wrote).
                    String tableName = "PostsTable-" + id;
                    var seeded = seededOf.computeIfAbsent(id, f -> Seeder.newTable(dynamo, template, tableName, function, fixtures, own, PAST_POSTS));
                    ReplayEvent sample = sample(template, id, own);
                    String event = Seeder.asDelivered(sample, seeded).toString();
                    // The index is there before the indexer's batch too, as it is in production after its first
                    // batch ever: what is measured is an update (fetch the index, read the changed post, commit,
                    // upload), not the one-off rebuild from the whole table that an empty bucket makes it do.
                    FunctionSpec ready = SearchFixture.prepare(function.withEnvironment(Settings.TABLE_NAME, tableName), s3, dynamo,
                            tableName, true);
                    var checks = new UserChecks(api, seeded);
                    measure(into, ready, event, endpoint, counted, runtime, work, layout.folder(id),
                            sample.route().isPresent() ? payload -> checks.httpAnswer(sample, payload)
                                    : sample.isStreamEvent() ? checks::streamAnswer : payload -> List.of(), beside);
                    if (sample.isStreamEvent()) {
                        requireAnUpdate(id, work.resolve(id).resolve("stdout.log"));
                    }
                }
            }
            notes = replay ? "DynamoDB answers replayed from memory after a recording run (" + replaying.counts() + ")"
                    : "DynamoDB: the embedded emulator";
        }
        String markdown = table.markdown((RESTORED ? "First answer after a SnapStart restore (from the restore, priming done before it; "
                + "here the restore takes no time and kept-alive connections survive it, where Lambda pages the snapshot in and "
                + "connects again, so these are lower bounds)" : "Cold start") + " on " + Runtime.getRuntime().availableProcessors()
                + " cores, median of " + runs + " runs (" + ColdStart.WARM_INVOCATIONS + " warm answers each"
                + (ColdStart.WARMUP_INVOCATIONS > 0 ? ", timed after " + ColdStart.WARMUP_INVOCATIONS + " untimed ones" : "")
                + (ColdStart.EXTRA_JVM_OPTIONS.isEmpty() ? "" : ", every JVM given " + String.join(" ", ColdStart.EXTRA_JVM_OPTIONS)
                        + " after the template's options") + "), each function's "
                + "ratios to the floor started just before it; " + notes);
        System.out.println(markdown);
        Files.createDirectories(work);
        Files.writeString(work.resolve("cold-start.md"), markdown);
    }

    /**
     * One cold start, on demand (a snapshot would hide the very start being measured), or with
     * -Dbenchmark.start=snapstart from its restore, added to the table beside the floor's measured just
     * before it (none for the floor itself).
     */
    private static ColdStart.Sample measure(BenchmarkTable table, FunctionSpec function, String event, URI dynamoEndpoint,
                                            ReplayingDynamo counted, RuntimeLibrary runtime, Path work, Path packageFolder,
                                            Function<String, List<String>> check, ColdStart.Sample floorBeside) {
        ColdStart.Sample sample = ColdStart.measure(RESTORED ? function : function.onDemand(), event, runtime, dynamoEndpoint, work.resolve(function.id()), check,
                counted);
        table.add(function.id(), PackageLayout.size(packageFolder), sample, floorBeside);
        return sample;
    }

    /**
     * The indexer's first batch was what it is measured for: an update of the one post its record names,
     * not a rebuild of the whole index (which a bucket without one makes it do) nor a removal.
     */
    private static void requireAnUpdate(String id, Path stdout) throws IOException {
        String first = Files.readString(stdout).lines().filter(l -> l.contains("\"message\":\"search_indexed\"")).findFirst().orElse("");
        if (!first.contains("\"rebuilt\":false") || !first.contains("\"indexed\":1,")) {
            throw new IllegalStateException(id + "'s first batch was not an update of one post: " + first);
        }
    }

    /** -Dbenchmark.functions, or every function of the template. */
    private static List<String> chosen(Template template) {
        String given = System.getProperty("benchmark.functions", "");
        List<String> ids = given.isBlank() ? List.copyOf(template.functions().keySet())
                : Arrays.stream(given.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        ids.stream().filter(id -> !template.functions().containsKey(id)).findFirst().ifPresent(id -> {
            throw new IllegalArgumentException("-Dbenchmark.functions names " + id + ", which template.yaml does not have");
        });
        return ids;
    }

    /**
     * The event a function is measured with: one of its first route in the template, its main page (the list pages'
     * front page, not a month's archive, which holds the events' posts alone), when an event has it; else its first
     * authorizer or GET event by file name (a GET can be repeated); else its first.
     */
    private static ReplayEvent sample(Template template, String id, List<ReplayEvent> events) {
        var first = template.routes().stream().filter(r -> r.functionId().equals(id)).findFirst();
        return events.stream().filter(e -> first.isPresent() && e.route().filter(r -> r.key().equals(first.get().key())).isPresent())
                .findFirst()
                .or(() -> events.stream().filter(e -> e.isAuthorizerEvent() || e.method().equals("GET")).findFirst())
                .or(() -> events.stream().findFirst())
                .orElseThrow(() -> new IllegalStateException(id + " has no event in events/ to measure it with"));
    }
}
