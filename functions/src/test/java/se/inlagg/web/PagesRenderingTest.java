package se.inlagg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.text.Bidi;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import se.inlagg.auth.Sessions;
import se.inlagg.json.Json;
import se.inlagg.posts.Byline;
import se.inlagg.posts.Facet;
import se.inlagg.posts.FacetCount;
import se.inlagg.posts.FieldError;
import se.inlagg.posts.Image;
import se.inlagg.posts.Markdown;
import se.inlagg.posts.MarkupText;
import se.inlagg.posts.Neighbours;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostRules;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.SiteTime;
import se.inlagg.posts.Status;
import se.inlagg.posts.StoredHtml;
import se.inlagg.posts.Tag;
import se.inlagg.web.templates.JtearchiveGenerated;
import se.inlagg.web.templates.JtefacetsGenerated;
import se.inlagg.web.templates.JteformGenerated;
import se.inlagg.web.templates.JtelistGenerated;
import se.inlagg.web.templates.JtepostGenerated;
import se.inlagg.web.templates.JtesearchGenerated;

class PagesRenderingTest {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    /** How the edit form reads a typed time, for its conflict lists. */
    static final SiteTime SITE_TIME = new SiteTime(STOCKHOLM, Clock.systemUTC());
    static final String HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    static Post post(String title, String body) {
        var summary = new PostSummary("5ad2042c-f7f5-47ac-98da-d4ede0d324ab", "att-gastspela-som-chef", title, "Ingress & mer",
                new Byline("Åsa Öberg", Optional.of("Enhetschef"), Optional.of("Frivården Malmö")),
                List.of(new Tag("frivard", "Frivård"), new Tag("rbm", "RBM")),
                Optional.of(new Image("https://bilder.example.se/a.jpg", "Två personer vid ett bord", Optional.of("Foto: Åsa Öberg"))),
                Status.PUBLISHED, Instant.parse("2019-01-29T23:00:00Z"), true, Instant.parse("2019-01-30T08:00:00Z"), 3, "author-1");
        return new Post(summary, body, Markdown.toHtml(body));
    }

    static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    static Frame frame(String title, Optional<Viewer> viewer) {
        return new Frame(title, "En beskrivning", Optional.of(Sharing.website("https://blogg.example.se/x")),
                List.of(new Link("Frivård", "/tags/frivard/feed.xml")), viewer, false, "/assets/style.abc.css", "", false);
    }

    static String postPage(Post post) {
        PostView view = Views.post(post, STOCKHOLM, NOW);
        Frame frame = frame(post.summary().title(), Optional.empty());
        return Templates.render(out -> JtepostGenerated.render(out, null, frame, view, null));
    }

    static String listPage(List<PostSummary> posts) {
        ListView view = new ListView("Alla inlägg", posts.stream().map(s -> Views.card(s, STOCKHOLM)).toList(),
                Optional.of("/?cursor=abc"), Optional.empty(), "Inga inlägg här ännu.", Optional.empty());
        Frame frame = frame(Frame.SITE_NAME, Optional.empty());
        return Templates.render(out -> JtelistGenerated.render(out, null, frame, view));
    }

    @Test
    void aPostPageShowsTitleDateBylineFigureCategoriesAndBody() {
        String html = postPage(post("Att gästspela som chef", "Hej!\n\n- ett\n- två"));
        assertTrue(html.contains("<h1>Att gästspela som chef</h1>"), html);
        assertTrue(html.contains("<time datetime=\"2019-01-29T23:00:00Z\">30 januari 2019</time>"), "the date in Stockholm");
        assertTrue(html.contains("<a href=\"/people/asa-oberg\">Åsa Öberg</a>, Enhetschef, <a href=\"/offices/frivarden-malmo\">Frivården Malmö</a>"), html);
        assertTrue(html.contains("<img src=\"https://bilder.example.se/a.jpg\" alt=\"Två personer vid ett bord\" fetchpriority=\"high\">"), html);
        assertTrue(html.contains("<figcaption>Foto: Åsa Öberg</figcaption>"));
        assertTrue(html.contains("<a href=\"/tags/frivard\">Frivård</a>"));
        assertTrue(html.contains("<li>två</li>"));
    }

