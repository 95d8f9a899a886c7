package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.inlagg.local.ApiAsserts.assertError;
import static se.inlagg.local.ApiAsserts.slugs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the pages do, through the JSON API: publishing now or at a time, back to draft, the caller's
 * own posts and profile; and the rule the pages follow, that only a post's author changes it.
 */
class AuthoringApiEndToEndTest extends ServerTest {

    static final String OTHER = "annan-api-forfattare-" + UUID.randomUUID();

    @BeforeAll
    static void secondAuthor() {
        AuthorBrowser.newAuthor(env.server, "Bertil Ek", OTHER);
    }

    static Http.Reply as(String token, String method, String path, String json) {
        return http.send(method, path, json == null ? null : "application/json", json == null ? null : json.getBytes(StandardCharsets.UTF_8),
                token, Map.of());
    }

    static Http.Reply draft(String title) {
        return http.write("POST", "/api/posts", "{\"title\": \"" + title + "\", \"body\": \"Text.\", \"author\": {\"name\": \"Åsa\"}, \"status\": \"draft\"}");
    }

    /** An Authorization header's scheme is case-insensitive (RFC 9110): a client that writes "bearer" is let in as with "Bearer". */
    @Test
    void theBearerSchemeIsReadInAnyCase() {
        for (String scheme : List.of("bearer", "BEARER")) {
            byte[] json = ("{\"title\": \"Skrivet med " + scheme + "\", \"body\": \"Text.\", \"author\": {\"name\": \"Åsa\"}, \"status\": \"draft\"}")
                    .getBytes(StandardCharsets.UTF_8);
            var created = http.send("POST", "/api/posts", "application/json", json, null, Map.of("Authorization", scheme + " " + ServerExtension.TOKEN));
            assertEquals(201, created.status(), scheme + ": " + created.body());
        }
        var wrong = http.send("POST", "/api/posts", "application/json", "{}".getBytes(StandardCharsets.UTF_8), null,
                Map.of("Authorization", "Basic " + ServerExtension.TOKEN));
        assertEquals(403, wrong.status(), "another scheme is no token: the authorizer refuses it");
    }

    @Test
    void onlyThePostsAuthorMayEditDeleteTagOrPublishIt() {
        assertEquals(201, http.createPost("Åsas API-inlägg", "2019-03-01", "Frivård").status());
        assertEquals(201, draft("Åsas API-utkast").status());
        String etag = http.get("/api/posts/asas-api-inlagg").header("etag");
        var patch = http.send("PATCH", "/api/posts/asas-api-inlagg", "application/merge-patch+json",
                "{\"title\": \"Kapad\"}".getBytes(StandardCharsets.UTF_8), OTHER, Map.of("If-Match", etag));
        assertError(patch, 403, "forbidden", null);
        // With an ETag gone stale too: it is still not theirs, which is said first.
        assertError(http.send("PATCH", "/api/posts/asas-api-inlagg", "application/merge-patch+json",
                "{\"title\": \"Kapad\"}".getBytes(StandardCharsets.UTF_8), OTHER, Map.of("If-Match", "\"gammal\"")), 403, "forbidden", null);
        assertError(as(OTHER, "DELETE", "/api/posts/asas-api-inlagg", null), 403, "forbidden", null);
        assertError(as(OTHER, "POST", "/api/posts/asas-api-inlagg/tags", "{\"tags\": [\"Kapad\"]}"), 403, "forbidden", null);
        assertError(as(OTHER, "DELETE", "/api/posts/asas-api-inlagg/tags/frivard", null), 403, "forbidden", null);
        assertError(as(OTHER, "POST", "/api/posts/asas-api-inlagg/unpublish", null), 403, "forbidden", null);
        assertError(as(OTHER, "POST", "/api/posts/asas-api-utkast/publish", null), 404, "not_found", null);
        var post = http.get("/api/posts/asas-api-inlagg").json();
        assertEquals("Åsas API-inlägg", post.path("title").asText());
        assertEquals(1, post.path("version").asInt(), "nothing changed");
        assertEquals(etag, http.get("/api/posts/asas-api-inlagg").header("etag"));
    }

