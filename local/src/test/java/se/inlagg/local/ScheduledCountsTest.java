package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.inlagg.app.Wiring;
import se.inlagg.posts.Facet;
import se.inlagg.posts.FacetCount;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostDraft;
import se.inlagg.posts.Seen;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A scheduled post waits in its facets' counters (a pending map) and counts from its time on, with no job. One never
 * written again after its time must not stay in the map for good, or a counter of a facet whose posts are mostly
 * scheduled grows with each, and every read and write of it too. A create counts those whose time has passed for good;
 * the posts' own later writes, and their deletes, then count them as counted, so no count moves twice.
 * Two services on one table: one now, one two hours on, when the posts scheduled an hour on are due.
 */
class ScheduledCountsTest {

    static final String TABLE = "PostsTable-Scheduled";
    static final String AUTHOR = "5ad2042c-f7f5-47ac-98da-d4ede0d324ab";

    @TempDir
    Path data;
    DynamoForTests dynamo;
    DynamoDbClient raw;
    Wiring now;
    Wiring later;

    @BeforeEach
    void table() throws Exception {
        dynamo = DynamoForTests.start(data);
        raw = dynamo.client();
        dynamo.createTable(TABLE);
        now = wiring(raw, Duration.ZERO);
        later = wiring(raw, Duration.ofHours(2));
    }

    @AfterEach
    void close() throws Exception {
        raw.close();
        dynamo.close();
    }

    @Test
    void aCreateCountsDuePostsForGoodAndTheirLaterWritesCountThemOnce() throws Exception {
        String inAnHour = Instant.now().plus(Duration.ofHours(1)).toString();
        // On LocalStack the table outlives each test: the posts other tests left are counted before, to be left aside.
        long peopleBefore = people(later);

        List<String> scheduled = List.of("Planerat ett", "Planerat två", "Planerat tre").stream()
                .map(title -> create(now, title, "Planerat", Optional.of(inAnHour))).toList();
        String alone = create(now, "Ensam och planerad", "Ensam", Optional.of(inAnHour));
        assertEquals(Map.of("count", 0L, "waiting", 3L), counter(raw, "TAG#planerat"));
        assertEquals(3, count(later, "planerat"), "due, counted on reading");

        create(later, "Nytt i Planerat", "Planerat", Optional.empty());
        assertEquals(Map.of("count", 4L, "waiting", 0L), counter(raw, "TAG#planerat"), "the due posts counted for good");
        assertEquals(4, count(later, "planerat"));
        assertEquals(Map.of("count", 0L, "waiting", 1L), counter(raw, "TAG#ensam"), "a counter no create wrote waits still");

        // Their own writes after: each leaves the count once, counted or waiting as the counter has it.
        assertInstanceOf(Outcome.Done.class, later.posts().unpublish(scheduled.get(0), AUTHOR, Optional.empty()));
        assertEquals(3, count(later, "planerat"));
        assertInstanceOf(Outcome.Done.class, later.posts().delete(scheduled.get(1), Optional.empty(), AUTHOR));
        assertEquals(2, count(later, "planerat"));
        Post third = done(later.posts().getToChange(scheduled.get(2), AUTHOR));
        assertInstanceOf(Outcome.Done.class, later.posts().replaceTags(third.slug(), List.of("Ensam"),
                Optional.of(Seen.atVersion(third.version())), AUTHOR));
        assertEquals(1, count(later, "planerat"), "moved to another category");
        assertEquals(Map.of("count", 1L, "waiting", 0L), counter(raw, "TAG#planerat"));
        assertEquals(2, count(later, "ensam"), "where it counts, beside the one still waiting");

        assertInstanceOf(Outcome.Done.class, later.posts().delete(alone, Optional.empty(), AUTHOR));
        assertEquals(Map.of("count", 1L, "waiting", 0L), counter(raw, "TAG#ensam"), "a waiting one leaves its entry");
        assertEquals(1, count(later, "ensam"));
        assertEquals(2, people(later) - peopleBefore,
                "the author's posts readers see: Planerat tre and Nytt i Planerat; the person's counter was settled too");
    }

    /** The posts the people's list counts, all people together, as these services see it. */
    static long people(Wiring wiring) {
        return wiring.posts().facets(Facet.Kind.PERSON).stream().mapToLong(FacetCount::count).sum();
    }

    /**
     * A create whose next slug is a scheduled post's (its own title made that slug) does not take that post's id for its
     * own and throw, a 500; it goes on to the next number. A scheduled post's change with the version the author saw, while
     * a create counts it in one of its counters, is not refused as changed since (412); it is made again from the counters
     * as they then are. And a counted post scheduled again waits again.
     */
    @Test
    void aCreateOnAScheduledPostsSlugAndAWriteRacingACreateAreNeitherRefused() throws Exception {
        String inAnHour = Instant.now().plus(Duration.ofHours(1)).toString();

        assertEquals("mote", create(now, "Möte", "Möten", Optional.empty()));
        assertEquals("mote-2", create(now, "Möte 2", "Möten", Optional.of(inAnHour)));
        assertEquals("mote-3", create(later, "Möte", "Möten", Optional.empty()), "the next number, the scheduled post counted");
        assertEquals(3, count(later, "moten"));

        String racing = create(now, "Planerat i kapp", "Kapplöpning", Optional.of(inAnHour));
        Post seen = done(later.posts().getToChange(racing, AUTHOR));
        // Just before the unpublish's transaction, a create in the same category counts the post there.
        AtomicBoolean cameBetween = new AtomicBoolean();
        DynamoDbClient hooked = Intercepted.of(DynamoDbClient.class, raw).beforeTheFirst("transactWriteItems", () -> {
            create(later, "Kom emellan", "Kapplöpning", Optional.empty());
            cameBetween.set(true);
        }).client();
        Wiring racingWiring = wiring(hooked, Duration.ofHours(2));
        assertInstanceOf(Outcome.Done.class, racingWiring.posts().unpublish(racing, AUTHOR, Optional.of(Seen.atVersion(seen.version()))),
                "the post did not change: no conflict");
        assertTrue(cameBetween.get(), "the create did come between");
        assertEquals(Map.of("count", 1L, "waiting", 0L), counter(raw, "TAG#kapplopning"), "Kom emellan alone");

        // Counted, then scheduled again: it waits again, and leaves the count.
        Post third = done(later.posts().getToChange("mote-2", AUTHOR));
        assertInstanceOf(Outcome.Done.class, later.posts().publish("mote-2", AUTHOR,
                Optional.of(Instant.now().plus(Duration.ofHours(5))), Optional.of(Seen.atVersion(third.version()))));
        assertEquals(Map.of("count", 2L, "waiting", 1L), counter(raw, "TAG#moten"));
        assertEquals(2, count(later, "moten"));
    }

