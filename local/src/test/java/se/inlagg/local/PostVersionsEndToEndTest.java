package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import se.inlagg.posts.PostVersion;

/**
 * An author who saved over words they meant to keep gets them back, at the pages over HTTP as a browser without
 * JavaScript sends it (the edit form links to the post's earlier versions, each opens with its words, and taking one
 * back fills the form with them, to be saved or not as any edit is) and through the API. Only the author sees them.
 */
class PostVersionsEndToEndTest extends AuthorPagesTest {

    /** More earlier versions than a page holds: the page leads on to the older ones, down to the first. */
    @Test
    void moreVersionsThanAPageHoldsLeadOnToTheOlderOnes() {
        String slug = write(asa, "Ändrat många gånger", "publish");
        for (int i = 1; i <= PostVersion.PAGE + 1; i++) {
            var saved = asa.post("/posts/" + slug + "/edit", with(asa.editForm(slug), "body", "Ändring nummer " + i + ".", "action", "save"));
            assertEquals(303, saved.status(), saved.body());
        }
        String list = asa.get("/posts/" + slug + "/versions").body();
        assertFalse(list.contains("<a href=\"/posts/" + slug + "/versions/1\">"), "the first version is not on the first page");
        var older = Pattern.compile("<a href=\"([^\"]+)\">Äldre versioner</a>").matcher(list);
        assertTrue(older.find(), "a way on to the older versions: " + list);
        var next = asa.get(older.group(1).replace("&amp;", "&"));
        assertEquals(200, next.status(), next.body());
        assertTrue(next.body().contains("<a href=\"/posts/" + slug + "/versions/1\">"), next.body());
    }

    @Test
    void aSaveOverTheWrongTextIsTakenBackFromAnEarlierVersion() {
        String slug = write(asa, "Årsmöte i Östersund", "publish");
        String first = asa.editForm(slug).get("body");
        assertTrue(asa.get("/posts/" + slug + "/edit").body().contains("<a href=\"/posts/" + slug + "/versions\">Tidigare versioner</a>"),
                "the edit form links to them");
        assertTrue(asa.get("/posts/" + slug + "/versions").body().contains("Inlägget har inga tidigare versioner ännu"), "none before an edit");

        // The paragraph the author meant to keep, saved over.
        var saved = asa.post("/posts/" + slug + "/edit", with(asa.editForm(slug),
                "title", "Årsmötet flyttas", "body", "Bara en rad kvar.", "tags", "Frivård", "action", "save"));
        assertEquals(303, saved.status(), saved.body());

        var list = asa.get("/posts/" + slug + "/versions");
        assertEquals(200, list.status(), list.body());
        assertEquals("no-store", list.header("cache-control"));
        assertTrue(list.body().contains("<meta name=\"robots\" content=\"noindex, nofollow\">"));
        assertTrue(list.body().contains("<h1>Tidigare versioner av ”Årsmötet flyttas”</h1>"), list.body());
        var entry = Pattern.compile("<li><a href=\"(/posts/" + slug + "/versions/1)\">Sparad <time datetime=\"[^\"]+\">(\\d{1,2} [a-zåäö]+ \\d{4} kl\\. "
                + "\\d{1,2}\\.\\d{2})</time></a> · ”Årsmöte i Östersund” · 10 ord</li>").matcher(list.body());
        assertTrue(entry.find(), "the version with when it was saved, in Swedish, its title then and its words: " + list.body());

        var one = asa.get(entry.group(1));
        assertEquals(200, one.status(), one.body());
        assertTrue(one.body().contains("<h1>Versionen sparad <time"), one.body());
        assertTrue(one.body().contains("<dt>Rubrik</dt><dd>Årsmöte i Östersund</dd>"), one.body());
        assertTrue(one.body().contains("<dt>Kategorier</dt><dd>Frivård, Samverkan</dd>"), one.body());
        assertTrue(one.body().contains("<li>en punkt</li>"), "its text as readers saw it");
        assertTrue(one.body().contains("<a href=\"/posts/" + slug + "/edit?from=1\">Ta tillbaka den här versionen till formuläret</a>"));

        var restored = asa.get("/posts/" + slug + "/edit?from=1");
        assertEquals(200, restored.status(), restored.body());
        assertTrue(restored.body().contains("Formuläret är ifyllt med versionen som sparades " + entry.group(2) + ". Inget är ändrat förrän du sparar."),
                restored.body());
        Map<String, String> form = AuthorBrowser.fields(restored.body());
        assertEquals("Årsmöte i Östersund", form.get("title"));
        assertEquals(first, form.get("body"));
        assertEquals("Frivård, Samverkan", form.get("tags"));
        assertEquals("2", form.get("version"), "the post's version now: saving it is an ordinary edit");
        assertTrue(restored.body().contains("target=\"_blank\""), "its links away keep the unsaved words here (new tabs)");
        assertEquals("Årsmötet flyttas", AuthorBrowser.fields(asa.get("/posts/" + slug + "/edit").body()).get("title"), "nothing saved yet");

        var back = asa.post("/posts/" + slug + "/edit", with(form, "action", "save"));
        assertEquals(303, back.status(), back.body());
        assertTrue(http.get("/posts/" + slug).body().contains("<li>en punkt</li>"), "readers see the words taken back");
        String versions = asa.get("/posts/" + slug + "/versions").body();
        assertEquals(List.of("Årsmötet flyttas · 4", "Årsmöte i Östersund · 10"), Pattern.compile("</a> · ”([^”]+)” · (\\d+) ord</li>")
                .matcher(versions).results().map(m -> m.group(1) + " · " + m.group(2)).toList(),
                "the text saved over is kept in its turn, newest first; the words tell apart what the titles may not");
    }