    /**
     * "status": "" in a patch would publish a draft (read as no status, whose default is published), and in a create make
     * a post everyone can read; "publishedAt": "" would be "now" in a create and null in a patch. Empty is refused in each;
     * and a draft whose own date a patch takes away is dated when that was done, as "dated": false says.
     */
    @Test
    void anEmptyStatusOrDateIsRefusedAndNeverPublishesADraft() {
        assertEquals(201, draft("Får inte synas än").status());
        String path = "/api/posts/far-inte-synas-an";
        for (String status : List.of("\"\"", "\"   \"")) {
            String etag = http.write("GET", path, null).header("etag");
            var patched = http.sendWith("PATCH", path, "application/merge-patch+json", "{\"status\": " + status + "}", Map.of("If-Match", etag));
            assertError(patched, 400, "validation_failed", "status");
            assertEquals(404, http.get(path).status(), "still nobody else's to read");
            assertError(http.write("POST", "/api/posts", "{\"title\": \"Tom status\", \"body\": \"Text.\", \"author\": {\"name\": \"Åsa\"},"
                    + " \"status\": " + status + "}"), 400, "validation_failed", "status");
        }
        assertEquals(404, http.get("/api/posts/tom-status").status(), "nothing made");
        assertError(http.write("POST", "/api/posts", "{\"title\": \"Tomt datum\", \"body\": \"Text.\", \"author\": {\"name\": \"Åsa\"},"
                + " \"publishedAt\": \"\"}"), 400, "validation_failed", "publishedAt");
        String etag = http.write("GET", path, null).header("etag");
        assertError(http.sendWith("PATCH", path, "application/merge-patch+json", "{\"publishedAt\": \" \"}", Map.of("If-Match", etag)),
                400, "validation_failed", "publishedAt");

        var dated = http.sendWith("PATCH", path, "application/merge-patch+json", "{\"publishedAt\": \"2019-05-05\"}", Map.of("If-Match", etag));
        assertEquals(200, dated.status(), dated.body());
        assertTrue(dated.json().path("dated").asBoolean());
        Instant before = Instant.now().minusSeconds(1);
        var undated = http.sendWith("PATCH", path, "application/merge-patch+json", "{\"publishedAt\": null}",
                Map.of("If-Match", dated.header("etag")));
        assertEquals(200, undated.status(), undated.body());
        assertFalse(undated.json().path("dated").asBoolean());
        assertFalse(Instant.parse(undated.json().path("publishedAt").asText()).isBefore(before),
                "dated by when its date was taken away, not 2019: " + undated.body());
        assertEquals("draft", undated.json().path("status").asText());
    }

    @Test
    void publishNowAtATimeAndBackToDraft() {
        assertEquals(201, draft("Publiceras via API").status());
        var now = http.write("POST", "/api/posts/publiceras-via-api/publish", null);
        assertEquals(200, now.status(), now.body());
        assertEquals("published", now.json().path("status").asText());
        assertEquals(200, http.get("/api/posts/publiceras-via-api").status(), "readers see it");
        assertEquals(now.json().path("version").asInt(), http.write("POST", "/api/posts/publiceras-via-api/publish", null).json()
                .path("version").asInt(), "published again: as it is");

        // A field unpublish does not know is refused, not taken without a word.
        assertError(http.write("POST", "/api/posts/publiceras-via-api/unpublish", "{\"x\": 1}"), 400, "validation_failed", "x");
        assertEquals("published", http.get("/api/posts/publiceras-via-api").json().path("status").asText(), "nothing changed");
        assertEquals("draft", http.write("POST", "/api/posts/publiceras-via-api/unpublish", "{}").json().path("status").asText());
        http.write("POST", "/api/posts/publiceras-via-api/publish", null);
        var back = http.write("POST", "/api/posts/publiceras-via-api/unpublish", null);
        assertEquals("draft", back.json().path("status").asText());
        assertEquals(404, http.get("/api/posts/publiceras-via-api").status());
        assertFalse(slugs(http.get("/api/posts?limit=100").json().path("items")).contains("publiceras-via-api"));

        var later = http.write("POST", "/api/posts/publiceras-via-api/publish", "{\"publishAt\": \"2031-12-24T15:00\"}");
        assertEquals("2031-12-24T14:00:00Z", later.json().path("publishedAt").asText(), "site time, Stockholm");
        assertEquals(404, http.get("/api/posts/publiceras-via-api").status(), "scheduled: not yet");
    }

