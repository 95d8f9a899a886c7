package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.inlagg.local.ApiAsserts.assertError;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An author's script gone wrong, or a token in the wrong hands, writing the longest texts in a loop is stopped by the
 * stack's AuthorWriteUnitsPerHour, at its default, as the template gives it to the functions: the API answers 429 with
 * when to try again, the edit form is shown again with what was typed and says why in Swedish, nothing of the refused
 * write is stored, and another author writes on. Its own server on the embedded DynamoDB: some 150 writes of 100 KB,
 * which LocalStack's DynamoDB would take minutes over (CI's run there leaves it out).
 */
@SameOnEveryBackend
class WriteAllowanceEndToEndTest {

    static EmbeddedServer own;
    static LocalServer server;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        own = EmbeddedServer.start("inlagg-tilldelning");
        server = own.server;
        http = new Http(server.baseUri(), null);
    }

    @AfterAll
    static void stop() throws Exception {
        own.close();
    }

    /** Close to the most characters a post's text may have (100,000): some 100 KB, each {@code n} its own. */
    static String longText(int n) {
        return ("Årsrapport " + n + " – öppna frågor från kontoren i Örebro och Östersund. ").repeat(1_500).substring(0, 95_000);
    }

    @Test
    void aTokenWritingLongTextsInALoopIsStoppedWithinTheHourAndTheFormKeepsWhatWasTyped() {
        String token = AuthorBrowser.newAuthor(server, "Agnes Åkesson", "tilldelning-" + UUID.randomUUID());
        Http api = new Http(server.baseUri(), token);
        String slug = api.created(Http.post("Årsrapporten, utkast", longText(0), null, "Agnes Åkesson", "Örebro", "draft", "Rapporter"))
                .path("slug").asText();
        String path = "/api/posts/" + slug;

        int edits = 0;
        Http.Reply refused;
        String etag = api.getAs(path, token).header("ETag");
        while (true) {
            var patched = api.sendWith("PATCH", path, "application/merge-patch+json",
                    "{\"body\": \"" + longText(++edits) + "\"}", Map.of("If-Match", etag));
            if (patched.status() != 200) {
                refused = patched;
                break;
            }
            etag = patched.header("ETag");
            // The default (100,000 units) takes some 155 of these (each its text, its HTML and the version it keeps, twice
            // in a transaction: some 640 units); an hour turning over meanwhile takes as many again.
            assertTrue(edits < 400, "four hundred edits of 100 KB went through: nothing bounds them");
        }
        System.out.println("edits of 100 KB before the allowance was spent: " + (edits - 1) + "; then " + refused.status());
        assertError(refused, 429, "write_allowance_spent", null);
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 3600, "until the clock hour ends: " + retryAfter);
        assertTrue(edits > 40, "a human author's heavy hour goes through: " + edits);
        var stored = api.getAs(path, token);
        assertEquals(etag, stored.header("ETag"), "nothing of the refused edit is stored");
        assertEquals(longText(edits - 1), stored.json().path("body").asText());

        // The same author at the edit form: shown again, with what was typed and why, in Swedish.
        AuthorBrowser page = AuthorBrowser.signIn(new Http(server.baseUri(), null), token);
        Map<String, String> form = new LinkedHashMap<>(page.editForm(slug));
        form.put("body", "Det här skrev jag i formuläret, och det får inte försvinna.");
        var shown = page.post("/posts/" + slug + "/edit", form);
        assertEquals(429, shown.status());
        assertTrue(Long.parseLong(shown.header("Retry-After")) <= retryAfter, "the same hour's end");
        assertTrue(shown.body().contains("Inget sparades: du har sparat mer den senaste timmen än bloggen tar emot från en skribent på en timme."),
                shown.body());
        assertEquals("Det här skrev jag i formuläret, och det får inte försvinna.", AuthorBrowser.fields(shown.body()).get("body"));

        // Another author's hour is their own.
        Http other = new Http(server.baseUri(), AuthorBrowser.newAuthor(server, "Olle Östberg", "tilldelning-" + UUID.randomUUID()));
        assertEquals(201, other.write("POST", "/api/posts", Http.post("Fika på fredag", "Välkomna!", null, "Olle Östberg", "Malmö",
                "draft").toString()).status());
    }
}