    @Test
    void theApiListsAnAuthorsEarlierVersionsAndGivesOneWholeInTheDocumentedShapes() throws Exception {
        var api = OpenApiDocument.read();
        String slug = http.created(Http.post("Lönesamtal i Luleå", "Första texten.", "2026-03-02", "Åsa Öberg", "Luleå", "published", "Lön"))
                .path("slug").asText();
        for (String body : List.of("Andra texten.", "Tredje texten.")) {
            var patched = http.send("PATCH", "/api/posts/" + slug, "application/merge-patch+json",
                    ("{\"body\": \"" + body + "\"}").getBytes(StandardCharsets.UTF_8), ServerExtension.TOKEN, Map.of("If-Match", "*"));
            assertEquals(200, patched.status(), patched.body());
        }
        var all = http.getAs("/api/posts/" + slug + "/versions", ServerExtension.TOKEN);
        assertEquals(200, all.status(), all.body());
        assertEquals("private, no-cache", all.header("cache-control"));
        assertTrue(api.schema("PostVersionPage").validate(all.json()).isEmpty(), all.body());
        assertEquals(List.of(2, 1), all.json().path("items").findValues("version").stream().map(v -> v.asInt()).toList());
        assertTrue(all.json().path("nextCursor").isNull());

        var first = http.getAs("/api/posts/" + slug + "/versions?limit=1", ServerExtension.TOKEN).json();
        assertEquals(1, first.path("items").size());
        var rest = http.getAs("/api/posts/" + slug + "/versions?limit=1&cursor=" + first.path("nextCursor").asText(), ServerExtension.TOKEN).json();
        assertEquals(1, rest.path("items").get(0).path("version").asInt(), "the page after goes on below");

        var one = http.getAs("/api/posts/" + slug + "/versions/1", ServerExtension.TOKEN);
        assertEquals(200, one.status(), one.body());
        assertTrue(api.schema("PostVersion").validate(one.json()).isEmpty(), one.body());
        assertEquals("Första texten.", one.json().path("body").asText());
        assertEquals(1, one.json().path("version").asInt());
        assertEquals(all.json().path("items").get(1).path("replacedAt").asText(), one.json().path("replacedAt").asText());

        ApiAsserts.assertError(http.getAs("/api/posts/" + slug + "/versions/3", ServerExtension.TOKEN), 404, "not_found", null);
        ApiAsserts.assertError(http.getAs("/api/posts/" + slug + "/versions/x", ServerExtension.TOKEN), 404, "not_found", null);
        ApiAsserts.assertError(http.getAs("/api/posts/" + slug + "/versions?cursor=abc", ServerExtension.TOKEN), 400, "validation_failed", "cursor");
        var others = http.getAs("/api/posts/" + slug + "/versions", OTHER_TOKEN);
        ApiAsserts.assertError(others, 403, "forbidden", null);
        assertEquals("Only the author of this post may read its earlier versions.", others.json().path("error").path("message").asText());
        assertEquals(401, http.get("/api/posts/" + slug + "/versions").status(), "no token");
    }

    /**
     * One earlier version read whole is its author's alone, as their list of them is: no cache between them and the API
     * (the CDN, a proxy) may keep it for anyone else. (A probe of the tests: the answer sent with no cache-control left
     * every test green.)
     */
    @Test
    void anEarlierVersionReadWholeIsCachedForNobodyElse() {
        String slug = http.created(Http.post("Version för skribenten", "Första texten.", "2026-03-02", "Åsa Öberg", "Luleå", "published", "Lön"))
                .path("slug").asText();
        var patched = http.send("PATCH", "/api/posts/" + slug, "application/merge-patch+json",
                "{\"body\": \"Andra texten.\"}".getBytes(StandardCharsets.UTF_8), ServerExtension.TOKEN, Map.of("If-Match", "*"));
        assertEquals(200, patched.status(), patched.body());
        var one = http.getAs("/api/posts/" + slug + "/versions/1", ServerExtension.TOKEN);
        assertEquals(200, one.status(), one.body());
        assertEquals("Första texten.", one.json().path("body").asText());
        assertEquals("private, no-cache", one.header("cache-control"));
    }