    @Test
    void aPostTakenBackAndPublishedAgainKeepsItsDateAsDoesABackDatedDraft() {
        // A post of January, unpublished to mend it and published again, keeps its date: not dated today, at the top of
        // the front page and the feed.
        assertEquals(201, http.createPost("Julbord i januari", "2025-01-10T12:00").status());
        String post = "/api/posts/julbord-i-januari";
        var taken = http.write("POST", post + "/unpublish", null).json();
        assertEquals("draft", taken.path("status").asText());
        assertTrue(taken.path("dated").asBoolean(false), "the API says the draft has a date of its own: " + taken);
        assertTrue(http.getAs("/api/posts/julbord-i-januari", ServerExtension.TOKEN).json().path("dated").asBoolean(false));
        // The author's list would say otherwise, as its index does not carry it; lists leave it out.
        http.getAs("/api/me/posts?limit=100", ServerExtension.TOKEN).json().path("items")
                .forEach(i -> assertTrue(i.path("dated").isMissingNode(), "no dated in a list: " + i));
        var again = http.write("POST", post + "/publish", null);
        assertTrue(again.json().path("dated").isMissingNode(), "only drafts say it: " + again.body());
        assertEquals(200, again.status(), again.body());
        assertEquals("2025-01-10T11:00:00Z", again.json().path("publishedAt").asText(), "its own date, kept by the store");
        assertEquals(200, http.get(post).status(), "readers see it again");
        assertEquals("draft", http.write("POST", post + "/unpublish", null).json().path("status").asText());
        var patched = http.sendWith("PATCH", post, "application/merge-patch+json", "{\"status\": \"published\"}",
                Map.of("If-Match", "*"));
        assertEquals("2025-01-10T11:00:00Z", patched.json().path("publishedAt").asText(), "a patch publishing it keeps it too: " + patched.body());

        var backDated = http.write("POST", "/api/posts", "{\"title\": \"Bakdaterat utkast\", \"body\": \"Text.\", \"author\": {\"name\": \"Åsa\"},"
                + " \"status\": \"draft\", \"publishedAt\": \"2024-03-01T09:00\"}");
        assertEquals(201, backDated.status(), backDated.body());
        assertEquals("2024-03-01T08:00:00Z", http.write("POST", "/api/posts/bakdaterat-utkast/publish", null).json().path("publishedAt").asText());

        assertEquals(201, http.write("POST", "/api/posts", "{\"title\": \"Utkast som blir nu\", \"body\": \"Text.\", \"author\": {\"name\": \"Åsa\"},"
                + " \"status\": \"draft\", \"publishedAt\": \"2024-03-01T09:00\"}").status());
        assertFalse(draft("Utkast utan datum").json().path("dated").asBoolean(true), "a draft nobody dated: publishing dates it then");
        var nullDate = http.sendWith("PATCH", "/api/posts/utkast-som-blir-nu", "application/merge-patch+json",
                "{\"status\": \"published\", \"publishedAt\": null}", Map.of("If-Match", "*"));
        assertEquals(200, nullDate.status(), nullDate.body());
        assertTrue(Instant.parse(nullDate.json().path("publishedAt").asText()).isAfter(Instant.now().minusSeconds(60)),
                "null: now, its date taken away");

        // null takes a scheduled post's schedule away, as the edit form's emptied date does: it is published now.
        assertEquals(201, http.createPost("Schemalagt som blir nu", "2031-06-01T09:00").status());
        var unscheduled = http.sendWith("PATCH", "/api/posts/schemalagt-som-blir-nu", "application/merge-patch+json",
                "{\"publishedAt\": null}", Map.of("If-Match", "*"));
        assertEquals(200, unscheduled.status(), unscheduled.body());
        assertTrue(Instant.parse(unscheduled.json().path("publishedAt").asText()).isBefore(Instant.now().plusSeconds(1)),
                "published now: " + unscheduled.body());
        assertEquals(200, http.get("/api/posts/schemalagt-som-blir-nu").status(), "readers see it");
        var kept = http.sendWith("PATCH", post, "application/merge-patch+json", "{\"publishedAt\": null}", Map.of("If-Match", "*"));
        assertEquals("2025-01-10T11:00:00Z", kept.json().path("publishedAt").asText(), "a post readers see keeps its date: " + kept.body());
    }