    /**
     * A scheduled post counts in its category (it waits there, and readers see it at its time): the category keeps the
     * name it gave, as a published post's would. A post with another spelling of it takes that name, so the two posts'
     * tags, and the category's page, read alike once the first one's time has come.
     */
    @Test
    void aCategoryOnlyAScheduledPostUsesKeepsItsNameForTheNextPost() throws Exception {
        create(now, "Rapporten kommer", "Kvartalsrapport", Optional.of(Instant.now().plus(Duration.ofHours(1)).toString()));

        String next = create(now, "Rapporten i korthet", "KVARTALSRAPPORT", Optional.empty());

        Post post = done(now.posts().getToChange(next, AUTHOR));
        assertEquals("Kvartalsrapport", post.summary().tags().getFirst().name(), "named as the scheduled post named it");
        var category = later.posts().facets(Facet.Kind.CATEGORY).stream().filter(c -> c.facet().slug().equals("kvartalsrapport"))
                .findFirst().orElseThrow();
        assertEquals(new FacetCount(new Facet(Facet.Kind.CATEGORY, "kvartalsrapport", "Kvartalsrapport"), 2), category);
    }

    /** A scheduled post moved to a later time waits in its counters still, at its new time: not counted before it, nor lost. */
    @Test
    void aScheduledPostMovedToALaterTimeWaitsUntilThenAndCountsOnce() throws Exception {
        String slug = create(now, "Flyttas fram", "Flyttat", Optional.of(Instant.now().plus(Duration.ofHours(1)).toString()));
        Post seen = done(now.posts().getToChange(slug, AUTHOR));

        assertInstanceOf(Outcome.Done.class, now.posts().publish(slug, AUTHOR,
                Optional.of(Instant.now().plus(Duration.ofHours(3))), Optional.of(Seen.atVersion(seen.version()))));

        assertEquals(Map.of("count", 0L, "waiting", 1L), counter(raw, "TAG#flyttat"));
        assertEquals(0, count(later, "flyttat"), "not at its old time");
        assertEquals(1, count(wiring(raw, Duration.ofHours(4)), "flyttat"));
    }

    /**
     * A draft scheduled for later counts as a post created scheduled does: its category, new with the draft and so in no
     * list yet, joins the categories' list when the draft is scheduled, and is listed with it once its time has come.
     */
    @Test
    void aDraftScheduledForLaterIsListedInItsNewCategoryOnceItsTimeHasCome() throws Exception {
        String slug = create(now, "Utkast som planeras", "Planerat utkast", Optional.empty(), "draft");
        Post seen = done(now.posts().getToChange(slug, AUTHOR));

        assertInstanceOf(Outcome.Done.class, now.posts().publish(slug, AUTHOR,
                Optional.of(Instant.now().plus(Duration.ofHours(1))), Optional.of(Seen.atVersion(seen.version()))));

        assertEquals(Map.of("count", 0L, "waiting", 1L), counter(raw, "TAG#planerat-utkast"));
        assertEquals(1, count(later, "planerat-utkast"), "listed among the categories at its time");
    }

    /** The services on this class's table, their clock {@code ahead} of now (zero: now itself). */
    static Wiring wiring(DynamoDbClient client, Duration ahead) {
        return Wirings.on(client, TABLE, Clock.offset(Clock.systemUTC(), ahead));
    }

    static String create(Wiring wiring, String title, String category, Optional<String> at) {
        return create(wiring, title, category, at, "published");
    }

    /** A post of this {@code status} ("published" or "draft"). */
    static String create(Wiring wiring, String title, String category, Optional<String> at, String status) {
        var draft = new PostDraft(Optional.of(title), Optional.of("Text."), Optional.of("Åsa Öberg"), Optional.empty(), Optional.empty(),
                List.of(category), at, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(status));
        return done(wiring.posts().create(draft, AUTHOR, Optional.empty())).slug();
    }

    @SuppressWarnings("unchecked")
    static <T> T done(Outcome<T> outcome) {
        return ((Outcome.Done<T>) assertInstanceOf(Outcome.Done.class, outcome)).value();
    }

    static long count(Wiring wiring, String category) {
        return wiring.posts().facets(Facet.Kind.CATEGORY).stream().filter(c -> c.facet().slug().equals(category))
                .mapToLong(FacetCount::count).sum();
    }

    /** The counter as stored: its plain count and how many scheduled posts it waits for. */
    static Map<String, Long> counter(DynamoDbClient raw, String pk) {
        Map<String, AttributeValue> item = raw.getItem(r -> r.tableName(TABLE).consistentRead(true)
                .key(Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS("TAG")))).item();
        return Map.of("count", Long.parseLong(item.get("count").n()), "waiting", (long) item.get("pending").m().size());
    }
}