    /**
     * The excerpt, the byline and the categories are words the author wrote as much as the text: an edit of one of them
     * alone is saved, and keeps the post as it was, as the API's description of the versions says. (A probe of the tests:
     * with the excerpt or the byline left out of what counts as the post's words, an edit of it alone answered 200 and
     * stored nothing, and every test stayed green.)
     */
    @Test
    void anEditOfTheExcerptTheBylineOrTheCategoriesAloneIsSavedAndKeepsThePostAsItWas() {
        var node = Http.post("Ingress och byline", "Texten står kvar.", "2026-03-02", "Åsa Öberg", "Luleå", "published", "Lön");
        node.put("excerpt", "Den första ingressen.");
        String slug = http.created(node).path("slug").asText();
        Map<String, String> edits = Map.of(
                "excerpt", "{\"excerpt\": \"Den andra ingressen.\"}",
                "byline", "{\"author\": {\"name\": \"Bertil Ek\", \"role\": \"Frivårdsinspektör\", \"office\": \"Luleå\"}}",
                "categories", "{\"tags\": [\"Lön\", \"Samtal\"]}");
        int version = 1;
        for (String what : List.of("excerpt", "byline", "categories")) {
            var patched = http.send("PATCH", "/api/posts/" + slug, "application/merge-patch+json",
                    edits.get(what).getBytes(StandardCharsets.UTF_8), ServerExtension.TOKEN, Map.of("If-Match", "*"));
            assertEquals(200, patched.status(), what + ": " + patched.body());
            version++;
            assertEquals(version, patched.json().path("version").asInt(), what + " saved: " + patched.body());
            var kept = http.getAs("/api/posts/" + slug + "/versions", ServerExtension.TOKEN).json().path("items");
            assertEquals(version - 1, kept.size(), what + ": the post as it was is kept, " + kept);
        }
        var post = http.get("/api/posts/" + slug).json();
        assertEquals("Den andra ingressen.", post.path("excerpt").asText(), post.toString());
        assertEquals("Bertil Ek", post.path("author").path("name").asText(), post.toString());
        assertEquals(List.of("Lön", "Samtal"), post.path("tags").findValues("name").stream().map(n -> n.asText()).toList(), post.toString());
        var first = http.getAs("/api/posts/" + slug + "/versions/1", ServerExtension.TOKEN).json();
        assertEquals("Den första ingressen.", first.path("excerpt").asText(), "the first excerpt, kept: " + first);
        var second = http.getAs("/api/posts/" + slug + "/versions/2", ServerExtension.TOKEN).json();
        assertEquals("Åsa Öberg", second.path("author").path("name").asText(), "the byline as it was: " + second);
    }

    @Test
    void onlyTheAuthorSeesThemAndAVersionThePostNeverHadIsSaidSo() {
        String slug = write(asa, "Versioner för skribenten", "publish");
        var saved = asa.post("/posts/" + slug + "/edit", with(asa.editForm(slug), "body", "Ny text.", "action", "save"));
        assertEquals(303, saved.status(), saved.body());

        var others = other.get("/posts/" + slug + "/versions");
        assertEquals(403, others.status(), "another author's post");
        assertTrue(others.body().contains("Bara den som skrev inlägget kan se dess tidigare versioner."), others.body());
        assertEquals(403, other.get("/posts/" + slug + "/versions/1").status());
        var signedOut = http.get("/posts/" + slug + "/versions");
        assertEquals(303, signedOut.status());
        assertTrue(signedOut.header("location").startsWith("/signin?next="), signedOut.header("location"));

        for (String number : List.of("2", "0", "x", "-1", "99999999999999999999")) {
            var none = asa.get("/posts/" + slug + "/versions/" + number);
            assertEquals(404, none.status(), number);
            assertTrue(none.body().contains("Inlägget har ingen sådan tidigare version"), number + ": " + none.body());
        }
        var noneToRestore = asa.get("/posts/" + slug + "/edit?from=7");
        assertEquals(404, noneToRestore.status());
        assertTrue(noneToRestore.body().contains("Inlägget har ingen sådan tidigare version"), noneToRestore.body());
        var badPage = asa.get("/posts/" + slug + "/versions?before=abc");
        assertEquals(400, badPage.status());
        assertTrue(badPage.body().contains("Länken till fler versioner gäller inte längre."), "said in Swedish: " + badPage.body());
    }
}
