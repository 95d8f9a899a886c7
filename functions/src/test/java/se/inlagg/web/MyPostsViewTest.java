package se.inlagg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /** The address's status with spaces around it, as the API reads it, is the same list, not "no such list". */
    @Test
    void aStatusWithSpacesAroundItIsTheSameList() {
        assertEquals(Optional.of(Shown.DRAFTS), Shown.of(Optional.of(" draft ")));
        assertEquals(Optional.of(Shown.PUBLISHED), Shown.of(Optional.of("published\n")));
        assertEquals(Optional.of(Shown.ALL), Shown.of(Optional.of("  ")));
    }

    /** A status no link makes is answered with the lists to choose from, "eller" before the last as Swedish lists them. */
    @Test
    void theChoicesAreListedWithEllerBeforeTheLast() {
        assertEquals("Alla mina, Utkast eller Publicerade och schemalagda", Shown.choices());
    }

    @Test
    void anEmptyPageSaysWhatIsTrue() {
        assertEquals("Du har inga inlägg ännu.", empty(Shown.ALL, Optional.empty(), false).emptyText());
        assertEquals("Du har inga utkast.", empty(Shown.DRAFTS, Optional.empty(), false).emptyText());
        assertEquals("Inga utkast här. Det kan finnas några bland de äldre inläggen.",
                empty(Shown.DRAFTS, Optional.of(Shown.DRAFTS.href("abc")), false).emptyText(),
                "a page that read its bound and found none: not \"you have none\"");
        assertEquals("Inga fler publicerade eller schemalagda inlägg.", empty(Shown.PUBLISHED, Optional.empty(), true).emptyText());

        MyPostsView view = empty(Shown.DRAFTS, Optional.of(Shown.DRAFTS.href("abc")), true);
        Frame frame = PagesRenderingTest.frame("Mina inlägg", Optional.empty());
        String html = Templates.render(out -> JtedraftsGenerated.render(out, null, frame, view));
        assertTrue(html.contains("<p>Inga utkast här. Det kan finnas några bland de äldre inläggen.</p>"), html);
        assertTrue(html.contains("<a rel=\"next\" href=\"/drafts?status=draft&amp;cursor=abc\">Äldre inlägg</a>"), html);
        assertTrue(html.contains("<a href=\"/drafts?status=draft\">Första sidan</a>"), html);
        assertTrue(html.contains("<a href=\"/drafts?status=draft\" aria-current=\"true\">Utkast</a>"), html);
        assertTrue(html.contains("<a href=\"/drafts\">Alla mina</a>"), "the others are plain links: " + html);
    }



    /**
     * "Inga utkast här. Det kan finnas några bland de äldre inläggen." The existential "det finns" needs what there is: "det kan
     * finnas bland de äldre inläggen" says that "there may be among the older posts", of nothing. As Swedish it would be
     * "Det kan finnas några bland de äldre inläggen" (or "Det kan finnas fler längre bak").
     */
    @Test
    void anEmptyPageThatMayHaveMoreSaysWhatThereMayBe() {
        for (Shown shown : List.of(Shown.DRAFTS, Shown.PUBLISHED)) {
            String text = empty(shown, Optional.of(shown.href("abc")), false).emptyText();
            assertFalse(text.contains("Det kan finnas bland"), "\"det finns\" with nothing that there is: " + text);
        }
    }

    /**
     * On a later page of "Utkast" (?status=draft&cursor=…), the filter's link to "Utkast" leads to its first page, yet it is
     * marked aria-current="page", which a screen reader announces as "current page": a link to another page said to be this
     * one. aria-current="true" (the current list) says what is meant; "page" only where the link is the page shown.
     */
    @Test
    void aLaterPageDoesNotCallTheFirstPageTheCurrentOne() {
        MyPostsView view = empty(Shown.DRAFTS, Optional.of(Shown.DRAFTS.href("def")), true);
        Frame frame = PagesRenderingTest.frame("Mina inlägg", Optional.empty());
        String html = Templates.render(out -> JtedraftsGenerated.render(out, null, frame, view));
        assertTrue(html.contains("aria-current"), "the current list is still said: " + html);
        assertFalse(html.contains("<a href=\"/drafts?status=draft\" aria-current=\"page\">"),
                "page 2's link to page 1 announced as the current page: " + html);
    }
}
