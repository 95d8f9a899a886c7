package se.inlagg.web;

import java.util.List;
import java.util.Optional;

/**
 * What the layout around every page needs: the page's own title and description, its canonical
 * address, the feeds it offers, who is signed in (if anyone), and whether search engines may index
 * it (previews and forms: no).
 */
public record Frame(String title, String description, Optional<String> canonical, List<Link> feeds,
                    Optional<Viewer> viewer, boolean noindex, String stylesheet) {

    public static final String SITE_NAME = "Inlägg";

    public Frame {
        feeds = List.copyOf(feeds);
    }

    /** "Kategori: Frivård – Inlägg"; the front page is the site's name alone. */
    public String documentTitle() {
        return title.equals(SITE_NAME) ? title : title + " – " + SITE_NAME;
    }

    public String csrf() {
        return viewer.map(Viewer::csrf).orElse("");
    }

    /** What the search box shows: empty on every page but the search results. */
    public String searchQuery() {
        return "";
    }
}
