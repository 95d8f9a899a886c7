package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;

/**
 * The author's round at the pages, over HTTP as a browser without JavaScript sends it: "Mina inlägg",
 * the edit form with its conflicts, the preview, publishing now, at a time and back to draft,
 * deleting with a confirmation, and the profile that fills the byline. Every refusal comes back as
 * a Swedish page (the form with what was typed, where there is one) and changes nothing.
 *
 * <p>The round is four classes, each with a server and a table of its own (a table that grows through 44 tests made every
 * transaction on LocalStack, whose DynamoDB copies the table once per item written, cost ten times what it cost at the
 * first): {@link WritingFormEndToEndTest}, {@link PublishingPagesEndToEndTest}, {@link EditAndPreviewEndToEndTest} and
 * {@link SignedInPagesEndToEndTest}. This is what they share: Åsa and another author, signed in, and the forms' helpers.
 */
abstract class AuthorPagesTest extends ServerTest {

    static final String OTHER_TOKEN = "annan-forfattare-" + UUID.randomUUID();
    static AuthorBrowser asa;
    static AuthorBrowser other;

    @BeforeAll
    static void signIn() {
        asa = AuthorBrowser.signIn(http, ServerExtension.TOKEN);
        other = AuthorBrowser.signIn(http, AuthorBrowser.newAuthor(env.server, "Bertil Ek", OTHER_TOKEN));
    }

    /** A post written at the form; answers its slug. */
    static String write(String title, String action) {
        return write(asa, title, action);
    }

    static String write(AuthorBrowser asa, String title, String action) {
        return asa.write(title, action);
    }

    static Map<String, String> with(Map<String, String> form, String... pairs) {
        Map<String, String> changed = new LinkedHashMap<>(form);
        for (int i = 0; i < pairs.length; i += 2) {
            changed.put(pairs[i], pairs[i + 1]);
        }
        return changed;
    }

    /**
     * The edit form of a post as a tab opened before another tab saved the post with the title {@code title}; the form it
     * gives back refused must still meet that change ({@link #assertSentAgainMeetsTheChangeMadeMeanwhile}).
     */
    static Map<String, String> tabOpenedBeforeAnEdit(String slug, String title) {
        var tab = asa.editForm(slug);
        assertEquals(303, asa.post("/posts/" + slug + "/edit", with(asa.editForm(slug), "title", title, "action", "save")).status());
        return tab;
    }

    /**
     * A form given back refused carries the version its text was written from, not the post's now: sent again, with the
     * field and value pairs of {@code mended} put right, it meets the change another tab saved meanwhile as
     * {@code title}, and never saves over it.
     */
    static void assertSentAgainMeetsTheChangeMadeMeanwhile(String slug, String givenBack, String title, String... mended) {
        assertTrue(givenBack.contains("name=\"version\" value=\"1\""), "still the version the text was written from");
        var again = asa.post("/posts/" + slug + "/edit", with(with(AuthorBrowser.fields(givenBack), mended), "action", "save"));
        assertEquals(409, again.status(), "the change made meanwhile is shown, not saved over");
        assertEquals(title, asa.editForm(slug).get("title"), "nothing was saved over it");
    }

    static void pause() {
        try {
            Thread.sleep(1_100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static final String PREVIEW = "Förhandsgranskning – så här kommer inlägget att se ut för läsarna.";

    static String article(String html) {
        return html.substring(html.indexOf("<article"), html.indexOf("</article>"));
    }
}
