package se.inlagg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import se.inlagg.posts.Byline;
import se.inlagg.posts.FieldError;
import se.inlagg.posts.Image;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.Status;
import se.inlagg.posts.Tag;

class PagesRenderingTest {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    static final String HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    static Post post(String title, String body) {
        var summary = new PostSummary("5ad2042c-f7f5-47ac-98da-d4ede0d324ab", "att-gastspela-som-chef", title, "Ingress & mer",
                new Byline("Åsa Öberg", Optional.of("Enhetschef"), Optional.of("Frivården Malmö")),
                List.of(new Tag("frivard", "Frivård"), new Tag("rbm", "RBM")),
                Optional.of(new Image("https://bilder.example.se/a.jpg", "Två personer vid ett bord", Optional.of("Foto: Åsa Öberg"))),
                Status.PUBLISHED, Instant.parse("2019-01-29T23:00:00Z"), Instant.parse("2019-01-30T08:00:00Z"), 3, "author-1");
        return new Post(summary, body);
    }

    @Test
    void aPostPageShowsTitleDateBylineFigureCategoriesAndBody() {
        String html = PostHtml.full(post("Att gästspela som chef", "Hej!\n\n- ett\n- två"), STOCKHOLM);
        assertTrue(html.contains("<h1>Att gästspela som chef</h1>"));
        assertTrue(html.contains("<time datetime=\"2019-01-29T23:00:00Z\">30 januari 2019</time>"), "the date in Stockholm");
        assertTrue(html.contains("<span class=\"byline\">Åsa Öberg, Enhetschef, Frivården Malmö</span>"));
        assertTrue(html.contains("<img src=\"https://bilder.example.se/a.jpg\" alt=\"Två personer vid ett bord\">"));
        assertTrue(html.contains("<figcaption>Foto: Åsa Öberg</figcaption>"));
        assertTrue(html.contains("<a href=\"/tags/frivard\">Frivård</a>"));
        assertTrue(html.contains("<li>två</li>"));
    }

    @Test
    void hostileTitlesAndBodiesShowAsText() {
        String html = PostHtml.full(post(HOSTILE, HOSTILE + "\n\n[x](javascript:alert(1))"), STOCKHOLM)
                + PostHtml.summary(post(HOSTILE, "").summary(), STOCKHOLM);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img src=x"), html);
        assertFalse(html.contains("javascript:"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    }

    @Test
    void theLayoutIsSwedishSemanticAndLinksItsFeeds() {
        String html = Layout.page("Kategori: Frivård", "<p>x</p>", Optional.empty(), List.of(new Layout.Feed("Frivård", "/tags/frivard/feed.xml")));
        assertTrue(html.startsWith("<!doctype html>\n<html lang=\"sv\">"));
        assertTrue(html.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Frivård\" href=\"/tags/frivard/feed.xml\">"));
        assertTrue(html.contains("<header class=\"site\">") && html.contains("<main>") && html.contains("<nav"));
        assertTrue(html.contains("<title>Kategori: Frivård – Inlägg</title>"));
        assertTrue(html.contains("Logga in"));
        String signedIn = Layout.page("Inlägg", "", Optional.of(new Viewer("a", "csrf\"<")), List.of());
        assertTrue(signedIn.contains("name=\"csrf\" value=\"csrf&quot;&lt;\""), "the sign-out form carries the escaped CSRF token");
    }

    @Test
    void theFormKeepsEveryValueAndPutsEachMessageBesideItsField() {
        Map<String, String> typed = Map.of("title", "", "body", "En lång text med <b>taggar</b> & å ä ö\n- punkt",
                "authorName", "Åsa", "tags", "Frivård, RBM", "imageUrl", "javascript:alert(1)");
        String html = FormHtml.form(typed, List.of(new FieldError("title", "must not be empty"),
                new FieldError("image.url", "must be an http or https address")), "", "csrf-1", "form-1");
        assertTrue(html.contains(">En lång text med &lt;b&gt;taggar&lt;/b&gt; &amp; å ä ö\n- punkt</textarea>"));
        assertTrue(html.contains("value=\"Frivård, RBM\""));
        assertTrue(html.contains("value=\"javascript:alert(1)\""), "kept as typed, in an attribute");
        assertTrue(html.contains("<span class=\"error\" id=\"title-error\">får inte vara tom</span>"), "in Swedish at the form");
        assertTrue(html.contains("<span class=\"error\" id=\"imageUrl-error\">måste vara en adress som börjar med http:// eller https://</span>"));
        assertTrue(html.contains("aria-describedby=\"title-error\""));
        assertTrue(html.contains("<input type=\"hidden\" name=\"csrf\" value=\"csrf-1\">"));
        assertTrue(html.contains("value=\"draft\"") && html.contains("Spara som utkast"));
    }

    @Test
    void messagesWithNumbersKeepThemInSwedish() {
        assertEquals("får vara högst 200 tecken", Swedish.message("must be at most 200 characters"));
        assertEquals("ett okänt fel", Swedish.message("ett okänt fel"), "unknown messages pass through");
    }

    @Test
    void errorsOfTheRulesMapToTheFormsFields() {
        assertEquals("authorName", FormHtml.fieldOf(new FieldError("author.name", "x")));
        assertEquals("tags", FormHtml.fieldOf(new FieldError("tags[3]", "x")));
        assertEquals("imageCaption", FormHtml.fieldOf(new FieldError("image.caption", "x")));
    }

    @Test
    void theFeedIsWellFormedAtomWithOneEntryPerPost() throws Exception {
        String xml = AtomFeed.of("Inlägg", "https://blogg.example.se/feed.xml", "https://blogg.example.se/", "https://blogg.example.se",
                List.of(post("Rubrik " + HOSTILE, "Text **fet**")), Instant.parse("2026-01-01T00:00:00Z"));
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element feed = doc.getDocumentElement();
        assertEquals("http://www.w3.org/2005/Atom", feed.getNamespaceURI());
        assertEquals("feed", feed.getLocalName());
        for (String required : List.of("id", "title", "updated")) {
            assertEquals(1, feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", required).getLength() - countInEntries(doc, required), required);
        }
        Element entry = (Element) doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").item(0);
        assertEquals("urn:uuid:5ad2042c-f7f5-47ac-98da-d4ede0d324ab", text(entry, "id"));
        assertEquals("Rubrik " + HOSTILE, text(entry, "title"), "text in XML, not markup");
        assertEquals("2019-01-30T08:00:00Z", text(entry, "updated"));
        assertEquals("Åsa Öberg", text(entry, "name"));
        assertEquals("<p>Text <strong>fet</strong></p>\n", text(entry, "content"));
        assertEquals("https://blogg.example.se/posts/att-gastspela-som-chef",
                ((Element) entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link").item(0)).getAttribute("href"));
        assertEquals(2, entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "category").getLength());
    }

    private static int countInEntries(Document doc, String name) {
        var entries = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        int n = 0;
        for (int i = 0; i < entries.getLength(); i++) {
            n += ((Element) entries.item(i)).getElementsByTagNameNS("http://www.w3.org/2005/Atom", name).getLength();
        }
        return n;
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS("http://www.w3.org/2005/Atom", name).item(0).getTextContent();
    }
}
