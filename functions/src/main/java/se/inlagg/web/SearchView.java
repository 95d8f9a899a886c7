package se.inlagg.web;

import java.util.List;
import java.util.Optional;

/**
 * The search page: what was sought, what came of it in words ("3 inlägg hittades …", or what to do
 * instead), the hits with their snippets, and the ways to the next and previous pages of hits. A search
 * narrowed to a category, a person, an office or a month has a box of its own that keeps to it, and a
 * link to the same words among every post.
 */
public record SearchView(String query, String heading, Optional<String> message, List<Hit> hits, Optional<String> previousHref,
                         Optional<String> nextHref, Optional<SearchWithin> searchWithin, Optional<String> everywhereHref) {

    /** One post found. {@code snippetHtml} is made by search's snippets: escaped text and {@code <mark>} only. */
    public record Hit(String title, String href, String datetime, String date, BylineView byline, String snippetHtml,
                      List<Link> categories) {
    }

    public SearchView {
        hits = List.copyOf(hits);
    }

    public boolean paged() {
        return previousHref.isPresent() || nextHref.isPresent();
    }
}
