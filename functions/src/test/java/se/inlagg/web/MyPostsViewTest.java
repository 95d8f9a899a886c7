package se.inlagg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.inlagg.web.templates.JtedraftsGenerated;

/** "Mina inlägg" narrowed by status: the address names the list as the API does, and an empty page says what is true. */
class MyPostsViewTest {

    private static MyPostsView empty(Shown shown, Optional<String> older, boolean later) {
        return new MyPostsView(List.of(), Optional.empty(), older, later, "csrf", shown);
    }

    @Test
    void theAddressNamesTheListAsTheApiDoes() {
        assertEquals(Optional.of(Shown.ALL), Shown.of(Optional.empty()));
        assertEquals(Optional.of(Shown.ALL), Shown.of(Optional.of("")));
        assertEquals(Optional.of(Shown.DRAFTS), Shown.of(Optional.of("draft")));
        assertEquals(Optional.of(Shown.PUBLISHED), Shown.of(Optional.of("published")));
        assertEquals(Optional.empty(), Shown.of(Optional.of("utkast")), "no link makes it: refused, not all posts under its name");
        assertEquals(Optional.empty(), Shown.of(Optional.of("DRAFT")));
        assertEquals("/drafts?status=draft&cursor=abc", Shown.DRAFTS.href("abc"));
        assertEquals("/drafts?cursor=abc", Shown.ALL.href("abc"));
    }

    @Test
    void anEmptyPageSaysWhatIsTrue() {
        assertEquals("Du har inga inlägg ännu.", empty(Shown.ALL, Optional.empty(), false).emptyText());
        assertEquals("Du har inga utkast.", empty(Shown.DRAFTS, Optional.empty(), false).emptyText());
        assertEquals("Inga utkast här. Det kan finnas bland de äldre inläggen.",
                empty(Shown.DRAFTS, Optional.of(Shown.DRAFTS.href("abc")), false).emptyText(),
                "a page that read its bound and found none: not \"you have none\"");
        assertEquals("Inga fler publicerade eller schemalagda inlägg.", empty(Shown.PUBLISHED, Optional.empty(), true).emptyText());

        MyPostsView view = empty(Shown.DRAFTS, Optional.of(Shown.DRAFTS.href("abc")), true);
        Frame frame = PagesRenderingTest.frame("Mina inlägg", Optional.empty());
        String html = Templates.render(out -> JtedraftsGenerated.render(out, null, frame, view));
        assertTrue(html.contains("<p>Inga utkast här. Det kan finnas bland de äldre inläggen.</p>"), html);
        assertTrue(html.contains("<a rel=\"next\" href=\"/drafts?status=draft&amp;cursor=abc\">Äldre inlägg</a>"), html);
        assertTrue(html.contains("<a href=\"/drafts?status=draft\">Första sidan</a>"), html);
        assertTrue(html.contains("<a href=\"/drafts?status=draft\" aria-current=\"page\">Utkast</a>"), html);
        assertTrue(html.contains("<a href=\"/drafts\">Alla</a>"), "the others are plain links: " + html);
    }
}
