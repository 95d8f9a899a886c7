package se.inlagg.web;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import se.inlagg.config.Settings;
import se.inlagg.posts.DirectionControls;

/**
 * What the layout around every page needs: the page's own title and description, how it presents
 * itself when shared (its canonical address, Open Graph and JSON-LD), the feeds it offers, who is
 * signed in (if anyone), whether search engines may index it (previews, forms and search results:
 * no), what the search box shows, and whether it holds what an author typed (a form given back), whose every link
 * away then opens a new tab. Pages make theirs through {@link #shared} or {@link #unlisted}.
 */
public record Frame(String title, String description, Optional<Sharing> sharing, List<Link> feeds,
                    Optional<Viewer> viewer, boolean noindex, String stylesheet, String searchQuery, boolean holdsTyped) {

    public static final String SITE_NAME = "Inlägg";
    /** Open Graph's name for Swedish as written in Sweden. */
    public static final String LOCALE = "sv_SE";

    /**
     * Where the sign-in link of a page holding a signed-out author's text takes its new tab: "Mina inlägg", saying
     * to go back to the text and save it there (a new post's empty form there could be taken for the place to write it again).
     */
    public static final String SIGN_IN_IN_NEW_TAB = PageFunction.signInThen(Notice.after("/drafts", Notice.Done.SIGNED_IN, Optional.empty()));

    /** The setting that names the organisation's accessibility statement (template.yaml's AccessibilityStatementUrl). */
    public static final String ACCESSIBILITY_STATEMENT_URL = "ACCESSIBILITY_STATEMENT_URL";

    /** template.yaml's AllowedPattern of AccessibilityStatementUrl, less its empty value. */
    private static final Pattern STATEMENT_ADDRESS = Pattern.compile("https?://[^/\\s]+(/\\S*)?");

    public Frame {
        feeds = List.copyOf(feeds);
    }

    /**
     * The organisation's accessibility statement (tillgänglighetsredogörelse), which every page's footer links to when the
     * stack names one: DOS-lagen asks one of each public-sector site, easy to find from every page. It is the
     * organisation's to write, so the site links to it rather than holding it. Read as a page is made, one lookup. Taken
     * as the template takes it (its AllowedPattern): an http(s) address with no spaces; anything else is no link, and the
     * template refuses it at deploy. (Checked as a java.net.URI, an address the template takes, with a host of Swedish
     * letters say, would show no link and say nothing.)
     */
    public static Optional<String> accessibilityStatement() {
        return Settings.value(ACCESSIBILITY_STATEMENT_URL).map(String::strip).filter(a -> STATEMENT_ADDRESS.matcher(a).matches());
    }

    /** A page for everyone: indexable when nobody is signed in, with its address and preview. */
    static Frame shared(String title, String description, Sharing sharing, List<Link> feeds, Optional<Viewer> viewer) {
        return new Frame(title, description, Optional.of(sharing), feeds, viewer, false, PageFunction.stylesheetPath(), "", false);
    }

    /** A page that is nobody's to share or index: forms, errors, an author's own lists. */
    static Frame unlisted(String title, Optional<Viewer> viewer) {
        return new Frame(title, "", Optional.empty(), List.of(), viewer, true, PageFunction.stylesheetPath(), "", false);
    }

    /**
     * The same frame titled as a form sent back with problems ("Fel: Skriv – Inlägg"): the title is what a
     * screen reader says first, so its user knows at once that nothing was saved.
     */
    Frame failedIf(boolean failed) {
        return failed ? new Frame("Fel: " + title, description, sharing, feeds, viewer, noindex, stylesheet, searchQuery, holdsTyped) : this;
    }

    /** The same frame, kept out of search engines' indexes (a page of search results). */
    Frame notIndexed() {
        return new Frame(title, description, sharing, feeds, viewer, true, stylesheet, searchQuery, holdsTyped);
    }

    /** The same frame with the search box filled in (the results page shows what was sought). */
    Frame withSearchQuery(String query) {
        return new Frame(title, description, sharing, feeds, viewer, noindex, stylesheet, query, holdsTyped);
    }

    /**
     * The same frame for a page that holds what an author typed (a form sent back, answered to a POST and kept by no
     * cache): every link away from it opens a new tab, for a link followed in this tab leaves the text behind, and the way
     * back is the browser's "Confirm Form Resubmission". An error page's way on (signing in back to a picture
     * whose words the link could not carry) opens a new tab too.
     */
    Frame holdingText() {
        return new Frame(title, description, sharing, feeds, viewer, noindex, stylesheet, searchQuery, true);
    }

    /** "Kategori: Frivård – Inlägg"; the front page is the site's name alone. */
    public String documentTitle() {
        return title.equals(SITE_NAME) ? title : DirectionControls.isolated(title) + " – " + SITE_NAME;
    }

    public Optional<String> canonical() {
        return sharing.map(Sharing::url);
    }

    public String csrf() {
        return viewer.map(Viewer::csrf).orElse("");
    }

    /** The site's icon, under a name that changes with its content (so it may be kept a year). */
    public String icon() {
        return PageFunction.iconPath();
    }
}