    /**
     * "2026-03-29T02:30", in the hour Stockholm's clocks skip, is not stored as 03:30: refused, in the usual error naming
     * the field and saying why, wherever a time is given; with an offset or Z it is an instant.
     */
    @Test
    void aTimeTheClocksSkipIsRefusedNamingTheFieldAndAnInstantIsTaken() {
        String why = "does not exist in Europe/Stockholm: on 2026-03-29 the clocks go forward from 02:00 to 03:00, so 02:30 never comes; "
                + "choose another time, or give an offset";
        var created = http.write("POST", "/api/posts", "{\"title\": \"Timmen som inte finns\", \"body\": \"Text.\", \"author\": {\"name\": \"Åsa\"},"
                + " \"publishedAt\": \"2026-03-29T02:30\"}");
        assertError(created, 400, "validation_failed", "publishedAt");
        assertEquals(why, created.json().path("error").path("details").path(0).path("message").asText(), created.body());
        assertEquals(404, http.getAs("/api/posts/timmen-som-inte-finns", ServerExtension.TOKEN).status(), "nothing created");

        assertEquals(201, http.createPost("Timmen som finns", "2026-03-29T02:30+01:00").status());
        String post = "/api/posts/timmen-som-finns";
        assertEquals("2026-03-29T01:30:00Z", http.get(post).json().path("publishedAt").asText(), "with an offset: that instant");
        var patched = http.sendWith("PATCH", post, "application/merge-patch+json", "{\"publishedAt\": \"2026-03-29 02:30\"}", Map.of("If-Match", "*"));
        assertError(patched, 400, "validation_failed", "publishedAt");
        assertEquals(why, patched.json().path("error").path("details").path(0).path("message").asText());
        assertEquals("2026-03-29T01:30:00Z", http.get(post).json().path("publishedAt").asText(), "nothing changed");
        assertEquals(1, http.get(post).json().path("version").asInt());
        assertEquals("2026-03-29T02:30:00Z", http.sendWith("PATCH", post, "application/merge-patch+json", "{\"publishedAt\": \"2026-03-29T02:30:00Z\"}",
                Map.of("If-Match", "*")).json().path("publishedAt").asText(), "Z: UTC");

        assertEquals(201, draft("Schemaläggs i timmen som inte finns").status());
        var publish = http.write("POST", "/api/posts/schemalaggs-i-timmen-som-inte-finns/publish", "{\"publishAt\": \"2026-03-29T02:30\"}");
        assertError(publish, 400, "validation_failed", "publishAt");
        assertEquals(why, publish.json().path("error").path("details").path(0).path("message").asText());
        assertEquals("draft", http.getAs("/api/posts/schemalaggs-i-timmen-som-inte-finns", ServerExtension.TOKEN).json().path("status").asText());

        // The hour the clocks are put back comes twice: a time without an offset is the first of the two, summer time.
        assertEquals("2031-10-26T00:30:00Z", http.createPost("Timmen som kommer två gånger", "2031-10-26T02:30").json().path("publishedAt").asText());
    }

