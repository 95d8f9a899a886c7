package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.inlagg.local.ApiAsserts.assertError;
import static se.inlagg.local.ApiAsserts.slugs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Edits, deletes, drafts, scheduling, idempotent creates and tags under concurrency, over HTTP. */
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
        assertNotNull(first.header("last-modified"));
        var notModified = http.sendWith("GET", "/api/posts/villkorad-lasning", null, null, Map.of("If-None-Match", etag));
        assertEquals(304, notModified.status());
        assertEquals("", notModified.body());
        assertEquals(etag, notModified.header("etag"));
        http.write("POST", "/api/posts/villkorad-lasning/tags", "{\"tags\": [\"Ny\"]}");
        var changed = http.sendWith("GET", "/api/posts/villkorad-lasning", null, null, Map.of("If-None-Match", etag));
        assertEquals(200, changed.status(), "every tag change makes a new ETag");
        assertNotEquals(etag, changed.header("etag"));
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

        assertEquals(204, http.write("DELETE", "/api/posts/indraget-inlagg", null).status());
        assertEquals(404, http.get("/api/posts/indraget-inlagg").status());
        assertEquals(1, count("delat"));
        assertEquals(0, count("indraget"));
        assertEquals(List.of("kvarvarande-inlagg"), slugs(http.get("/api/posts?tag=delat").json().path("items")));
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
        assertEquals(0, count("utkastet"));
        assertEquals(0, http.get("/api/posts?tag=utkastet").json().path("items").size());
        var published = patch("utkast-som-blir-klart", "{\"status\": \"published\"}", draft.header("etag"));
        assertEquals(200, published.status(), published.body());
        assertEquals(1, count("utkastet"));
        assertEquals(List.of("utkast-som-blir-klart"), slugs(http.get("/api/posts?tag=utkastet").json().path("items")));
        assertEquals("utkast-som-blir-klart", http.get("/api/posts?limit=1").json().path("items").get(0).path("slug").asText(),
                "a draft published with no date of its own is the newest post");
        assertEquals(200, http.get("/api/posts/utkast-som-blir-klart").status());
        var back = patch("utkast-som-blir-klart", "{\"status\": \"draft\"}", published.header("etag"));
        assertEquals(200, back.status());
        assertEquals(0, count("utkastet"), "unpublishing takes it out of the counts");
    }

    @Test
    void aScheduledPostAppearsOnTimeWithNoJob() throws Exception {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(3);
        assertEquals(201, http.createPost("Publiceras om en stund", at.toString(), "Tidsinställt").status());
        assertEquals(0, http.get("/api/posts?tag=tidsinstallt").json().path("items").size());
        assertEquals(0, count("tidsinstallt"));
        assertEquals(404, http.get("/api/posts/publiceras-om-en-stund").status());
        Thread.sleep(Math.max(0, at.toEpochMilli() - System.currentTimeMillis()) + 1100);
        assertEquals(1, http.get("/api/posts?tag=tidsinstallt").json().path("items").size());
        assertEquals(1, count("tidsinstallt"));
        assertEquals(200, http.get("/api/posts/publiceras-om-en-stund").status());
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
        var other = http.sendWith("POST", "/api/posts", "application/json", body.replace("Text.", "Annan text."), Map.of("Idempotency-Key", "nyckel-1"));
        assertError(other, 422, "idempotency_key_reused", "Idempotency-Key");
        assertError(http.sendWith("POST", "/api/posts", "application/json", body, Map.of("Idempotency-Key", "x".repeat(101))),
                400, "validation_failed", "Idempotency-Key");
        assertEquals(404, http.get("/api/posts/skickat-tva-ganger-2").status());
    }

    @Test
    void twentyConcurrentTagRequestsOnOnePostAllSucceedAndNothingIsLost() throws Exception {
        String slug = http.createPost("Många skriver samtidigt", "2018-05-05").json().path("slug").asText();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 1; i <= 20; i++) {
                String tag = "Samtidig " + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return http.write("POST", "/api/posts/" + slug + "/tags", "{\"tags\": [\"" + tag + "\"]}").status();
                }));
            }
            start.countDown();
            for (Future<Integer> a : answers) {
                assertEquals(200, a.get());
            }
        } finally {
            pool.shutdownNow();
        }
        JsonNode post = http.get("/api/posts/" + slug).json();
        assertEquals(20, post.path("tags").size());
        assertEquals(21, post.path("version").asInt(), "each change bumped the version once");
        assertEquals(20, new HashSet<>(post.path("tags").findValuesAsText("slug")).size());
        for (int i = 1; i <= 20; i++) {
            assertEquals(1, count("samtidig-" + i));
        }
        assertError(http.write("POST", "/api/posts/" + slug + "/tags", "{\"tags\": [\"Den tjugoförsta\"]}"), 422, "too_many_tags", "tags");
        assertEquals(0, count("den-tjugoforsta"));
    }
}
