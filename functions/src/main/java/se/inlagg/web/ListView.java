package se.inlagg.web;

import java.util.List;
import java.util.Optional;

/**
 * A page of a list of posts: its heading, the posts, the ways to the older and the newer pages, and on the list
 * of a category, a person, an office or a month, a box that searches its posts.
 */
public record ListView(String heading, List<Card> cards, Optional<String> olderHref, Optional<String> newerHref, String emptyText,
                       Optional<SearchWithin> searchWithin) {

    /** Whether the page has anywhere to go: the pager is left out otherwise. */
    public boolean paged() {
        return olderHref.isPresent() || newerHref.isPresent();
    }
}