    /**
     * The second of the times the clocks show twice is named as the pages show it, "2031-10-26T02:30 (vintertid)", as
     * README and openapi.json say. "02:30vintertid" and "02:30 (sommartid" are refused, and a season word that is not the
     * time's is refused saying which season the time is, not as "no real date".
     */
    @Test
    void aSeasonWordIsTakenOnlyAsThePagesShowItAndOnlyOfItsTime() {
        assertEquals("2031-10-26T01:30:00Z", http.createPost("Den andra halv tre", "2031-10-26T02:30 (vintertid)").json().path("publishedAt").asText());
        assertEquals("2031-10-26T00:30:00Z", http.createPost("Den första halv tre", "2031-10-26 02:30 (sommartid)").json().path("publishedAt").asText());
        for (String loose : List.of("2031-10-26T02:30vintertid", "2031-10-26T02:30 (sommartid", "2031-10-26T02:30 vintertid")) {
            var refused = http.write("POST", "/api/posts", "{\"title\": \"Lös årstid\", \"body\": \"Text.\", \"author\": {\"name\": \"Åsa\"},"
                    + " \"publishedAt\": \"" + loose + "\"}");
            assertError(refused, 400, "validation_failed", "publishedAt");
        }
        assertEquals(404, http.getAs("/api/posts/los-arstid", ServerExtension.TOKEN).status(), "nothing created");
        var july = http.write("POST", "/api/posts", "{\"title\": \"Fel årstid\", \"body\": \"Text.\", \"author\": {\"name\": \"Åsa\"},"
                + " \"publishedAt\": \"2031-07-01T12:00 (vintertid)\"}");
        assertError(july, 400, "validation_failed", "publishedAt");
        assertEquals("2031-07-01T12:00 is sommartid (summer time) in Europe/Stockholm, not vintertid; the clocks show it once: "
                + "leave out \"(vintertid)\", or give an offset", july.json().path("error").path("details").path(0).path("message").asText());

        assertEquals(201, draft("Schemaläggs i vintertid").status());
        String post = "/api/posts/schemalaggs-i-vintertid";
        assertError(http.write("POST", post + "/publish", "{\"publishAt\": \"2031-10-26T02:30 (vintertid\"}"), 400, "validation_failed", "publishAt");
        var scheduled = http.write("POST", post + "/publish", "{\"publishAt\": \"2031-10-26T02:30 (vintertid)\"}");
        assertEquals(200, scheduled.status(), scheduled.body());
        assertEquals("2031-10-26T01:30:00Z", http.getAs(post, ServerExtension.TOKEN).json().path("publishedAt").asText());
    }

    @Test
    void badPublishRequestsAreRefusedAndChangeNothing() {
        assertEquals(201, draft("Felaktig publicering").status());
        assertError(http.write("POST", "/api/posts/felaktig-publicering/publish", "{\"publishAt\": \"31 juni\"}"), 400, "validation_failed", "publishAt");
        assertError(http.write("POST", "/api/posts/felaktig-publicering/publish", "{\"when\": \"nu\"}"), 400, "validation_failed", "when");
        assertError(http.write("POST", "/api/posts/felaktig-publicering/publish", "{\"publishAt\": 5}"), 400, "validation_failed", "publishAt");
        // Every field to mend in one answer, as a post's names them.
        assertEquals(List.of("when", "publishAt"), ApiAsserts.fields(http.write("POST", "/api/posts/felaktig-publicering/publish",
                "{\"when\": \"nu\", \"publishAt\": \"31 juni\"}")));
        assertEquals(List.of("x", "y"), ApiAsserts.fields(http.write("POST", "/api/posts/felaktig-publicering/unpublish", "{\"x\": 1, \"y\": 2}")));
        assertError(http.write("POST", "/api/posts/felaktig-publicering/publish", "{\"publishAt\": \"+99999-01-01T00:00\"}"), 400,
                "validation_failed", "publishAt");
        assertError(http.sendWith("POST", "/api/posts/felaktig-publicering/publish", "application/json", "{}", Map.of("If-Match", "\"gammal\"")),
                412, "precondition_failed", null);
        assertError(http.write("POST", "/api/posts/finns-inte/publish", null), 404, "not_found", null);
        var draft = http.getAs("/api/posts/felaktig-publicering", ServerExtension.TOKEN);
        assertEquals("draft", draft.json().path("status").asText());
        var published = http.sendWith("POST", "/api/posts/felaktig-publicering/publish", "application/json", "{}",
                Map.of("If-Match", draft.header("etag")));
        assertEquals(200, published.status(), published.body());
        assertEquals("published", published.json().path("status").asText());
        // Sent twice (a double click, a client's retry): the post already is as asked, which answers done,
        // though the If-Match names the version before the first publish.
        var again = http.sendWith("POST", "/api/posts/felaktig-publicering/publish", "application/json", "{}",
                Map.of("If-Match", draft.header("etag")));
        assertEquals(200, again.status(), again.body());
        assertEquals(published.header("etag"), again.header("etag"), "nothing written the second time");
    }

