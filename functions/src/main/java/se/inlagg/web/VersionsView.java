package se.inlagg.web;

import java.util.List;
import java.util.Optional;

/**
 * A post's earlier versions, the newest first, for its author: each with when it was saved, its title then and how many
 * words its text had, which tells apart versions of one title (the one before the text was cut, say).
 *
 * @param older the page of the versions before the last one shown, when there are more
 * @param later whether this page is not the first: a link back to the newest then
 */
public record VersionsView(String title, String href, List<Entry> versions, Optional<String> older, boolean later) {

    public VersionsView {
        versions = List.copyOf(versions);
    }

    /** One version: its page, when it was saved (machine-readable and in Swedish), the title it had and its text's words. */
    public record Entry(String href, String savedDatetime, String saved, String title, int words) {
    }
}
