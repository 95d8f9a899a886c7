package se.inlagg.web;

import java.util.List;

/**
 * A page that lists every category, person or office with a post readers may see, each linked to
 * its own list and with how many posts it has.
 */
public record FacetIndexView(String heading, String intro, List<Entry> entries, String emptyText) {

    /** One category, person, office or month, and its number of visible posts. */
    public record Entry(String name, String href, long count) {
        /** "1 inlägg", "12 345 inlägg". */
        public String countText() {
            return Swedish.posts(count);
        }
    }

    public FacetIndexView {
        entries = List.copyOf(entries);
    }
}
