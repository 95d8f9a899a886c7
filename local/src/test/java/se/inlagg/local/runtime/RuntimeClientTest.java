package se.inlagg.local.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.inlagg.local.DynamoForTests;
import se.inlagg.local.OpenApiDocument;
import se.inlagg.local.Repo;
import se.inlagg.local.S3ForTests;
import se.inlagg.local.Template;

/**
 * Every function of template.yaml, run as AWS runs it: its package in the layout `sam build` makes
 * (-Dinlagg.runtime.layout=.aws-sam/build for a real one), started cold in a JVM of its own by AWS's
 * runtime interface client with the template's handler, memory, environment and log settings (and, as
 * SnapStart starts published versions, its checkpoint and restore hooks), fed its events/ file(s) through
 * a Lambda Runtime API, and its answers checked as a user would check them. A function with no event,
 * one that cannot start (a class, a method or a jar missing) or one that answers wrongly fails its own
 * test, named after it, with the cause the runtime reported.
 */
class RuntimeClientTest {

    /** Two functions at a time: a JVM each, on a two-core machine shared with other builds. */
    static final int SIDE_BY_SIDE = 2;

    @TempDir
    static Path data;
    static Template template;
    static EventCatalog events;
    static DynamoForTests dynamo;
    static S3ForTests s3;
    static PackageLayout layout;
    static FunctionReplay replay;
    static Map<String, Future<List<String>>> problems = new LinkedHashMap<>();
    static ExecutorService pool;

    @BeforeAll
    static void replayEveryFunction() throws Exception {
        template = Template.read(Repo.template());
        events = EventCatalog.read(Repo.events(), template);
        dynamo = DynamoForTests.start(data.resolve("dynamo"));
        s3 = S3ForTests.start();
        Path work = Repo.root().resolve("local/target/runtime");
        layout = PackageLayout.chosen(template.functions().keySet(), work.resolve("layout"));
        replay = new FunctionReplay(template, dynamo, s3, RuntimeLibrary.fromTestClassPath(work), EventFixtures.of(events.all()),
                OpenApiDocument.read(), work);
        pool = Executors.newFixedThreadPool(SIDE_BY_SIDE);
        template.functions().values().forEach(f -> problems.put(f.id(), pool.submit(() ->
                replay.run(FunctionSpec.of(template, f, layout.folder(f.id())), events.of(f.id())))));
    }

    @AfterAll
    static void stop() throws Exception {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (dynamo != null) {
            dynamo.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFunctionAnswersItsEventsAsAUserExpects() {
        return problems.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            List<String> found = e.getValue().get();
            if (!found.isEmpty()) {
                fail(found.size() + " problem(s), logs in local/target/runtime/" + e.getKey() + "/\n" + String.join("\n", found));
            }
        }));
    }

    @Test
    void everyEventNamesARouteOfTheTemplateAndRoutesThere() {
        assertTrue(events.problems().isEmpty(), String.join("\n", events.problems()));
    }

    @Test
    void theSearchFunctionsDoLoadLuceneSoTheCheckThatOthersDoNotSeesClassLoading() throws Exception {
        problems.get("SearchApiFunction").get();
        var log = new ClassLoadLog(Repo.root().resolve("local/target/runtime/SearchApiFunction/class-load.log"));
        assertTrue(log.first("org.apache.lucene.").isPresent(), "the class-load log shows no Lucene class");
    }

    @Test
    void everyFunctionFedByTheTableStreamHasABatchOfRecordsInEventsFolder() {
        for (var source : template.streamSources()) {
            assertTrue(events.of(source.functionId()).stream().anyMatch(ReplayEvent::isStreamEvent),
                    source.functionId() + " reads the table's stream, but events/ has no batch of stream records for it");
        }
    }

    @Test
    void everyFunctionsScheduleSendsAnEventOfEventsFolder() {
        assertFalse(template.schedules().isEmpty(), "no function has a schedule: has the template's KeepActive event moved?");
        for (var schedule : template.schedules()) {
            assertTrue(events.of(schedule.functionId()).stream().anyMatch(ReplayEvent::isScheduledEvent),
                    schedule.functionId() + " is invoked by a schedule with " + schedule.input() + ", which no file of events/ holds");
        }
    }

    /**
     * The harness itself: a handler the runtime cannot load fails by the function's name, with the cause
     * the runtime reported (a missing class at each invocation, as Lambda does; a missing method at init).
     */
    @ParameterizedTest
    @CsvSource({
        "MissingClassFunction, se.inlagg.web.NoSuchHandler::handleRequest, java.lang.ClassNotFoundException",
        "MissingMethodFunction, se.inlagg.web.StylesheetHandler::noSuchMethod, noSuchMethod"})
    void aHandlerThatCannotBeLoadedFailsWithTheRuntimesCause(String id, String handler, String cause) {
        var someFunction = template.functions().values().iterator().next();
        var broken = template.withGlobals(id, Map.of("Handler", handler));
        List<String> found = replay.run(FunctionSpec.of(template, broken, layout.folder(someFunction.id())), events.of(someFunction.id()));
        assertFalse(found.isEmpty(), id + " passed");
        found.forEach(problem -> assertTrue(problem.startsWith(id + ": ") && problem.contains(cause), problem));
    }
}
