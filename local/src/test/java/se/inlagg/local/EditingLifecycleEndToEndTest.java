package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.inlagg.local.ApiAsserts.assertError;
import static se.inlagg.local.ApiAsserts.slugs;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import se.inlagg.auth.Tokens;
import se.inlagg.http.HttpDates;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Edits, deletes, drafts, scheduling and idempotent creates, over HTTP (many clients at once: ConcurrentChangesEndToEndTest). */
class EditingLifecycleEndToEndTest extends ServerTest {

    static long count(String slug) {
        return ApiAsserts.tagCount(http, slug);
    }

    Http.Reply patch(String slug, String json, String ifMatch) {
        return http.sendWith("PATCH", "/api/posts/" + slug, "application/merge-patch+json", json, ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    @Test
    void aPostCarriesAnETagAndAnUnchangedOneAnswers304() {
        http.createPost("Villkorad läsning", "2019-01-30", "Cache");
        var first = http.get("/api/posts/villkorad-lasning");
        String etag = first.header("etag");
        assertNotNull(etag);
        assertTrue(etag.startsWith("\"") && etag.endsWith("\""));
        // An HTTP-date, the day in two digits (not "Wed, 2 Dec 2026", which Go's client refuses).
        assertTrue(first.header("last-modified").matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"),
                first.header("last-modified"));
        assertEquals(Instant.parse(first.json().path("updatedAt").asText()).truncatedTo(ChronoUnit.SECONDS),
                ZonedDateTime.parse(first.header("last-modified"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        var notModified = http.sendWith("GET", "/api/posts/villkorad-lasning", null, null, Map.of("If-None-Match", etag));
        assertEquals(304, notModified.status());
        assertEquals("", notModified.body());
        assertEquals(etag, notModified.header("etag"));
        http.write("POST", "/api/posts/villkorad-lasning/tags", "{\"tags\": [\"Ny\"]}");
        var changed = http.sendWith("GET", "/api/posts/villkorad-lasning", null, null, Map.of("If-None-Match", etag));
        assertEquals(200, changed.status(), "every tag change makes a new ETag");
        assertNotEquals(etag, changed.header("etag"));
    }

    /** A client or cache revalidating by date alone (If-Modified-Since, no If-None-Match) gets a 304, not the whole post each time. */
    @Test
    void anUnchangedPostAnswers304ToItsLastModifiedInIfModifiedSince() {
        http.createPost("Villkorad på datum", "2019-01-31", "Cache");
        var first = http.get("/api/posts/villkorad-pa-datum");
        String modified = first.header("last-modified");
        Instant at = HttpDates.parse(modified).orElseThrow();
        String tomorrow = HttpDates.format(at.plus(Duration.ofDays(1)));
        Function<Map<String, String>, Http.Reply> get =
                headers -> http.sendWith("GET", "/api/posts/villkorad-pa-datum", null, null, headers);

        var same = get.apply(Map.of("If-Modified-Since", modified));
        assertEquals(304, same.status());
        assertEquals("", same.body());
        assertEquals(first.header("etag"), same.header("etag"));
        assertEquals(modified, same.header("last-modified"));
        // A date after it, and not after now: one later than now is no Last-Modified ever given, and is ignored.
        Instant later = at.plusSeconds(1);
        while (Instant.now().isBefore(later)) {
            LockSupport.parkNanos(50_000_000);
        }
        assertEquals(304, get.apply(Map.of("If-Modified-Since", HttpDates.format(later))).status(), "a date after it");
        assertEquals(200, get.apply(Map.of("If-Modified-Since", tomorrow)).status(), "a date later than now: ignored");
        assertEquals(200, get.apply(Map.of("If-Modified-Since", HttpDates.format(at.minusSeconds(1)))).status(), "a date before it");
        assertEquals(200, get.apply(Map.of("If-Modified-Since", "nyss")).status(), "no date: ignored");
        assertEquals(200, get.apply(Map.of("If-None-Match", "\"en-annan-version\"", "If-Modified-Since", tomorrow))
                .status(), "If-None-Match decides when both come");
    }

    @Test
    void anEditNeedsTheCurrentETagAndKeepsTheSlug() {
        http.createPost("Rubrik med stavfel", "2019-02-01", "Rättelse");
        String etag = http.get("/api/posts/rubrik-med-stavfel").header("etag");
        assertError(patch("rubrik-med-stavfel", "{\"title\": \"Rubrik utan stavfel\"}", null), 428, "precondition_required", null);
        assertError(patch("rubrik-med-stavfel", "{\"title\": \"Rubrik utan stavfel\"}", "\"gammal\""), 412, "precondition_failed", null);
        assertEquals("Rubrik med stavfel", http.get("/api/posts/rubrik-med-stavfel").json().path("title").asText(), "nothing changed");

        var edited = patch("rubrik-med-stavfel", "{\"title\": \"Rubrik utan stavfel\", \"image\": {\"url\": \"https://e.se/b.jpg\", \"alt\": \"Bild\"}}", etag);
        assertEquals(200, edited.status(), edited.body());
        assertEquals("rubrik-med-stavfel", edited.json().path("slug").asText());
        assertEquals(2, edited.json().path("version").asInt());
        assertNotEquals(etag, edited.header("etag"));
        var inTag = http.get("/api/posts?tag=rattelse").json().path("items").get(0);
        assertEquals("Rubrik utan stavfel", inTag.path("title").asText(), "the tag list shows the new title at once");
        for (String list : List.of("author=asa-oberg", "office=malmo")) {
            // Each list holds its own copy of the summary: every one changes with the post.
            var items = http.get("/api/posts?month=2019-02&" + list).json().path("items");
            assertTrue(items.toString().contains("\"title\":\"Rubrik utan stavfel\""), "so do the person's and the office's: " + items);
        }
        assertEquals(412, patch("rubrik-med-stavfel", "{\"title\": \"Tredje\"}", etag).status(), "the old ETag is stale now");

        var removed = patch("rubrik-med-stavfel", "{\"image\": null, \"author\": {\"role\": null}}", edited.header("etag"));
        assertEquals(200, removed.status(), removed.body());
        assertTrue(removed.json().path("image").isMissingNode());
        assertTrue(removed.json().path("author").path("role").isMissingNode());
        assertEquals("Åsa Öberg", removed.json().path("author").path("name").asText());
        String current = removed.header("etag");
        assertError(patch("rubrik-med-stavfel", "{\"title\": null}", current), 400, "validation_failed", "title");
        assertError(patch("rubrik-med-stavfel", "{\"tags\": \"en\"}", current), 400, "validation_failed", "tags");
        assertError(patch("finns-inte", "{\"title\": \"x\"}", current), 404, "not_found", null);
        assertEquals(3, http.get("/api/posts/rubrik-med-stavfel").json().path("version").asInt());
    }

    @Test
    void aDeleteRemovesEverythingAndFreesTheSlug() {
        http.createPost("Indraget inlägg", "2019-03-01", "Indraget", "Delat");
        http.createPost("Kvarvarande inlägg", "2019-03-02", "Delat");
        assertEquals(2, count("delat"));
        String etag = http.get("/api/posts/indraget-inlagg").header("etag");
        http.write("POST", "/api/posts/indraget-inlagg/tags", "{\"tags\": [\"Extra\"]}");
        assertError(http.sendWith("DELETE", "/api/posts/indraget-inlagg", null, null, Map.of("If-Match", etag)), 412, "precondition_failed", null);
        assertEquals(200, http.get("/api/posts/indraget-inlagg").status());

        // The ETag as it stands now: the delete reads the post once, for itself, and finds it as seen.
        String seen = http.get("/api/posts/indraget-inlagg").header("etag");
        assertEquals(204, http.sendWith("DELETE", "/api/posts/indraget-inlagg", null, null, Map.of("If-Match", seen)).status());
        assertEquals(404, http.get("/api/posts/indraget-inlagg").status());
        assertEquals(1, count("delat"));
        assertEquals(0, count("indraget"));
        assertEquals(List.of("kvarvarande-inlagg"), slugs(http.get("/api/posts?tag=delat").json().path("items")));
        for (String list : List.of("author=asa-oberg", "office=malmo")) {
            List<String> listed = slugs(http.get("/api/posts?month=2019-03&" + list).json().path("items"));
            assertTrue(listed.contains("kvarvarande-inlagg") && !listed.contains("indraget-inlagg"), "gone from " + list + " too: " + listed);
        }
        assertError(http.write("DELETE", "/api/posts/indraget-inlagg", null), 404, "not_found", null);
        // A deleted post's address is never given to another post: an old link or feed entry must not
        // lead to a stranger's text. The title's next post takes the next number.
        assertEquals("indraget-inlagg-2", http.createPost("Indraget inlägg", "2019-03-03").json().path("slug").asText());
        assertEquals(404, http.get("/api/posts/indraget-inlagg").status());
    }

    @Test
    void publishingADraftAddsItEverywhereAtOnce() {
        var draft = http.write("POST", "/api/posts",
                "{\"title\": \"Utkast som blir klart\", \"body\": \"Text.\", \"author\": {\"name\": \"Åsa\"}, \"tags\": [\"Utkastet\"], \"status\": \"draft\"}");
        assertEquals(201, draft.status());
        assertEquals("no-store", draft.header("cache-control"), "the draft's text, answered to its author: never stored");
        assertEquals(0, count("utkastet"));
        assertEquals(0, http.get("/api/posts?tag=utkastet").json().path("items").size());
        // A merge patch's null removes a field, and with no status the create's default would publish the draft.
        ApiAsserts.assertError(patch("utkast-som-blir-klart", "{\"status\": null}", draft.header("etag")), 400, "validation_failed", "status");
        assertEquals(0, count("utkastet"), "still a draft");
        var published = patch("utkast-som-blir-klart", "{\"status\": \"published\"}", draft.header("etag"));
        assertEquals(200, published.status(), published.body());
        assertEquals(1, count("utkastet"));
        assertEquals(List.of("utkast-som-blir-klart"), slugs(http.get("/api/posts?tag=utkastet").json().path("items")));
        assertTrue(slugs(http.get("/api/posts?author=asa").json().path("items")).contains("utkast-som-blir-klart"), "and its person's list");
        assertEquals("utkast-som-blir-klart", http.get("/api/posts?limit=1").json().path("items").get(0).path("slug").asText(),
                "a draft published with no date of its own is the newest post");
        assertEquals(200, http.get("/api/posts/utkast-som-blir-klart").status());
        var back = patch("utkast-som-blir-klart", "{\"status\": \"draft\"}", published.header("etag"));
        assertEquals(200, back.status());
        assertEquals(0, count("utkastet"), "unpublishing takes it out of the counts");

        // A date the author gives when publishing (here the draft's own) is kept, not thrown away for now.
        var backDated = http.write("POST", "/api/posts",
                "{\"title\": \"Bakdaterat utkast\", \"body\": \"Text.\", \"author\": {\"name\": \"Åsa\"}, \"status\": \"draft\", \"publishedAt\": \"2024-01-15\"}");
        var kept = patch("bakdaterat-utkast", "{\"status\": \"published\", \"publishedAt\": \"2024-01-15\"}", backDated.header("etag"));
        assertEquals("2024-01-14T23:00:00Z", kept.json().path("publishedAt").asText(), kept.body());
        var again = patch("bakdaterat-utkast", "{\"status\": \"draft\"}", kept.header("etag"));
        var republished = patch("bakdaterat-utkast", "{\"status\": \"published\", \"publishedAt\": \"2024-01-14T23:00:00Z\"}", again.header("etag"));
        assertEquals("2024-01-14T23:00:00Z", republished.json().path("publishedAt").asText(), "back at its old date, not at the top");
    }

    @Test
    void aNameOnlyADraftUsedOrThatNoPostCountsInAnyMoreCanBePutRight() {
        // The first spelling of a person, office or category is not kept for good when only a draft used it, or the byline
        // would say "Per Persson" and the person's page "per persson".
        var draft = http.write("POST", "/api/posts", "{\"title\": \"Stavas fel först\", \"body\": \"Text.\", \"author\": "
                + "{\"name\": \"per persson\", \"office\": \"kontor noll\"}, \"tags\": [\"stavkategori\"], \"status\": \"draft\"}");
        assertEquals(201, draft.status(), draft.body());
        var published = patch("stavas-fel-forst", "{\"status\": \"published\", \"author\": {\"name\": \"Per Persson\", "
                + "\"office\": \"Kontor Noll\"}, \"tags\": [\"Stavkategori\"]}", draft.header("etag"));
        assertEquals(200, published.status(), published.body());
        assertEquals("Stavkategori", published.json().path("tags").get(0).path("name").asText(), "the post keeps its spelling");
        assertEquals("Stavkategori", tagName("stavkategori"));
        assertTrue(http.get("/people/per-persson").body().contains("Inlägg av Per Persson"));
        assertTrue(http.get("/offices/kontor-noll").body().contains("Inlägg från Kontor Noll"));

        // While a post counts in it, a category keeps its name; once none does, the next names it anew.
        var second = http.createPost("Stavas annorlunda", "2019-06-01", "STAVKATEGORI");
        assertEquals("Stavkategori", second.json().path("tags").get(0).path("name").asText(), "one tag, its name as first given");
        for (String slug : List.of("stavas-fel-forst", "stavas-annorlunda")) {
            assertEquals(204, http.sendWith("DELETE", "/api/posts/" + slug, null, null, Map.of("If-Match", http.get("/api/posts/" + slug).header("etag"))).status());
        }
        http.createPost("Stavas rätt till sist", "2019-07-01", "StavKategori");
        assertEquals("StavKategori", tagName("stavkategori"));
    }

    static String tagName(String slug) {
        for (var t : http.get("/api/tags").json().path("items")) {
            if (t.path("slug").asText().equals(slug)) {
                return t.path("name").asText();
            }
        }
        return null;
    }

    @Test
    void aScheduledPostAppearsOnTimeWithNoJob() throws Exception {
        // The time is set a few seconds ahead and the post must be hidden until then. On LocalStack a create late in
        // this class can itself take seconds (moto copies the table at each write), so an attempt whose checks
        // ended after its time proved nothing about "before": it is tried again, further ahead, under a new title.
        for (int attempt = 1, seconds = 3; ; attempt++, seconds *= 2) {
            Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(seconds);
            String title = "Publiceras om en stund " + attempt, slug = "publiceras-om-en-stund-" + attempt;
            String tag = "tidsinstallt" + attempt;
            assertEquals(201, http.createPost(title, at.toString(), "Tidsinställt" + attempt).status());
            int listed = http.get("/api/posts?tag=" + tag).json().path("items").size();
            long counted = count(tag);
            int direct = http.get("/api/posts/" + slug).status();
            if (Instant.now().isBefore(at)) {
                assertEquals(0, listed, "not listed before its time");
                assertEquals(0, counted, "not counted in its category before its time");
                assertEquals(404, direct, "not shown before its time");
                Thread.sleep(Math.max(0, at.toEpochMilli() - System.currentTimeMillis()) + 1100);
                assertEquals(1, http.get("/api/posts?tag=" + tag).json().path("items").size());
                assertEquals(1, count(tag));
                assertEquals(200, http.get("/api/posts/" + slug).status());
                return;
            }
            assertTrue(attempt < 4, "creating and reading a post took longer than " + seconds + " s");
        }
    }

    @Test
    void aRetriedCreateWithItsIdempotencyKeyCreatesNothingNew() {
        String body = "{\"title\": \"Skickat två gånger\", \"body\": \"Text.\", \"author\": {\"name\": \"Åsa\"}}";
        var first = http.sendWith("POST", "/api/posts", "application/json", body, Map.of("Idempotency-Key", "nyckel-1"));
        assertEquals(201, first.status(), first.body());
        String sameBodyOtherSpacing = "{ \"author\": {\"name\": \"Åsa\"}, \"body\": \"Text.\", \"title\": \"Skickat två gånger\" }";
        var again = http.sendWith("POST", "/api/posts", "application/json", sameBodyOtherSpacing, Map.of("Idempotency-Key", "nyckel-1"));
        assertEquals(201, again.status());
        assertEquals(first.json().path("id").asText(), again.json().path("id").asText());
        assertEquals(404, http.get("/api/posts/skickat-tva-ganger-2").status(), "no second post");
        // The same text sent decomposed (as macOS may paste it) is the same request, not another (422), as it is stored alike.
        var decomposed = http.sendWith("POST", "/api/posts", "application/json", body.replace("två gånger", "tva\u030a ga\u030anger"),
                Map.of("Idempotency-Key", "nyckel-1"));
        assertEquals(201, decomposed.status(), decomposed.body());
        assertEquals(first.json().path("id").asText(), decomposed.json().path("id").asText());
        var other = http.sendWith("POST", "/api/posts", "application/json", body.replace("Text.", "Annan text."), Map.of("Idempotency-Key", "nyckel-1"));
        assertError(other, 422, "idempotency_key_reused", "Idempotency-Key");
        // A migration script that does what it is told must not make a second post: the key's post is there to read or
        // edit, not to write again under a new key (from a migration probe; "use a new key" made one).
        String told = other.json().path("error").path("message").asText();
        assertTrue(told.contains("already made a post") && told.contains("PATCH") && !told.contains("use a new key"), told);
        assertError(http.sendWith("POST", "/api/posts", "application/json", body, Map.of("Idempotency-Key", "x".repeat(101))),
                400, "validation_failed", "Idempotency-Key");
        assertEquals(404, http.get("/api/posts/skickat-tva-ganger-2").status());
    }

    /**
     * A retry whose client library fills in the defaults (a status of published, no tags, nulls for the fields it leaves
     * out) must not be refused as another request (422): a client told so may send it again under a new key and make a
     * second post. It asks for the same post, so it is answered with the first.
     */
    @Test
    void aRetryThatSpellsOutTheDefaultsAnswersTheFirstPostAndAnotherPostIsStillRefused() {
        String bare = "{\"title\": \"Standardvärden utskrivna\", \"body\": \"Text.\", \"author\": {\"name\": \"Åsa\"}}";
        var first = http.sendWith("POST", "/api/posts", "application/json", bare, Map.of("Idempotency-Key", "standard-1"));
        assertEquals(201, first.status(), first.body());
        String spelledOut = "{\"title\": \" Standardvärden utskrivna \", \"body\": \"Text.\", \"author\": {\"name\": \"Åsa\", \"role\": null,"
                + " \"office\": \"\"}, \"status\": \"published\", \"tags\": [], \"publishedAt\": null, \"excerpt\": null, \"image\": null}";
        var again = http.sendWith("POST", "/api/posts", "application/json", spelledOut, Map.of("Idempotency-Key", "standard-1"));
        assertEquals(201, again.status(), again.body());
        assertEquals(first.json().path("id").asText(), again.json().path("id").asText());
        var otherTitle = http.sendWith("POST", "/api/posts", "application/json", spelledOut.replace("utskrivna", "ändrade"),
                Map.of("Idempotency-Key", "standard-1"));
        assertError(otherTitle, 422, "idempotency_key_reused", "Idempotency-Key");
        var asDraft = http.sendWith("POST", "/api/posts", "application/json", spelledOut.replace("\"published\"", "\"draft\""),
                Map.of("Idempotency-Key", "standard-1"));
        assertError(asDraft, 422, "idempotency_key_reused", "Idempotency-Key");
        assertEquals(1, titled("Standardvärden"), "one post");
    }

    /**
     * A record the version before this one wrote (it lives 24 hours, so a deploy finds some) holds only the hash of its
     * request as sent: a retry sent alike is still answered with the first post. A record this version writes keeps that
     * hash too, for a version from before it, deployed again.
     */
    @Test
    void aRecordWrittenBeforeRecordsKeptWhatWasAskedStillAnswersARetrySentAlike() {
        String body = "{\"title\": \"Skapat före driftsättningen\", \"body\": \"Text.\", \"author\": {\"name\": \"Åsa\"}, \"tags\": [\"Frivård\"]}";
        var first = http.sendWith("POST", "/api/posts", "application/json", body, Map.of("Idempotency-Key", "fore-1"));
        assertEquals(201, first.status(), first.body());
        try (var client = env.server.dynamoClient()) {
            String keySha256 = Tokens.sha256("fore-1");
            var record = client.scan(b -> b.tableName(env.server.tableName())).items().stream()
                    .filter(item -> item.get("PK").s().startsWith("IDEM#") && item.get("PK").s().endsWith("#" + keySha256))
                    .findFirst().orElseThrow();
            assertTrue(record.containsKey("requestSha256") && record.containsKey("commandSha256"), record.toString());
            var asBefore = new HashMap<>(record);
            asBefore.remove("commandSha256");
            client.putItem(b -> b.tableName(env.server.tableName()).item(asBefore));
        }
        var again = http.sendWith("POST", "/api/posts", "application/json", body, Map.of("Idempotency-Key", "fore-1"));
        assertEquals(201, again.status(), again.body());
        assertEquals(first.json().path("id").asText(), again.json().path("id").asText());
        var other = http.sendWith("POST", "/api/posts", "application/json", body.replace("Text.", "Annan text."), Map.of("Idempotency-Key", "fore-1"));
        assertError(other, 422, "idempotency_key_reused", "Idempotency-Key");
        assertEquals(1, titled("Skapat före"), "one post");
    }

    /**
     * An excerpt made before a body's reference to a control was made fit ("&#150;", the dash of HTML saved from Word, kept
     * as U+0096) is not taken for its author's, which would refuse every PATCH with 400 naming "excerpt", a field its client
     * never sent. Any change that writes no excerpt makes it anew from the body.
     */
    @Test
    void anExcerptMadeBeforeReferencesToControlsWereMadeFitIsMadeAnewByTheNextChange() {
        var created = http.sendWith("POST", "/api/posts", "application/json", "{\"title\": \"Protokoll från Kalmar\", \"body\":"
                + " \"Möte 9&#150;11 i Kalmar.\", \"author\": {\"name\": \"Åsa Öberg\"}, \"publishedAt\": \"2019-02-11\"}", Map.of());
        assertEquals(201, created.status(), created.body());
        String slug = created.json().path("slug").asText();
        String fit = http.get("/api/posts/" + slug).json().path("excerpt").asText();
        assertEquals("Möte 9–11 i Kalmar.", fit);
        storedAsBefore(fit, "Möte 9\u009611 i Kalmar.");
        var before = http.get("/api/posts/" + slug);
        assertEquals("Möte 9\u009611 i Kalmar.", before.json().path("excerpt").asText(), "the API gives it as stored until the post is saved");

        var retitled = patch(slug, "{\"title\": \"Protokoll från Kalmar (rättat)\"}", before.header("etag"));

        assertEquals(200, retitled.status(), retitled.body());
        assertEquals("Möte 9–11 i Kalmar.", retitled.json().path("excerpt").asText());
        var rewritten = patch(slug, "{\"body\": \"Möte 9–11 i Kalmar och Växjö.\"}", retitled.header("etag"));
        assertEquals(200, rewritten.status(), rewritten.body());
        assertEquals("Möte 9–11 i Kalmar och Växjö.", rewritten.json().path("excerpt").asText(), "still made from the body");
    }

    /**
     * An excerpt its author wrote stays through a change that names none, and one stored before the rules with a
     * noncharacter (which older rules took) does not have every change of its post refused: it is kept as the pages show
     * it, the noncharacter U+FFFD.
     */
    @Test
    void anExcerptItsAuthorWroteStaysThroughAChangeThatNamesNone() {
        var created = http.sendWith("POST", "/api/posts", "application/json", "{\"title\": \"Egen ingress\", \"body\": \"Texten börjar"
                + " så här.\", \"excerpt\": \"Egen sammanfattning.\", \"author\": {\"name\": \"Åsa Öberg\"}}", Map.of());
        assertEquals(201, created.status(), created.body());
        String slug = created.json().path("slug").asText();
        var retitled = patch(slug, "{\"title\": \"Egen ingress (rättad)\"}", created.header("etag"));
        assertEquals(200, retitled.status(), retitled.body());
        assertEquals("Egen sammanfattning.", retitled.json().path("excerpt").asText());
        var rewritten = patch(slug, "{\"body\": \"En ny text.\"}", retitled.header("etag"));
        assertEquals("Egen sammanfattning.", rewritten.json().path("excerpt").asText(), "a new body keeps the author's own");

        storedAsBefore("Egen sammanfattning.", "Egen\uFFFE sammanfattning.");
        var tagged = patch(slug, "{\"tags\": [\"Frivård\"]}", http.get("/api/posts/" + slug).header("etag"));
        assertEquals(200, tagged.status(), tagged.body());
        assertEquals("Egen\uFFFD sammanfattning.", tagged.json().path("excerpt").asText());
    }

    /** The excerpt {@code now} as a version before stored it, wherever the table keeps it (the post and its list entries). */
    static void storedAsBefore(String now, String before) {
        try (var client = env.server.dynamoClient()) {
            var holding = client.scan(b -> b.tableName(env.server.tableName())).items().stream()
                    .filter(item -> item.containsKey("excerpt") && item.get("excerpt").s().equals(now)).toList();
            assertTrue(!holding.isEmpty(), "no item holds " + now);
            for (var item : holding) {
                var asBefore = new HashMap<>(item);
                asBefore.put("excerpt", AttributeValue.fromS(before));
                client.putItem(b -> b.tableName(env.server.tableName()).item(asBefore));
            }
        }
    }

    /** How many of the author's own posts (every status) have a title that begins so. */
    static long titled(String start) {
        var mine = http.getAs("/api/me/posts?limit=100", ServerExtension.TOKEN).json().path("items");
        return StreamSupport.stream(mine.spliterator(), false).filter(p -> p.path("title").asText().startsWith(start)).count();
    }
}