    /**
     * A draft its author reads with a token is theirs alone: no cache between them and the API (the CDN, a proxy) may keep
     * it for anyone else. The same post published, read without a token, is everyone's for a short while.
     */
    @Test
    void aDraftReadWithItsAuthorsTokenIsCachedForNobodyElse() {
        var made = draft("Utkast som bara är mitt");
        assertEquals(201, made.status(), made.body());
        String path = "/api/posts/" + made.json().path("slug").asText();
        assertEquals(404, http.get(path).status(), "a draft is nobody else's");
        var mine = http.getAs(path, ServerExtension.TOKEN);
        assertEquals(200, mine.status(), mine.body());
        assertEquals("private, no-cache", mine.header("cache-control"));

        var published = http.sendWith("POST", path + "/publish", "application/json", "{}", Map.of("If-Match", mine.header("etag")));
        assertEquals(200, published.status(), published.body());
        assertEquals("private, no-cache", http.getAs(path, ServerExtension.TOKEN).header("cache-control"), "asked with a token, still private");
        String shared = http.get(path).header("cache-control");
        assertTrue(shared.startsWith("public, ") && shared.contains("s-maxage="), shared);
    }

    /**
     * A token that is no author's (revoked, mistyped) is not read as none, which would answer its own draft 404 and send the
     * client looking for a post that is there. It is 401 invalid_token (RFC 6750), in the error shape, kept by no cache; a
     * published post asked so is 401 too, and without the header a reader's 200.
     */
    @Test
    void aTokenThatIsNoAuthorsIsToldSoNotReadAsNone() {
        var made = draft("Utkast med fel nyckel");
        String path = "/api/posts/" + made.json().path("slug").asText();
        var wrong = http.getAs(path, "fel-nyckel-" + "x".repeat(40));
        assertError(wrong, 401, "invalid_token", null);
        assertEquals("Bearer error=\"invalid_token\"", wrong.header("www-authenticate"));
        assertEquals("no-store", wrong.header("cache-control"));
        var mine = http.getAs(path, ServerExtension.TOKEN);
        assertEquals(200, mine.status(), "the right one reads it");

        var published = http.sendWith("POST", path + "/publish", "application/json", "{}", Map.of("If-Match", mine.header("etag")));
        assertEquals(200, published.status(), published.body());
        assertEquals(401, http.getAs(path, "fel-nyckel").status(), "published, a wrong token is still said to be wrong");
        assertEquals(200, http.get(path).status());
    }

    /**
     * What the README tells a client whose answer was lost: an edit sent again with the same If-Match is 412 once the first
     * landed, and the post read again shows it did; a delete sent again is 404.
     */
    @Test
    void aChangeSentAgainAfterItsAnswerWasLostSaysItLandedAsTheReadmeSays() {
        var made = draft("Svaret kom bort");
        String path = "/api/posts/" + made.json().path("slug").asText();
        String etag = made.header("etag");
        String patch = "{\"title\": \"Svaret kom bort (ändrad)\"}";
        assertEquals(200, http.sendWith("PATCH", path, "application/merge-patch+json", patch, Map.of("If-Match", etag)).status());
        assertError(http.sendWith("PATCH", path, "application/merge-patch+json", patch, Map.of("If-Match", etag)), 412, "precondition_failed", null);
        assertEquals("Svaret kom bort (ändrad)", http.getAs(path, ServerExtension.TOKEN).json().path("title").asText(), "it landed");
        assertEquals(204, http.sendWith("DELETE", path, null, null, Map.of()).status());
        assertEquals(404, http.sendWith("DELETE", path, null, null, Map.of()).status());
    }

