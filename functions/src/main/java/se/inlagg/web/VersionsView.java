package se.inlagg.web;

import java.util.List;
import java.util.Optional;

/**
 * A post's earlier versions, the newest first, for its author: each with when it was saved and its title then.
 *
 * @param older the page of the versions before the last one shown, when there are more
 * @param later whether this page is not the first: a link back to the newest then
 */
public record VersionsView(String title, String href, List<Entry> versions, Optional<String> older, boolean later) {

    public VersionsView {
        versions = List.copyOf(versions);
    }

    /** One version: its page, when it was saved (machine-readable and in Swedish) and the title it had. */
    public record Entry(String href, String savedDatetime, String saved, String title) {
    }
}
