package se.inlagg.web;

import java.util.List;
import java.util.Optional;

/**
 * One earlier version of a post, as its author wrote it then, and the way to take its words back into the edit form.
 *
 * @param postTitle the post's title now, which the page is about
 * @param restore   the edit form filled in with this version's words
 */
public record VersionView(String postTitle, String href, String savedDatetime, String saved, String replacedDatetime, String replaced,
                          String title, Optional<String> excerpt, List<String> categories, String byline, String bodyHtml,
                          String restore) {

    public VersionView {
        categories = List.copyOf(categories);
    }
}
