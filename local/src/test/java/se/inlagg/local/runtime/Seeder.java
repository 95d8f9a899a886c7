package se.inlagg.local.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.inlagg.api.CreatePostHandler;
import se.inlagg.app.Wiring;
import se.inlagg.auth.Tokens;
import se.inlagg.config.Settings;
import se.inlagg.http.HttpRequest;
import se.inlagg.local.DynamoForTests;
import se.inlagg.local.Template;
import se.inlagg.posts.Byline;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.PostDraft;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Makes what the events name exist in one table, through the application's own code (its Wiring):
 * an author for each token, the session the cookies name with the CSRF token the forms carry, and each
 * named post as its create event describes it, made by the create handler itself. A post is left out
 * where the function's own events create it: they are there to make it.
 */
final class Seeder {

    static final String AUTHOR_NAME = "Åsa Öberg";

    private Seeder() {
    }

    /** What was seeded: the author id behind each token, and the title and id of each post by slug. */
    record Seeded(Map<String, String> authorIdOfToken, Map<String, String> titleOfSlug, Map<String, String> idOfSlug) {

        String authorIdOf(String token) {
            String id = authorIdOfToken.get(token);
            if (id == null) {
                throw new IllegalStateException("no author was seeded for the token " + token);
            }
            return id;
        }
    }

    /**
     * A new table of the template's shape for one function, seeded for its events: what it names,
     * less the posts the function's own events create. Dates are read in the function's site zone.
     */
    static Seeded newTable(DynamoForTests dynamo, Template template, String table, FunctionSpec function, EventFixtures fixtures,
                           List<ReplayEvent> events) {
        return newTable(dynamo, template, table, function, fixtures, events, 0);
    }

    /**
     * As {@link #newTable(DynamoForTests, Template, String, FunctionSpec, EventFixtures, List)}, with a blog's past
     * before the events' posts: {@code pastPosts} published posts from 2018 ({@link #past}), so that a list holds a
     * full page, a feed its twenty entries and a category more posts than a post's page chooses related ones from,
     * as on a blog in use, where the events' few posts alone make every list a toy.
     */
    static Seeded newTable(DynamoForTests dynamo, Template template, String table, FunctionSpec function, EventFixtures fixtures,
                           List<ReplayEvent> events, int pastPosts) {
        dynamo.createTable(template, table);
        Set<String> ownCreates = new LinkedHashSet<>();
        events.stream().filter(e -> e.route().filter(r -> r.key().equals(EventFixtures.CREATE_ROUTE)).isPresent())
                .forEach(e -> ownCreates.add(e.file()));
        try (var client = dynamo.client()) {
            return seed(client, table, ZoneId.of(function.environment().get(Settings.SITE_TIME_ZONE)), fixtures, ownCreates, pastPosts);
        }
    }

    /**
     * Whoever wrote the blog's past: no token names them, so no author's own pages (drafts, "Mina inlägg") show it; a
     * byline of theirs may name the events' author, whose person page then holds her past posts too.
     */
    private static final String PAST_AUTHOR = "7d0c5a2e-9b1f-4c3d-8e6a-2f4b1c9d0e57";
    private static final List<String> PAST_PEOPLE = List.of("Åsa Öberg", "Per Lund", "Karin Lindqvist", "Johan Persson");
    private static final List<String> PAST_OFFICES = List.of("Frivården Malmö", "Frivården Ystad", "Frivården Västervik");
    private static final List<String> PAST_SENTENCES = List.of(
            "Klienterna ska få en tydlig plan redan från första dagen.",
            "Arbetsmiljön på kontoret har blivit lugnare sedan vi flyttade.",
            "Programledarna berättade om sina erfarenheter av återfallsprevention.",
            "Under hösten ska alla medarbetare gå utbildningen i motiverande samtal.",
            "En kontaktperson per klient gör det lättare att följa upp planen.",
            "Vi firade att enheten fyllde tjugo år med tårta och tal.",
            "Handledningen i grupp har hjälpt många av oss att hantera svåra samtal.",
            "Vi har börjat med korta morgonmöten, stående, varje dag.");

    /**
     * The i:th post of the blog's past, the same every run: in 2018, before every post the events name, so those stay
     * the newest in each list (what {@link UserChecks} looks for); two of the events' categories but never both words
     * of the events' search ("frivård samverkan": never Samverkan, and neither word in its text), so search answers
     * what it answered; a paragraph, a list and a second paragraph, as the events' posts are written.
     */
    static PostDraft past(int i) {
        List<String> first = List.of("Frivård", "Ystad", "RBM");
        List<String> second = List.of("Klientens bästa", "RBM", "Ystad");
        String a = first.get(i % first.size());
        String b = second.get(i / first.size() % second.size());
        List<String> tags = a.equals(b) ? List.of(a) : List.of(a, b);
        String body = PAST_SENTENCES.get(i % PAST_SENTENCES.size()) + " " + PAST_SENTENCES.get((i + 3) % PAST_SENTENCES.size())
                + "\n\n- uppföljning varje kvartal\n- mer tid för samtal\n\n" + PAST_SENTENCES.get((i + 5) % PAST_SENTENCES.size());
        String date = String.format("2018-%02d-%02dT%02d:%02d", 1 + i % 12, 1 + i % 28, 8 + i % 9, i % 60);
        return new PostDraft(Optional.of("Veckobrev nummer " + (i + 1) + " från enheten"),
                Optional.of(body), Optional.of(PAST_PEOPLE.get(i % PAST_PEOPLE.size())),
                Optional.of("Frivårdsinspektör"), Optional.of(PAST_OFFICES.get(i % PAST_OFFICES.size())), tags,
                Optional.of(date), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("published"));
    }