    @Test
    void myPostsHoldEveryStatusOfMineOnlyAPageAtATime() {
        assertEquals(201, draft("Mitt API-utkast").status());
        assertEquals(201, as(OTHER, "POST", "/api/posts", "{\"title\": \"Bertils utkast\", \"body\": \"x\", \"author\": {\"name\": \"Bertil\"}, "
                + "\"status\": \"draft\"}").status());
        var mine = http.getAs("/api/me/posts?limit=100", ServerExtension.TOKEN);
        assertEquals("private, no-cache", mine.header("cache-control"));
        var slugs = slugs(mine.json().path("items"));
        assertTrue(slugs.contains("mitt-api-utkast") && !slugs.contains("bertils-utkast"), slugs.toString());
        assertTrue(slugs(http.getAs("/api/me/posts", OTHER).json().path("items")).contains("bertils-utkast"));

        var first = http.getAs("/api/me/posts?limit=1", ServerExtension.TOKEN).json();
        assertEquals(1, first.path("items").size());
        var second = http.getAs("/api/me/posts?limit=1&cursor=" + first.path("nextCursor").asText(), ServerExtension.TOKEN).json();
        assertFalse(first.path("items").get(0).path("slug").asText().equals(second.path("items").get(0).path("slug").asText()));
        assertError(http.getAs("/api/me/posts?limit=0", ServerExtension.TOKEN), 400, "validation_failed", "limit");
        assertError(http.getAs("/api/me/posts?cursor=inte-min", ServerExtension.TOKEN), 400, "validation_failed", "cursor");
        assertEquals(401, http.get("/api/me/posts").status(), "API Gateway's 401 without a token");
    }

    @Test
    void theProfileIsReadAndReplacedWhole() {
        var profile = http.getAs("/api/me", OTHER);
        assertEquals(200, profile.status());
        assertEquals("Bertil Ek", profile.json().path("name").asText());
        assertEquals("Kriminalvårdare", profile.json().path("role").asText());
        var put = as(OTHER, "PUT", "/api/me", "{\"name\": \"Bertil Ek\", \"office\": \"Frivården Malmö\"}");
        assertEquals(200, put.status(), put.body());
        assertTrue(put.json().path("role").isMissingNode(), "a missing role is removed");
        assertEquals("Frivården Malmö", http.getAs("/api/me", OTHER).json().path("office").asText());
        assertError(as(OTHER, "PUT", "/api/me", "{\"name\": \"\"}"), 400, "validation_failed", "name");
        assertError(as(OTHER, "PUT", "/api/me", "{\"name\": \"B\", \"titel\": \"x\"}"), 400, "validation_failed", "titel");
        assertEquals(List.of("titel", "name", "office"), ApiAsserts.fields(as(OTHER, "PUT", "/api/me", "{\"titel\": \"x\", \"name\": 7, \"office\": []}")),
                "every field to mend in one answer (from a review: it named the first only)");
        assertEquals(List.of("role", "name"), ApiAsserts.fields(as(OTHER, "PUT", "/api/me", "{\"role\": 5, \"name\": \"\"}")),
                "a wrong type and a wrong value together, as a post's are told");
        assertError(as(OTHER, "PUT", "/api/me", "{\"name\": \"" + "B".repeat(101) + "\"}"), 400, "validation_failed", "name");
        assertEquals("Bertil Ek", http.getAs("/api/me", OTHER).json().path("name").asText(), "nothing changed");
    }
}
