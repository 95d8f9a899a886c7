package se.inlagg.local;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.inlagg.api.CreatePostHandler;
import se.inlagg.api.ListPostsHandler;
import se.inlagg.app.Wiring;
import se.inlagg.http.HttpFunction;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.PostDraft;
import se.inlagg.web.EditPageHandler;
import se.inlagg.web.ListPageHandler;
import se.inlagg.web.PostPageHandler;

/**
 * A table of a chosen size and what one request of each kind costs there, in calls and capacity
 * units, measured through the handlers themselves. The posts spread over a few offices, people,
 * categories and months, so every list has more than a page at any size the test and the benchmark use.
 */
final class DataSize implements AutoCloseable {

    static final String AUTHOR = "3f2b8c1e-5d4a-4e7b-9c2f-1a6d8e0b7c44";
    // Names of one length in UTF-8 bytes, so that which posts a page holds does not change its weight.
    private static final List<String> OFFICES = List.of("Frivården Linköping", "Frivården Västervik", "Frivården Norrtälje");
    private static final List<String> PEOPLE = List.of("Åsa Öberg", "Åke Ölund", "Örn Åberg");

    private static final String SESSION = "datasize-session-of-the-author";

    private final DynamoForTests dynamo;
    private final MeteredDynamo meter = new MeteredDynamo();
    private final Wiring wiring;
    private int posts;

    DataSize(Path data, String tableName) throws Exception {
        this.dynamo = DynamoForTests.embedded(data);
        dynamo.createTable(tableName);
        this.wiring = Wirings.on(meter.client(dynamo.endpoint()), tableName);
        // The author signed in, for the page an author edits a post on.
        wiring.sessions().begin(AUTHOR, SESSION, "datasize-csrf", Clock.systemUTC().instant());
    }

    int posts() {
        return posts;
    }

    /** Adds posts until the table holds this many, through the service (every write as in production). */
    void growTo(int target) {
        while (posts < target) {
            int n = posts++;
            // Numbers of one width, so a page of summaries weighs the same bytes at any size.
            String number = String.format("%05d", n);
            var draft = new PostDraft(Optional.of("Veckobrev nummer " + number + " från frivården"),
                    Optional.of("Vi träffades i Norrköping och pratade om **samverkan**.\n\n- rutiner\n- uppföljning " + number),
                    Optional.of(PEOPLE.get(n % PEOPLE.size())), Optional.of("Frivårdsinspektör"),
                    Optional.of(OFFICES.get(n % OFFICES.size())), List.of("Frivård", n % 2 == 0 ? "Samverkan" : "Uppdraget"),
                    Optional.of("2024-0" + (1 + n % 3) + "-" + String.format("%02d", 1 + n % 28) + "T09:" + String.format("%02d", n % 60)),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("published"));
            if (!(wiring.posts().create(draft, AUTHOR, Optional.empty()) instanceof Outcome.Done<?>)) {
                throw new IllegalStateException("post " + n + " was not created");
            }
        }
        meter.reset();
    }

    /** A draft of the author's, changed before every post the table grows by after it. */
    void draft(String title) {
        var draft = new PostDraft(Optional.of(title), Optional.of("Text som inte är klar."), Optional.of(PEOPLE.get(0)),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("draft"));
        if (!(wiring.posts().create(draft, AUTHOR, Optional.empty()) instanceof Outcome.Done<?>)) {
            throw new IllegalStateException("the draft was not created");
        }
        meter.reset();
    }

    /** The API's GET /api/me/posts as the author asks for it. */
    static HttpRequest myPosts(Map<String, String> query) {
        HttpRequest.Builder b = HttpRequest.builder().method("GET").path("/api/me/posts").routeKey("GET /api/me/posts").authorId(AUTHOR);
        query.forEach(b::query);
        return b.build();
    }

    /** More posts titled "Månadsmöte", as a staff blog makes one a month for years. */
    void createMonthlyMeetings(int count) {
        for (int i = 0; i < count; i++) {
            cost(new CreatePostHandler(), monthlyMeeting(), 201);
        }
    }

    private static HttpRequest monthlyMeeting() {
        return HttpRequest.builder().method("POST").path("/api/posts")
                .routeKey("POST /api/posts").authorId(AUTHOR).header("content-type", "application/json")
                .body("{\"title\": \"Månadsmöte\", \"body\": \"Text.\", \"author\": {\"name\": \"Åsa Öberg\"},"
                        + " \"tags\": [\"Möten\"], \"publishedAt\": \"2019-01-30\"}")
                .build();
    }

    /** What one request costs, and its answer's status (which must be the one a reader gets). */
    MeteredDynamo.Cost cost(HttpFunction function, HttpRequest request, int expectedStatus) {
        return answer(function, request, expectedStatus).cost();
    }

    /** One request's answer, which must have this status, and what it cost. */
    Answered answer(HttpFunction function, HttpRequest request, int expectedStatus) {
        meter.reset();
        HttpResponse answer = function.use(wiring).answer(request);
        if (answer.status() != expectedStatus) {
            throw new IllegalStateException(request.path() + " answered " + answer.status() + ": " + answer.bodyText());
        }
        return new Answered(answer, meter.reset());
    }

    record Answered(HttpResponse response, MeteredDynamo.Cost cost) {
    }

    /**
     * The requests of interest, each with the handler that serves it, by name. The create is dated
     * years before the other posts, so it never enters the newest pages the other requests read.
     */
    Map<String, MeteredDynamo.Cost> costs() {
        return Map.of(
                "front page", cost(new ListPageHandler(), page("/", Map.of()), 200),
                "category page", cost(new ListPageHandler(), page("/tags/frivard", Map.of("tag", "frivard")), 200),
                "month page", cost(new ListPageHandler(), page("/archive/2024-02", Map.of("month", "2024-02")), 200),
                "person page", cost(new ListPageHandler(), page("/people/asa-oberg", Map.of("person", "asa-oberg")), 200),
                "office page", cost(new ListPageHandler(), page("/offices/frivarden-vastervik", Map.of("office", "frivarden-vastervik")), 200),
                "post page", cost(new PostPageHandler(), page("/posts/veckobrev-nummer-00001-fran-frivarden",
                        Map.of("slug", "veckobrev-nummer-00001-fran-frivarden")), 200),
                "API list by category", cost(new ListPostsHandler(), HttpRequest.builder().method("GET").path("/api/posts")
                        .routeKey("GET /api/posts").query("tag", "Frivård").build(), 200),
                "create, a title used before", cost(new CreatePostHandler(), monthlyMeeting(), 201),
                "edit form", cost(new EditPageHandler(), HttpRequest.builder().method("GET").routeKey("GET /posts/{slug}/edit")
                        .path("/posts/veckobrev-nummer-00001-fran-frivarden/edit").pathParameter("slug", "veckobrev-nummer-00001-fran-frivarden")
                        .cookie("inlagg_session=" + SESSION).build(), 200));
    }

    private static HttpRequest page(String path, Map<String, String> pathParameters) {
        HttpRequest.Builder b = HttpRequest.builder().method("GET").path(path).routeKey("GET " + path);
        pathParameters.forEach(b::pathParameter);
        return b.build();
    }

    @Override
    public void close() throws Exception {
        dynamo.close();
    }
}
