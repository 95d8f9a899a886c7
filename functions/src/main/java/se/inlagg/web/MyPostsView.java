package se.inlagg.web;

import java.util.List;
import java.util.Optional;

/**
 * "Mina inlägg": an author's posts of every status, newest change first, with what can be done to each.
 * A later page links back to the first (the list reorders as posts change, so there is no page before).
 */
public record MyPostsView(List<Row> posts, Optional<Notice> notice, Optional<String> olderHref, boolean later, String csrf) {

    /** One post: its status in words, when it last changed, and the version its action forms act on. */
    public record Row(String title, String href, String status, String statusClass, String changedDatetime, String changed,
                      long version, boolean visible, boolean published) {
    }
}