    @Test
    void aPostPresentsItselfToLinkPreviewsAndSearchEnginesWithItsPicture() throws Exception {
        Post post = post("Att gästspela som chef </script><script>alert(1)</script>", "Hej!");
        Frame frame = Frame.shared(post.summary().title(), post.summary().excerpt(),
                PostPageHandler.sharing(post.summary(), "https://blogg.example.se"), List.of(), Optional.empty());
        String html = Templates.render(out -> JtepostGenerated.render(out, null, frame, Views.post(post, STOCKHOLM, NOW), null));
        assertTrue(html.contains("<link rel=\"canonical\" href=\"https://blogg.example.se/posts/att-gastspela-som-chef\">"), html);
        assertTrue(html.contains("<meta property=\"og:type\" content=\"article\">"));
        assertTrue(html.contains("<meta property=\"og:url\" content=\"https://blogg.example.se/posts/att-gastspela-som-chef\">"));
        assertTrue(html.contains("<meta property=\"og:image\" content=\"https://bilder.example.se/a.jpg\">"));
        assertTrue(html.contains("<meta property=\"og:image:alt\" content=\"Två personer vid ett bord\">"));
        assertTrue(html.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
        assertTrue(html.contains("<meta property=\"og:description\" content=\"Ingress &amp; mer\">"));
        assertTrue(html.contains("<meta property=\"article:tag\" content=\"Frivård\">"));
        assertTrue(html.contains("<meta property=\"article:published_time\" content=\"2019-01-29T23:00:00Z\">"));
        Matcher ld = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertTrue(ld.find(), html);
        assertEquals(1, html.split("<script", -1).length - 1, "the data block is the only script element: the title's is text");
        @SuppressWarnings("unchecked")
        Map<String, Object> posting = (Map<String, Object>) Json.read(ld.group(1));
        assertEquals("BlogPosting", posting.get("@type"));
        assertEquals(post.summary().title(), posting.get("headline"), "escaped for the script element, the same to a JSON reader");
        assertEquals("2019-01-29T23:00:00Z", posting.get("datePublished"));
        // Edited the morning after it was published: a search engine shows when it last changed, not its first day again.
        assertEquals("2019-01-30T08:00:00Z", posting.get("dateModified"), "the edit's time");
        assertEquals(List.of("https://bilder.example.se/a.jpg"), posting.get("image"));
        assertEquals("Åsa Öberg", ((Map<?, ?>) posting.get("author")).get("name"));
        assertEquals("https://blogg.example.se/people/asa-oberg", ((Map<?, ?>) posting.get("author")).get("url"));
        // What a search engine files the post under: every category, the first as its section, and who wrote it where.
        assertEquals("Frivård, RBM", posting.get("keywords"));
        assertEquals("Frivård", posting.get("articleSection"));
        assertEquals("Enhetschef", ((Map<?, ?>) posting.get("author")).get("jobTitle"));
        assertEquals("Frivården Malmö", ((Map<?, ?>) ((Map<?, ?>) posting.get("author")).get("worksFor")).get("name"));
        assertEquals("sv-SE", posting.get("inLanguage"));
    }

    /**
     * Any page but a post (a list, the categories, a search) is a "website" to link previews and search engines, with no
     * article's dates: a category's page shared is not shown as one article of it.
     */
    @Test
    void aPageThatIsNoPostPresentsItselfToLinkPreviewsAsAWebsite() {
        var categories = new FacetIndexView("Kategorier", "Alla kategorier.", List.of(new FacetIndexView.Entry("Frivård", "/tags/frivard", 3)), "");
        String html = Templates.render(out -> JtefacetsGenerated.render(out, null, frame("Kategorier", Optional.empty()), categories));
        assertTrue(html.contains("<meta property=\"og:type\" content=\"website\">"), html);
        assertFalse(html.contains("article:published_time") || html.contains("application/ld+json"), html);
    }

    @Test
    void theSearchPageShowsMarkedSnippetsAndEscapesWhatWasTyped() {
        String typed = "<script>alert(1)</script> frivård";
        var hit = new SearchView.Hit("Frivården i Ystad", "/posts/frivarden-i-ystad", "2019-01-29T23:00:00Z", "30 januari 2019",
                Views.byline(new Byline("Åsa Öberg", Optional.empty(), Optional.of("Frivården Ystad"))), "Om <mark>frivården</mark> &amp; mer",
                List.of(new Link("Frivård", "/tags/frivard")));
        // Narrowed to a category whose name, as a link may give it, holds what HTML must not take as markup.
        var category = Facet.categoryNamed("Frivård \"><b>").orElseThrow();
        var within = SearchWithin.of(List.of(category), typed);
        var view = new SearchView(typed, "Sökresultat", Optional.of("1 inlägg hittades för ”" + typed + "”."), List.of(hit),
                Optional.empty(), Optional.of("/sok?q=x&cursor=abc"), Optional.of(within), Optional.of("/sok?q=x"));
        Frame frame = frame("Sök: " + typed, Optional.empty()).withSearchQuery(typed);
        String html = Templates.render(out -> JtesearchGenerated.render(out, null, frame, view));
        assertFalse(html.contains("<script>alert") || html.contains("<b>"), html);
        assertTrue(html.contains("name=\"q\" type=\"search\" value=\"&lt;script>alert(1)&lt;/script> frivård\""),
                "the box keeps what was typed, escaped for its attribute: " + html);
        assertTrue(html.contains("<input type=\"hidden\" name=\"tag\" value=\"Frivård &#34;>&lt;b>\">"),
                "the box that keeps to the category sends its name, escaped: " + html);
        assertTrue(html.contains("<label for=\"sok-inom\">Sök bland inläggen i kategorin Frivård \"&gt;&lt;b&gt;</label>"), html);
        assertTrue(html.contains("<a href=\"/sok?q=x\">Sök efter ”&lt;script&gt;alert(1)&lt;/script&gt; frivård” bland alla inlägg</a>"), html);
        assertTrue(html.contains("<p class=\"snippet\">Om <mark>frivården</mark> &amp; mer</p>"), html);
        assertTrue(html.contains("<a rel=\"next\" href=\"/sok?q=x&amp;cursor=abc\">Nästa sida</a>"), html);
    }

    @Test
    void theArchiveGroupsMonthsByYearNewestFirst() {
        var months = List.of(new FacetCount(Facet.month(YearMonth.of(2020, 2)), 3),
                new FacetCount(Facet.month(YearMonth.of(2019, 12)), 1),
                new FacetCount(Facet.month(YearMonth.of(2019, 1)), 2));
        ArchiveView archive = FacetsPageHandler.archive(months);
        assertEquals(List.of(2020, 2019), archive.years().stream().map(ArchiveView.Year::year).toList());
        assertEquals(3, archive.years().get(1).count());
        assertEquals(List.of("December", "Januari"), archive.years().get(1).months().stream().map(FacetIndexView.Entry::name).toList());
        String html = Templates.render(out -> JtearchiveGenerated.render(out, null, frame("Arkiv", Optional.empty()), archive));
        assertTrue(html.contains("<a href=\"/archive/2019-12\">December 2019</a> <span class=\"count\">1 inlägg</span>"), html);
        assertTrue(html.contains("<h2 id=\"ar-2020\">2020<span class=\"count\">, 3 inlägg</span></h2>"), html);
    }

    /** Counts of five digits and more are grouped as Swedish writes them, as the search page's is. */
    @Test
    void theArchiveAndTheIndexPagesGroupLargeCounts() {
        var months = List.of(new FacetCount(Facet.month(YearMonth.of(2019, 2)), 10_000),
                new FacetCount(Facet.month(YearMonth.of(2019, 1)), 2_345));
        String archive = Templates.render(out -> JtearchiveGenerated.render(out, null, frame("Arkiv", Optional.empty()),
                FacetsPageHandler.archive(months)));
        assertTrue(archive.contains("<a href=\"/archive/2019-02\">Februari 2019</a> <span class=\"count\">10\u00A0000 inlägg</span>"), archive);
        assertTrue(archive.contains("<a href=\"/archive/2019-01\">Januari 2019</a> <span class=\"count\">2345 inlägg</span>"), archive);
        assertTrue(archive.contains("<h2 id=\"ar-2019\">2019<span class=\"count\">, 12\u00A0345 inlägg</span></h2>"), archive);
        assertEquals("123\u00A0456 inlägg", new FacetIndexView.Entry("Frivård", "/tags/frivard", 123_456).countText());
    }

    @Test
    void hostileTitlesAndBodiesShowAsText() {
        String html = postPage(post(HOSTILE, HOSTILE + "\n\n[x](javascript:alert(1))"))
                + listPage(List.of(post(HOSTILE, "").summary()));
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img src=x"), html);
        assertFalse(html.contains("javascript:"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") || html.contains("&lt;script&gt;alert('x')&lt;/script&gt;"), html);
    }

    /** A byline stored before names of no Latin letter were refused has no page: shown unlinked, never linked to the front page. */
    @Test
    void aNameStoredWithNoLatinLetterIsShownUnlinked() {
        var byline = Views.byline(new Byline("Ольга Петренко", Optional.of("Handläggare"), Optional.of("Київ")));
        assertEquals(BylineView.NO_PAGE, byline.person().href());
        assertEquals(BylineView.NO_PAGE, byline.office().orElseThrow().href());
        var latin = Views.byline(new Byline("Olha Petrenko", Optional.empty(), Optional.of("Kyjiv")));
        assertEquals("/people/olha-petrenko", latin.person().href());
    }

    /** The newest post has only an older neighbour and the oldest only a newer one: each still links to it. */
    @Test
    void theNewestAndTheOldestPostEachLinkToTheirOneNeighbour() {
        Post post = post("Mitt inlägg", "Text.");
        var neighbour = another(post.summary(), "grannen", "Grannen");
        for (Neighbours neighbours : List.of(new Neighbours(Optional.empty(), Optional.of(neighbour)),
                new Neighbours(Optional.of(neighbour), Optional.empty()))) {
            PostView view = Views.post(post, STOCKHOLM, NOW, neighbours, List.of());
            String page = Templates.render(out -> JtepostGenerated.render(out, null, frame(post.summary().title(), Optional.empty()), view, null));
            assertTrue(page.contains("href=\"/posts/grannen\">Grannen</a>"), page);
        }
    }

    /** Another post of {@code like}'s author and categories, published two days before it: a neighbour or a related post. */
    static PostSummary another(PostSummary like, String slug, String title) {
        return new PostSummary("0f0e3c1e-54a4-4c53-9a55-3d1f1d0c5a11", slug, title, like.excerpt(), like.author(), like.tags(),
                Optional.empty(), like.status(), Instant.parse("2019-01-27T23:00:00Z"), true, like.updatedAt(), 1, like.authorId());
    }

    /**
     * A byline's name ending in an open right-to-left override (U+202E, as pasted from a right-to-left text) would show
     * the office after it as "idiB rotnoK", a title the date after it among related posts, a category's name the count
     * beside it on /tags, a name in a search box's label the month after it; after a title in Hebrew the day of its date
     * would stand before it. Each value shown keeps its direction to itself; what a form sends back stays as typed.
     */
    @Test
    void aNameOrTitleWrittenRightToLeftTurnsNothingAfterIt() {
        String rlo = "\u202E";
        var summary = post("Obalanserad " + rlo + "riktning", "Text.").summary();
        var turned = new PostSummary(summary.id(), "obalanserad-riktning", summary.title(), summary.excerpt(),
                new Byline("Bidi " + rlo + "Namn", Optional.of("Enhetschef"), Optional.of("Frivården Malmö")), summary.tags(),
                Optional.empty(), summary.status(), summary.publishedAt(), summary.dated(), summary.updatedAt(), summary.version(),
                summary.authorId());
        Post post = new Post(turned, "Text.", "<p>Text.</p>");
        var hebrew = another(summary, "shalom", "שלום");
        PostView view = Views.post(post, STOCKHOLM, NOW, Neighbours.NONE, List.of(turned, hebrew));
        String page = Templates.render(out -> JtepostGenerated.render(out, null, frame(turned.title(), Optional.empty()), view, null));
        assertEquals(0, levelOf(shown(page, "<p class=\"meta\">", "</p>"), ", Enhetschef, Frivården Malmö"), page);
        assertEquals(0, levelOf(shown(page, "<section class=\"related\"", "</li>"), "30 januari 2019"), page);
        assertEquals(0, levelOf(shown(page, "<a href=\"/posts/shalom\">", "</li>"), "28 januari 2019"), page);
        assertEquals(0, levelOf(shown(page, "<title>", "</title>"), " – Inlägg"), page);

        var categories = new FacetIndexView("Kategorier", "Alla kategorier.", List.of(new FacetIndexView.Entry("Bidi" + rlo, "/tags/bidi", 3)), "");
        String index = Templates.render(out -> JtefacetsGenerated.render(out, null, frame("Kategorier", Optional.empty()), categories));
        assertEquals(0, levelOf(shown(index, "<ul class=\"facets\">", "</li>"), "3 inlägg"), index);

        var office = Facet.office("Kontor " + rlo + "Bidi").orElseThrow();
        String label = SearchWithin.of(List.of(office, Facet.month(YearMonth.of(2026, 3))), "").label();
        assertEquals(0, levelOf(label, " i mars 2026"), label);

        Map<String, String> typed = Map.of("title", "Obalanserad " + rlo + "riktning", "body", "text " + rlo + "omvänd", "authorName", "Bidi " + rlo + "Namn");
        String form = Templates.render(out -> JteformGenerated.render(out, null, Frame.unlisted("Skriv", Optional.empty()),
                WriteForm.view(typed, List.of(), Optional.empty(), "csrf-1", "form-1"), Optional.empty()));
        assertTrue(form.contains("value=\"Obalanserad " + rlo + "riktning\"") && form.contains("value=\"Bidi " + rlo + "Namn\""),
                "a field sends back what was typed, nothing added: " + form);
        assertTrue(form.contains(">\ntext " + rlo + "omvänd</textarea>"), form);
    }

    /** The text of the part of a page from {@code from} to the {@code to} after it, as a browser lays it out in one line. */
    private static String shown(String html, String from, String to) {
        int start = html.indexOf(from);
        assertTrue(start >= 0, from + " in " + html);
        String part = html.substring(start, html.indexOf(to, start + from.length()));
        return part.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip();
    }

    /** The highest embedding level of the characters of {@code part}, where it ends {@code line}: 0 is read left to right. */
    private static int levelOf(String line, String part) {
        assertTrue(line.endsWith(part), "\"" + line + "\" ends with \"" + part + "\"");
        var bidi = new Bidi(line, Bidi.DIRECTION_LEFT_TO_RIGHT);
        int highest = 0;
        for (int i = line.length() - part.length(); i < line.length(); i++) {
            highest = Math.max(highest, bidi.getLevelAt(i));
        }
        return highest;
    }

    @Test
    void theLayoutIsSwedishSemanticAndLinksItsFeedsItsCanonicalAddressAndASkipLink() {
        String html = listPage(List.of(post("Att gästspela som chef", "").summary()));
        assertTrue(html.startsWith("<!doctype html>\n<html lang=\"sv\">"), html);
        assertTrue(html.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Frivård\" href=\"/tags/frivard/feed.xml\">"));
        // A category's feed is not only in the head, where no reader looks; the footer offers it too.
        assertTrue(html.contains("<p><a href=\"/tags/frivard/feed.xml\">Prenumerera på Frivård (Atom)</a></p>"), html);
        assertTrue(html.contains("<link rel=\"canonical\" href=\"https://blogg.example.se/x\">"));
        assertTrue(html.contains("<meta name=\"description\" content=\"En beskrivning\">"));
        assertTrue(html.contains("<header class=\"site\">") && html.contains("<main id=\"innehall\"") && html.contains("<nav"));
        assertTrue(html.contains("<a class=\"skip\" href=\"#innehall\">"));
        assertTrue(html.contains("<title>Inlägg</title>"));
        assertTrue(html.contains("Logga in"));
        assertTrue(html.contains("<a rel=\"next\" href=\"/?cursor=abc\">Äldre inlägg</a>"));
        Frame signedIn = frame("Kategori: Frivård", Optional.of(new Viewer("a", "csrf\"<")));
        String page = Templates.render(out -> JtelistGenerated.render(out, null, signedIn, new ListView("x", List.of(), Optional.empty(), Optional.empty(), "Tomt", Optional.empty())));
        assertTrue(page.contains("<title>Kategori: Frivård – Inlägg</title>"));
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]+)\"").matcher(page);
        assertTrue(token.find(), "the sign-out form carries the CSRF token, masked: " + page);
        assertTrue(Sessions.sameFormToken("csrf\"<", token.group(1)), token.group(1));
    }

    @Test
    void theFormKeepsEveryValueAndPutsEachMessageBesideItsField() {
        Map<String, String> typed = Map.of("title", "", "body", "En lång text med <b>taggar</b> & å ä ö\n- punkt",
                "authorName", "Åsa", "tags", "Frivård, RBM", "imageUrl", "javascript:alert(1)");
        FormView view = WriteForm.view(typed, List.of(new FieldError("title", "must not be empty"),
                new FieldError("image.url", "must be an http or https address")), Optional.empty(), "csrf-1", "form-1");
        Frame frame = Frame.unlisted("Skriv", Optional.empty());
        String html = Templates.render(out -> JteformGenerated.render(out, null, frame, view, Optional.empty()));
        assertTrue(html.contains(">\nEn lång text med &lt;b&gt;taggar&lt;/b&gt; &amp; å ä ö\n- punkt</textarea>"), html);
        assertTrue(html.contains("value=\"Frivård, RBM\""));
        assertTrue(html.contains("value=\"javascript:alert(1)\""), "kept as typed, in an attribute");
        assertTrue(html.contains("<span class=\"error\" id=\"title-error\">får inte vara tom</span>"), "in Swedish at the form");
        // "giltig": an address beginning with https:// but with a broken escape (%zz) or a space in its host is told more
        // than that it must begin with https://, which it does.
        assertTrue(html.contains("<span class=\"error\" id=\"imageUrl-error\">måste vara en giltig webbadress som börjar med http:// eller https://</span>"), html);
        assertTrue(html.contains("aria-describedby=\"title-error\""));
        assertTrue(html.contains("<input type=\"hidden\" name=\"csrf\" value=\"csrf-1\">"));
        assertTrue(html.contains("value=\"draft\"") && html.contains("Spara som utkast"));
        assertTrue(html.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"), "forms are not indexed");
    }

    /**
     * Enter in the title sends the new-post form with its first button, which must not be "Publicera"; a published post's
     * edit form must not offer to publish it, nor, as "Spara som utkast", to unpublish it unsaid.
     */
    @Test
    void enterNeverPublishesAndTheEditFormOffersWhatChangesThePostsStatus() {
        Map<String, String> none = Map.of();
        assertEquals("draft", WriteForm.view(none, List.of(), Optional.empty(), "c", "f").buttons().getFirst().value(),
                "the default button of the new-post form saves a draft");
        var published = WriteForm.edit("s", none, List.of(), Optional.empty(), "c", "f", false, Optional.of(Status.PUBLISHED));
        assertEquals(List.of("save", "preview", "draft", "image"), published.buttons().stream().map(FormView.Button::value).toList());
        assertTrue(published.buttons().stream().anyMatch(b -> b.label().equals("Spara och gör till utkast")));
        var draft = WriteForm.edit("s", none, List.of(), Optional.empty(), "c", "f", false, Optional.of(Status.DRAFT));
        assertEquals(List.of("save", "preview", "publish", "image"), draft.buttons().stream().map(FormView.Button::value).toList());
        var unknown = WriteForm.edit("s", none, List.of(), Optional.empty(), "", "f", false, Optional.empty());
        assertEquals(List.of("save", "preview", "publish", "draft", "image"), unknown.buttons().stream().map(FormView.Button::value).toList(),
                "signed out, nothing read: both ways are offered");
    }

    /** An edit conflict lists only what saving would change: not an empty date, a time written otherwise, spacing. */
    @Test
    void aConflictListsWhatSavingWouldChangeAndNothingElse() {
        var stored = Map.of("title", "T", "body", "B", "tags", "Frivård, Samverkan", "publishedAt", "2019-03-06 10:30",
                "imageUrl", "/images/a.png", "imageAlt", "Bord", "imageCaption", "Foto", "authorName", "Åsa");
        var same = new HashMap<>(stored);
        same.putAll(Map.of("title", "Annan", "body", "Annan", "tags", "frivård,Samverkan ", "publishedAt", "6 mars 2019 kl. 10:30"));
        assertEquals(List.of(), WriteForm.differences(stored, same, SITE_TIME::parse, true));
        same.put("publishedAt", "");
        assertEquals(List.of(), WriteForm.differences(stored, same, SITE_TIME::parse, true), "an empty date keeps a published post's");
        assertEquals(List.of("Publiceringsdatum: sparat ”2019-03-06 10:30”, i ditt formulär inget"),
                WriteForm.differences(stored, same, SITE_TIME::parse, false), "and takes a draft's own date away (a browser probe)");
        var changed = new HashMap<>(stored);
        changed.putAll(Map.of("tags", "Frivård", "imageUrl", "", "imageAlt", "", "imageCaption", ""));
        assertEquals(List.of("Kategorier: sparat ”Frivård, Samverkan”, i ditt formulär ”Frivård”",
                "Bildens adress: sparat ”/images/a.png”, i ditt formulär inget"), WriteForm.differences(stored, changed, SITE_TIME::parse, true),
                "a picture taken away takes its words: no line for them");
    }

    /** A post stored before the rules refused U+FFFE and U+FFFF keeps its feed readable: XML 1.0 has no place for them. */
    @Test
    void aFeedCarriesNothingXmlCannot() {
        assertEquals("a \ufffd b &amp; c\ufffd", AtomFeed.text("a \uffff b & c\ufffe"));
        assertEquals("Å ä ö \ufffd " + Character.toString(0x1F600), AtomFeed.text("Å ä ö \ufffd " + Character.toString(0x1F600)));
    }

    /**
     * "&#x1;" in a post's text would make a U+0001 in its HTML and excerpt, and the site's feed one no reader can parse.
     * A body rendered by this code has U+FFFD there; one stored before (renderer 2) still has the control, in
     * its HTML and its excerpt: its HTML is served fit (StoredHtml.servable), and its feed and page carry U+FFFD.
     */
    @Test
    void aControlMadeByACharacterReferenceInAStoredBodyLeavesTheFeedAndThePageReadable() throws Exception {
        Post rendered = post("Kontrolltecken", "Hej &#x1; då &#xFFFE;");
        Post stored = new Post(new PostSummary(rendered.summary().id(), rendered.summary().slug(), "Kontrolltecken", "Hej \u0001 då",
                rendered.summary().author(), List.of(), Optional.empty(), Status.PUBLISHED, rendered.summary().publishedAt(), true,
                rendered.summary().updatedAt(), 1, "author-1"), "Hej &#x1; då",
                StoredHtml.servable(2, "Hej &#x1; då &#xFFFE;", "<p>Hej \u0001 då \uFFFE</p>").orElseThrow());
        for (Post p : List.of(rendered, stored)) {
            String xml = AtomFeed.of("Inlägg", "https://blogg.example.se/feed.xml", "https://blogg.example.se/", "https://blogg.example.se",
                    List.of(p));
            Document doc = parsed(xml);
            Element entry = (Element) doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").item(0);
            assertTrue(text(entry, "content").contains("Hej \uFFFD då"), xml);
            if (p == stored) {
                assertEquals("Hej \uFFFD då", text(entry, "summary"), "the excerpt stored with the control");
            }
            String page = Templates.render(out -> JtepostGenerated.render(out, null, frame(p.summary().title(), Optional.empty()),
                    Views.post(p, STOCKHOLM, NOW), null));
            assertEquals(page, MarkupText.fit(page), "no control on the page");
            assertTrue(page.contains("Hej \uFFFD då"), page);
        }
    }

    /**
     * The JSON writer escapes only what is below U+0020, so an excerpt stored before the rules with a C1 control or a
     * noncharacter (from "&#x85;") would reach the page raw in its JSON-LD.
     */
    @Test
    void aPostsJsonLdCarriesNothingAPageMayNot() {
        PostSummary s = post("Rubrik", "Text.").summary();
        PostSummary stored = new PostSummary(s.id(), s.slug(), "Rubrik\u0085", "Hej\u0085 då\uFFFE \u007F\u0001", s.author(), s.tags(), s.image(), s.status(),
                s.publishedAt(), s.dated(), s.updatedAt(), s.version(), s.authorId());
        String json = JsonLd.blogPosting(stored, "https://blogg.example.se/posts/x", "https://blogg.example.se");
        assertEquals(json, MarkupText.fit(json), json);
        assertTrue(json.contains("Hej\uFFFD då\uFFFD \uFFFD\uFFFD\""), "a C0 control too, not escaped to come back (from an upgrade probe): " + json);
    }

    /**
     * A form shown again with what was typed must not echo a NUL or a control raw, in an input's value or a textarea,
     * which HTML reads as an error and its author cannot see to take out. U+FFFD shows where it was.
     */
    @Test
    void aFormShownAgainShowsAControlTypedAsTheReplacementCharacter() {
        Map<String, String> typed = Map.of("title", "Hej\u0000", "body", "x\u0001y", "authorName", "Åsa", "tags", "a, \u0000");
        FormView view = WriteForm.view(typed, List.of(new FieldError("title", "must be one line without control characters"),
                new FieldError("tags[1]", "must be one line without control characters")), Optional.empty(), "csrf-1", "form-1");
        String html = Templates.render(out -> JteformGenerated.render(out, null, Frame.unlisted("Skriv", Optional.empty()), view, Optional.empty()));
        assertEquals(html, MarkupText.fit(html), "no control anywhere on the page");
        assertTrue(html.contains("value=\"Hej\uFFFD\""), html);
        assertTrue(html.contains("x\uFFFDy</textarea>"), html);
        assertTrue(html.contains("”\uFFFD”"), "the tag refused is named by what shows where it was: " + html);
        assertTrue(html.contains("id=\"title-error\">får bara vara en rad, utan kontrolltecken (osynliga tecken, ofta från inklistrad text: de"
                + " visas här som \uFFFD, ta bort dem)</span>"), "said what the \uFFFD shown is: " + html);
    }

    /** Which fields must be filled in is said to everyone, not only to screen readers (WCAG 3.3.2). */
    @Test
    void theFieldsThatMustBeFilledInSaySoOnThePage() {
        FormView view = WriteForm.view(Map.of(), List.of(), Optional.empty(), "csrf-1", "form-1");
        String html = Templates.render(out -> JteformGenerated.render(out, null, Frame.unlisted("Skriv ett inlägg", Optional.empty()), view, Optional.empty()));
        for (String label : List.of("title\">Rubrik", "body\">Text", "authorName\">Namn")) {
            assertTrue(html.contains("<label for=\"" + label + "<span class=\"required\"> (måste fyllas i)</span></label>"), label + ": " + html);
        }
        assertEquals(3, html.split("måste fyllas i", -1).length - 1, "the others may stay empty: " + html);
    }

    @Test
    void aRefusedTagIsNamedAsTypedWithWhatItLacks() {
        // "Москва" is not refused as having no letter, and two such tags give one message, not the same twice.
        Map<String, String> typed = Map.of("title", "Resa", "body", "Text", "authorName", "Åsa", "tags", "Frivård, Москва, , 東京");
        FormView view = WriteForm.view(typed, List.of(new FieldError("tags[1]", Tag.LETTER_OR_DIGIT), new FieldError("tags[2]", Tag.LETTER_OR_DIGIT)),
                Optional.empty(), "csrf-1", "form-1");
        String html = Templates.render(out -> JteformGenerated.render(out, null, Frame.unlisted("Skriv", Optional.empty()), view, Optional.empty()));
        assertTrue(html.contains("”Москва” måste innehålla en bokstav a–ö eller en siffra"), html);
        assertTrue(html.contains("”東京” måste innehålla en bokstav a–ö"), html);
        assertFalse(html.contains("must contain"), html);
    }

    /**
     * An empty name is "tomt", as Swedish says of "ett namn", not "Namn: får inte vara tom"; the
     * title, the text and the alt text are "en" words and keep "tom".
     */
    @Test
    void anEmptyFieldIsCalledEmptyInTheGenderOfItsName() {
        Map<String, String> typed = Map.of("title", "", "body", "", "authorName", " ");
        FormView view = WriteForm.view(typed, List.of(new FieldError("title", "must not be empty"),
                new FieldError("body", "must not be empty"), new FieldError("author.name", "must not be empty")),
                Optional.empty(), "csrf-1", "form-1");
        String html = Templates.render(out -> JteformGenerated.render(out, null, Frame.unlisted("Skriv", Optional.empty()), view, Optional.empty()));
        assertTrue(html.contains("Namn: får inte vara tomt"), html);
        assertTrue(html.contains("<span class=\"error\" id=\"authorName-error\">får inte vara tomt</span>"), html);
        assertTrue(html.contains("Rubrik: får inte vara tom<"), html);
        assertTrue(html.contains("Text: får inte vara tom<"), html);
        assertEquals("får inte vara tom", Swedish.message("image.alt", "must not be empty"), "en alt-text");
    }

    @Test
    void messagesWithNumbersKeepThemInSwedish() {
        assertEquals("får vara högst 200 tecken", Swedish.message("must be at most 200 characters"));
        assertEquals("får bara vara en rad, utan rad- eller styckebrytningar", Swedish.message(PostRules.SEPARATOR_IN_LINE));
        assertEquals("ett okänt fel", Swedish.message("ett okänt fel"), "unknown messages pass through");
        assertEquals("får vara högst 100\u00A0000 tecken", Swedish.message("must be at most 100000 characters"), "grouped as Swedish writes it");
        assertEquals("Kl. 2.30 finns inte den 29 mars 2026, för då ställs klockan fram från 2.00 till 3.00. Välj en annan tid.",
                Swedish.message(PostRules.timeProblem(new SiteTime(ZoneId.of("Europe/Stockholm"),
                        Clock.systemUTC()).read("2026-03-29 02:30"))), "the day as Swedish writes it");
        assertEquals("29 februari 2027 finns inte – februari 2027 har bara 28 dagar. Välj en annan dag.",
                Swedish.message(PostRules.timeProblem(new SiteTime(ZoneId.of("Europe/Stockholm"),
                        Clock.systemUTC()).read("2027-02-29 15:00"))), "a day its month lacks");
        assertTrue(Swedish.message(PostRules.ANOTHER_POSTS_PICTURE).startsWith("får inte vara filen till en bild som inlägget inte visar nu"));
        assertEquals("får inte visa en uppladdad bild som inte är inläggets egen bild, för filen tas bort när inget inlägg har den som sin bild:"
                + " ladda upp filen som det här inläggets bild, eller ta bort den ur texten (/images/abcdefghijklmnopqrstuvwxyz.png)",
                Swedish.message(PostRules.NOT_THIS_POSTS_PICTURE + "/images/abcdefghijklmnopqrstuvwxyz.png"),
                "which picture of the text, by its address");
        // Its examples are the date field's hint's, and no "mellan år 1 och 9999", which reads oddly.
        assertEquals("måste vara ett datum, med eller utan klockslag, till exempel 2026-12-24, 2026-12-24 15:00 eller 24 december 2026"
                + " kl. 15.00 (årtal med högst fyra siffror)", Swedish.message(PostRules.NOT_A_TIME));
        assertEquals("får inte innehålla användarnamn eller lösenord (det som står före @ i adressen): alla som läser inlägget skulle få dem",
                Swedish.message("image.url", PostRules.URL_WITH_CREDENTIALS));
        assertEquals("måste vara en giltig webbadress: portnumret efter kolonet måste vara ett tal från 1 till 65\u00A0535",
                Swedish.message("image.url", PostRules.URL_WITH_NO_SUCH_PORT));
        assertEquals("får inte länka till eller visa en adress med användarnamn eller lösenord (det som står före @ i adressen): alla som "
                + "läser inlägget skulle få dem. Ta bort dem ur adressen till intra.example",
                Swedish.message("body", PostRules.LINK_WITH_CREDENTIALS + "intra.example"), "the host named as it is");
    }

    @Test
    void errorsOfTheRulesMapToTheFormsFields() {
        assertEquals("authorName", WriteForm.fieldOf(new FieldError("author.name", "x")));
        assertEquals("tags", WriteForm.fieldOf(new FieldError("tags[3]", "x")));
        assertEquals("imageCaption", WriteForm.fieldOf(new FieldError("image.caption", "x")));
    }

    @Test
    void theFeedIsWellFormedAtomWithOneEntryPerPost() throws Exception {
        String xml = AtomFeed.of("Inlägg", "https://blogg.example.se/feed.xml", "https://blogg.example.se/", "https://blogg.example.se",
                List.of(post("Rubrik " + HOSTILE, "Text **fet**")));
        Document doc = parsed(xml);
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
        assertEquals("<figure><img src=\"https://bilder.example.se/a.jpg\" alt=\"Två personer vid ett bord\">"
                + "<figcaption>Foto: Åsa Öberg</figcaption></figure>\n<p>Text <strong>fet</strong></p>\n", text(entry, "content"),
                "the whole post: its picture, then its text");
        var links = entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link");
        assertEquals("enclosure", ((Element) links.item(1)).getAttribute("rel"));
        assertEquals("https://bilder.example.se/a.jpg", ((Element) links.item(1)).getAttribute("href"));
        assertEquals("https://bilder.example.se/a.jpg", ((Element) entry.getElementsByTagNameNS("http://search.yahoo.com/mrss/", "content")
                .item(0)).getAttribute("url"));
        assertEquals("https://blogg.example.se/posts/att-gastspela-som-chef",
                ((Element) entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link").item(0)).getAttribute("href"));
        assertEquals(2, entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "category").getLength());
    }

    @Test
    void anUploadedPictureAndAScheduledPostAreDescribedAsReadersAndPreviewsNeedThem() throws Exception {
        // An uploaded picture ("/images/…") goes into og:image, JSON-LD and the feed as an absolute address, which
        // link previews can fetch, and a post scheduled ahead does not say it was modified (when it was last saved)
        // before it was published.
        var summary = new PostSummary("5ad2042c-f7f5-47ac-98da-d4ede0d324ab", "schemalagt", "Schemalagt", "Ingress",
                new Byline("Åsa Öberg", Optional.empty(), Optional.empty()), List.of(new Tag("frivard", "Frivård")),
                Optional.of(new Image("/images/abcdefghijklmnopqrstuvwxyz.jpg", "Kontoret", Optional.empty())), Status.PUBLISHED,
                Instant.parse("2026-11-20T09:00:00Z"), true, Instant.parse("2026-11-19T15:30:00Z"), 2, "author-1");
        Post post = new Post(summary, "Text.", "<p>Text.</p>");
        String base = "https://blogg.example.se";
        String picture = base + "/images/abcdefghijklmnopqrstuvwxyz.jpg";

        Frame frame = Frame.shared("Schemalagt", "Ingress", PostPageHandler.sharing(summary, base), List.of(), Optional.empty());
        String html = Templates.render(out -> JtepostGenerated.render(out, null, frame, Views.post(post, STOCKHOLM, NOW), null));
        assertTrue(html.contains("<meta property=\"og:image\" content=\"" + picture + "\">"), html);
        assertTrue(html.contains("<meta property=\"article:modified_time\" content=\"2026-11-20T09:00:00Z\">"), html);
        assertTrue(html.contains("<img src=\"/images/abcdefghijklmnopqrstuvwxyz.jpg\""), "the page itself links its own picture as before");
        assertFalse(html.contains("og:image:width"), "no size where none was read");

        // Found by a markup probe: the size the site read from the file went to no preview, which then showed no large
        // picture on a link's first share; and a picture too small for a large card was given one.
        // X's least for a large card is 300 by 157: a picture of just that size gets one, one a pixel short either way does not.
        for (var size : List.of(new Image.Size(1200, 630), new Image.Size(120, 90), new Image.Size(300, 157), new Image.Size(299, 630),
                new Image.Size(1200, 156))) {
            var sized = new PostSummary(summary.id(), summary.slug(), summary.title(), summary.excerpt(), summary.author(), summary.tags(),
                    Optional.of(new Image("/images/abcdefghijklmnopqrstuvwxyz.jpg", "Kontoret", Optional.empty(), Optional.of(size))),
                    summary.status(), summary.publishedAt(), true, summary.updatedAt(), 2, "author-1");
            Frame shared = Frame.shared("Schemalagt", "Ingress", PostPageHandler.sharing(sized, base), List.of(), Optional.empty());
            String page = Templates.render(out -> JtepostGenerated.render(out, null, shared, Views.post(new Post(sized, "Text.", "<p>Text.</p>"),
                    STOCKHOLM, NOW), null));
            assertTrue(page.contains("<meta property=\"og:image:width\" content=\"" + size.width() + "\">\n<meta property=\"og:image:height\" content=\""
                    + size.height() + "\">"), page);
            assertTrue(page.contains("<meta name=\"twitter:card\" content=\"" + (size.width() >= 300 && size.height() >= 157 ? "summary_large_image" : "summary") + "\">"), page);
        }
        Matcher ld = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertTrue(ld.find(), html);
        @SuppressWarnings("unchecked")
        Map<String, Object> posting = (Map<String, Object>) Json.read(ld.group(1));
        assertEquals(List.of(picture), posting.get("image"));
        assertEquals("2026-11-20T09:00:00Z", posting.get("dateModified"));

        String xml = AtomFeed.of("Inlägg", base + "/feed.xml", base + "/", base, List.of(post));
        Document doc = parsed(xml);
        Element entry = (Element) doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").item(0);
        assertEquals("2026-11-20T09:00:00Z", text(entry, "updated"), "not before its publication");
        assertEquals("2026-11-20T09:00:00Z", text(doc.getDocumentElement(), "updated"), "the feed moved on when the post appeared");
        assertEquals(picture, ((Element) entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link").item(1)).getAttribute("href"));
        assertEquals(picture, ((Element) entry.getElementsByTagNameNS("http://search.yahoo.com/mrss/", "content").item(0)).getAttribute("url"));
        assertTrue(text(entry, "content").startsWith("<figure><img src=\"" + picture + "\""), text(entry, "content"));
        assertEquals("image/jpeg", ((Element) entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link").item(1)).getAttribute("type"),
                "the type the upload was checked to be");
        assertEquals("image/jpeg", ((Element) entry.getElementsByTagNameNS("http://search.yahoo.com/mrss/", "content").item(0))
                .getAttribute("type"));
        // The site's icon for the feed, and the author's page.
        assertEquals(base + "/favicon.ico", text(doc.getDocumentElement(), "icon"));
        assertEquals(base + "/people/asa-oberg", text((Element) entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "author").item(0), "uri"));
    }

    /**
     * A feed's own updated time is its latest change, which need not be its newest post's: an older post edited since moves
     * the feed on, so a reader that compares it with what it last saw fetches the edit.
     */
    @Test
    void aFeedIsUpdatedWhenAnyOfItsPostsLastChanged() throws Exception {
        var s = post("Nytt", "Text").summary();
        var newest = new PostSummary("0c5e0c43-5a47-4f10-9d3b-0a4c6c35d0b1", "nytt", "Nytt", s.excerpt(), s.author(), s.tags(), s.image(),
                s.status(), Instant.parse("2026-11-20T09:00:00Z"), true, Instant.parse("2026-11-20T09:00:00Z"), 1, s.authorId());
        var editedSince = new PostSummary(s.id(), "gammalt", "Gammalt", s.excerpt(), s.author(), s.tags(), s.image(), s.status(),
                Instant.parse("2026-10-01T09:00:00Z"), true, Instant.parse("2026-11-21T14:30:00Z"), 4, s.authorId());
        String base = "https://blogg.example.se";
        Document doc = parsed(AtomFeed.of("Inlägg", base + "/feed.xml", base + "/", base,
                List.of(new Post(newest, "Text", "<p>Text</p>"), new Post(editedSince, "Text", "<p>Text</p>"))));
        assertEquals("2026-11-21T14:30:00Z", text(doc.getDocumentElement(), "updated"));
        Element older = (Element) doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").item(1);
        assertEquals("2026-10-01T09:00:00Z", text(older, "published"), "published when it first appeared, not when edited");
        assertEquals("2026-11-21T14:30:00Z", text(older, "updated"));
    }

    /**
     * A feed with no entry that said it was updated "now" would be another feed at each reading, with another tag, and a
     * reader polling it would never get a 304. It says one time, whenever it is read.
     */
    @Test
    void anEmptyFeedSaysTheSameEachTimeItIsRead() throws Exception {
        String base = "https://blogg.example.se";
        String empty = AtomFeed.of("Inlägg", base + "/feed.xml", base + "/", base, List.of());
        assertEquals("1970-01-01T00:00:00Z", text(parsed(empty).getDocumentElement(), "updated"), "a fixed time, which valid Atom needs");
    }

    /**
     * A category, a person and an office of one name make three feeds, which a reader's list of feeds must tell apart.
     * Each says what it follows; its page's head titles its link the same.
     */
    @Test
    void feedsOfOneNameSayWhatTheyFollow() {
        Facet category = Facet.category(Tag.named("Frivården Malmö"));
        Facet person = Facet.person("Frivården Malmö").orElseThrow();
        Facet office = Facet.office("Frivården Malmö").orElseThrow();
        assertEquals("Inlägg i kategorin Frivården Malmö", FeedHandler.title(category));
        assertEquals("Inlägg av Frivården Malmö", FeedHandler.title(person));
        assertEquals("Inlägg från Frivården Malmö", FeedHandler.title(office));
        for (Facet f : List.of(category, person, office)) {
            assertEquals(FeedHandler.title(f), FeedHandler.link(f).orElseThrow().asTitle(), "the head's link titled as the feed is");
        }
        assertEquals("Prenumerera på inlägg i kategorin Frivården Malmö", "Prenumerera på " + FeedHandler.link(category).orElseThrow().text());
        assertEquals(Optional.empty(), FeedHandler.link(Facet.month(YearMonth.of(2019, 1))), "a month has no feed");
    }

    /**
     * The feed of a category named with markup characters ("Fika & prat") carries its name as text in its title: an "&"
     * left as it is makes the whole feed one no reader can parse.
     */
    @Test
    void aFeedOfACategoryNamedWithMarkupCharactersIsTitledWithThemAsText() throws Exception {
        Facet category = Facet.category(Tag.named("Fika & <prat> på Åkersberg"));
        String base = "https://blogg.example.se";
        Document doc = parsed(AtomFeed.of(FeedHandler.title(category), base + category.path() + "/feed.xml", base + category.path(), base,
                List.of(post("Fika", "Text"))));
        assertEquals("Inlägg i kategorin Fika & <prat> på Åkersberg", text(doc.getDocumentElement(), "title"));
    }

    /**
     * A byline's name, a category and a picture's words may hold markup characters ("Fika & prat", a name pasted with
     * "<"); the feed carries them as the text they are, so one such category does not make the whole feed unreadable.
     */
    @Test
    void aFeedKeepsMarkupInANameACategoryAndAPicturesWordsAsText() throws Exception {
        var s = post("Månadsmöte", "Text").summary();
        var summary = new PostSummary(s.id(), s.slug(), s.title(), s.excerpt(), new Byline("Åsa " + HOSTILE + " & \"Öberg\"", Optional.empty(),
                Optional.empty()), List.of(Tag.named("Fika & <b>prat</b> \"x\"")),
                Optional.of(new Image("https://bilder.example.se/a.jpg", "Alt " + HOSTILE + " & \"x\"", Optional.of("Foto " + HOSTILE))),
                s.status(), s.publishedAt(), s.dated(), s.updatedAt(), s.version(), s.authorId());
        String base = "https://blogg.example.se";
        Document doc = parsed(AtomFeed.of("Inlägg", base + "/feed.xml", base + "/", base, List.of(new Post(summary, "Text", "<p>Text</p>"))));
        Element entry = (Element) doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").item(0);
        assertEquals("Åsa " + HOSTILE + " & \"Öberg\"", text(entry, "name"), "the name as text, not markup");
        assertEquals("Fika & <b>prat</b> \"x\"", ((Element) entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "category")
                .item(0)).getAttribute("label"), "the category as text");
        assertEquals("Alt " + HOSTILE + " & \"x\"", entry.getElementsByTagNameNS("http://search.yahoo.com/mrss/", "description").item(0)
                .getTextContent(), "the alt text as text");
        String content = text(entry, "content");
        assertTrue(content.contains("alt=\"Alt &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &quot;x&quot;\""),
                content);
        assertTrue(content.contains("<figcaption>Foto &lt;script&gt;"), content);
        assertFalse(content.contains("<script>"), content);
    }

    /** A title pasted with a right-to-left override left open does not turn what a feed reader shows after it. */
    @Test
    void aFeedKeepsTheDirectionOfATitleANameAndACategoryToThemselves() throws Exception {
        Post plain = post("Månadsmöte", "Text");
        var s = plain.summary();
        var summary = new PostSummary(s.id(), s.slug(), "Möte \u202Eoh", s.excerpt(), new Byline("Dana \u202Eleviv", Optional.empty(),
                Optional.empty()), List.of(Tag.named("Ytter\u202Eöv")), s.image(), s.status(), s.publishedAt(), s.dated(), s.updatedAt(),
                s.version(), s.authorId());
        String base = "https://blogg.example.se";
        Document doc = parsed(AtomFeed.of("Inlägg", base + "/feed.xml", base + "/", base, List.of(new Post(summary, "Text", "<p>Text</p>"), plain)));
        var entries = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        Element entry = (Element) entries.item(0);
        assertEquals("\u2066Möte \u202Eoh\u202C\u2069", text(entry, "title"), "closed, in an isolate of its own");
        assertEquals("\u2066Dana \u202Eleviv\u202C\u2069", text(entry, "name"));
        assertEquals("\u2066Ytter\u202Eöv\u202C\u2069", ((Element) entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "category")
                .item(0)).getAttribute("label"));
        assertEquals("Månadsmöte", text((Element) entries.item(1), "title"), "a title typed the usual way is as typed");
    }

    /**
     * The summary comes before the picture's alt text, which feedparser would take for it, and links the author wrote
     * relative to the site are made absolute, which feed readers that ignore xml:base need.
     */
    @Test
    void aFeedEntrysSummaryComesFirstAndItsLinksNameTheSite() throws Exception {
        Post post = post("Länkar", "Se [kategorin](/tags/frivard), [listan](#lista), [nästa](annat-inlagg), "
                + "[Sök](/sok?q=m%C3%B6te&tag=frivard), [ett annat](https://annan.example/sida) och [skriv](mailto:a@example.se). "
                // java.net.URI resolves these unlike a browser, and an alt text ending in " src=" could hide the next picture.
                + "[Här]() [sidan två](?sida=2) [upp](../../tags/rbm) [hit](/a/../tags/ovrigt) "
                // What java.net.URI refuses and a browser sends encoded is resolved too.
                + "[pipe](/sok?q=a|b) [procent](/sok?q=100%) [vinkel](</a b>) [snett](/a\\b) [fråga](/sok?q=a\\b)\n\n"
                + "![Karta](/images/karta.png) ![bild src=](https://annan.example/a.png) ![Plan](plan.png) ![Halv](/bild?x=50%)");
        String base = "https://blogg.example.se";
        Element entry = (Element) parsed(AtomFeed.of("Inlägg", base + "/feed.xml", base + "/", base, List.of(post))).getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").item(0);

        List<String> order = new ArrayList<>();
        for (var n = entry.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                order.add(e.getLocalName() + (e.hasAttribute("rel") ? "/" + e.getAttribute("rel") : ""));
            }
        }
        assertTrue(order.indexOf("summary") < order.indexOf("link/enclosure") && order.indexOf("summary") < order.indexOf("content")
                && order.indexOf("link/enclosure") < order.indexOf("content"), order.toString());
        assertEquals("Ingress & mer", text(entry, "summary"));
        assertEquals("", ((Element) entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link").item(1)).getAttribute("type"),
                "a picture elsewhere: no type is known");

        String content = text(entry, "content");
        String page = base + "/posts/att-gastspela-som-chef";
        for (String link : List.of(base + "/tags/frivard", page + "#lista", base + "/posts/annat-inlagg",
                base + "/sok?q=m%C3%B6te&amp;tag=frivard", "https://annan.example/sida", "mailto:a@example.se", page, page + "?sida=2",
                base + "/tags/rbm", base + "/tags/ovrigt", base + "/sok?q=a%7Cb", base + "/sok?q=100%25", base + "/a%20b", base + "/a/b", base + "/sok?q=a%5Cb")) {
            assertTrue(content.contains("href=\"" + link + "\""), link + " in " + content);
        }
        for (String picture : List.of(base + "/images/karta.png", "https://annan.example/a.png", base + "/posts/plan.png", base + "/bild?x=50%25")) {
            assertTrue(content.contains("src=\"" + picture + "\""), picture + " in " + content);
        }
        assertFalse(content.contains("=\"/"), "no address left relative to the site: " + content);
    }

    /**
     * Twenty posts at the length limit written in markup would be a 16 MB feed, past the 6 MB a Lambda
     * function may answer: the feed keeps every post, and the whole text of as many as fit.
     */
    @Test
    void aFeedOfLongPostsInMarkupStaysWithinWhatLambdaMayAnswerAndKeepsEveryPost() throws Exception {
        Post template = post("Tecken", "x");
        String markup = "&lt;".repeat(PostRules.MAX_BODY_CHARS);
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            var s = template.summary();
            posts.add(new Post(new PostSummary(UUID.nameUUIDFromBytes(new byte[] {(byte) i}).toString(), "tecken-" + i,
                    "Tecken " + i, s.excerpt(), s.author(), s.tags(), s.image(), s.status(), s.publishedAt(), s.dated(), s.updatedAt(),
                    s.version(), s.authorId()), "", "<p>" + markup + "</p>"));
        }
        String xml = AtomFeed.of("Inlägg", "https://blogg.example.se/feed.xml", "https://blogg.example.se/", "https://blogg.example.se",
                posts);
        int bytes = xml.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes < 5_000_000, "a feed of " + bytes + " bytes");
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // The JDK's parser stops at 100,000 characters of escapes in one text by default; a feed reader's need not.
        factory.setAttribute("jdk.xml.maxGeneralEntitySizeLimit", "0");
        factory.setAttribute("jdk.xml.totalEntitySizeLimit", "0");
        factory.setAttribute("jdk.xml.entityExpansionLimit", "0");
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(20, doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength(), "every post");
        assertEquals(20, countInEntries(doc, "summary"), "each with its summary");
        int whole = countInEntries(doc, "content");
        assertTrue(whole >= 1 && whole < 20, whole + " entries with their whole text");
        Element first = (Element) doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").item(0);
        assertTrue(text(first, "content").endsWith(markup + "</p>"), "the newest whole");
    }

    private static int countInEntries(Document doc, String name) {
        var entries = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        int n = 0;
        for (int i = 0; i < entries.getLength(); i++) {
            n += ((Element) entries.item(i)).getElementsByTagNameNS("http://www.w3.org/2005/Atom", name).getLength();
        }
        return n;
    }

    /** An Atom feed (or any XML) as a namespace-aware parser reads it: it throws if the text is no well-formed XML. */
    static Document parsed(String xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS("http://www.w3.org/2005/Atom", name).item(0).getTextContent();
    }

    /**
     * A picture's alt text or caption changed in another tab is listed by a conflict, so "Spara min version ändå" does not
     * put the old words back unsaid.
     */
    @Test
    void aConflictListsAPicturesWordsChangedElsewhere() {
        var stored = Map.of("title", "T", "body", "B", "authorName", "Åsa", "imageUrl", "/images/a.png", "imageAlt", "Julbord i Ystad",
                "imageCaption", "Foto: Åsa");
        var typed = new HashMap<>(stored);
        typed.putAll(Map.of("imageAlt", "Bord", "imageCaption", ""));
        assertEquals(List.of("Bildens alt-text: sparat ”Julbord i Ystad”, i ditt formulär ”Bord”",
                "Bildtext: sparat ”Foto: Åsa”, i ditt formulär inget"), WriteForm.differences(stored, typed, SITE_TIME::parse, true));
    }

    /** Neither a space typed after a name nor an undated draft's date left empty is a difference a conflict lists. */
    @Test
    void aConflictListsNoSpacingNorAnUndatedDraftsEmptyDate() {
        var stored = Map.of("title", "T", "body", "B", "authorName", "Åsa Öberg", "authorOffice", "Ystad", "publishedAt", "");
        var typed = Map.of("title", "T", "body", "Annan", "authorName", "Åsa Öberg ", "authorOffice", " Ystad", "publishedAt", "");
        assertEquals(List.of(), WriteForm.differences(stored, typed, SITE_TIME::parse, false));
    }
}