    static Seeded seed(DynamoDbClient client, String table, ZoneId siteZone, EventFixtures fixtures, Set<String> createdByTheseEvents,
                       int pastPosts) {
        var wiring = new Wiring(client, new Settings(table, siteZone), Clock.systemUTC());
        for (int i = 0; i < pastPosts; i++) {
            if (!(wiring.posts().create(past(i), PAST_AUTHOR, Optional.empty()) instanceof Outcome.Done<?>)) {
                throw new IllegalStateException("the past post " + i + " was not created");
            }
        }
        var now = Clock.systemUTC().instant();
        Map<String, String> authors = new LinkedHashMap<>();
        for (String token : fixtures.tokens()) {
            authors.put(token, wiring.authors().create(new Byline(AUTHOR_NAME, Optional.empty(), Optional.empty()), token, now).id());
        }
        if (fixtures.sessionId().isPresent()) {
            // Whoever signs in with the first token found gets it; the events carry one token.
            String author = authors.values().stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("events/ name a session but no author token"));
            wiring.sessions().begin(author, fixtures.sessionId().get(), fixtures.csrf().orElse(""), now);
        }
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, String> ids = new LinkedHashMap<>();
        fixtures.creatorOfSlug().forEach((slug, create) -> {
            titles.put(slug, Json.read(create.body()).path("title").asText());
            if (!createdByTheseEvents.contains(create.file())) {
                ids.put(slug, createPost(wiring, create, authors));
            }
        });
        return new Seeded(Map.copyOf(authors), Map.copyOf(titles), Map.copyOf(ids));
    }

    /**
     * The create event as API Gateway passes it on, with the author the authorizer found for its token and
     * without its Idempotency-Key (that belongs to the request the replay sends itself).
     */
    private static String createPost(Wiring wiring, ReplayEvent create, Map<String, String> authors) {
        ObjectNode event = withAuthorizerContext(create, authors);
        ((ObjectNode) event.path("headers")).remove("idempotency-key");
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) se.inlagg.json.Json.read(event.toString());
        var answer = new CreatePostHandler().use(wiring).answer(HttpRequest.fromEvent(fields));
        if (answer.status() != 201) {
            throw new IllegalStateException("seeding the post of " + create.file() + " answered " + answer.status()
                    + ": " + answer.bodyText());
        }
        return Json.read(answer.bodyText()).path("id").asText();
    }

    /**
     * The event as the function receives it in this table: an HTTP event with its author's context
     * ({@link #withAuthorizerContext}), a batch of stream records naming the seeded posts by their ids
     * (a file can only name a post by its slug, and each table gives the post an id of its own). A
     * record of a post that was not seeded is refused: the indexer would only remove it, which is not
     * the change it is there to show.
     */
    static ObjectNode asDelivered(ReplayEvent event, Seeded seeded) {
        ObjectNode json = withAuthorizerContext(event, seeded.authorIdOfToken());
        if (event.isStreamEvent()) {
            for (var record : json.path("Records")) {
                var change = (ObjectNode) record.path("dynamodb");
                String slug = change.path("NewImage").path("slug").path("S").asText("");
                String id = seeded.idOfSlug().get(slug);
                if (id == null) {
                    throw new IllegalStateException(event.file() + " has a record of \"" + slug + "\", which no create in events/ seeds");
                }
                ((ObjectNode) change.path("Keys").path("PK")).put("S", "POST#" + id);
                ((ObjectNode) change.path("NewImage").path("PK")).put("S", "POST#" + id);
                ((ObjectNode) change.path("NewImage").path("id")).put("S", id);
            }
        }
        return json;
    }

    /**
     * The event as API Gateway hands it to the function behind the authorizer: with the context the
     * authorizer answered for the event's token (the author's id), in place of whatever the file says.
     */
    static ObjectNode withAuthorizerContext(ReplayEvent event, Map<String, String> authorIdOfToken) {
        ObjectNode json = event.json().deepCopy();
        var token = event.header("authorization").flatMap(Tokens::fromBearer);
        if (token.isPresent() && event.route().filter(Template.Route::authorized).isPresent()) {
            String authorId = authorIdOfToken.get(token.get());
            ((ObjectNode) json.path("requestContext")).putObject("authorizer").putObject("lambda").put("authorId", authorId);
        }
        return json;
    }
}
