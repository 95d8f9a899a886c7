package se.inlagg.web;

import java.util.List;
import java.util.Optional;

/**
 * "Mina inlägg": an author's posts of every status, or of one ({@link Shown}), newest change first, with what can be
 * done to each. A later page links back to the first (the list reorders as posts change, so there is no page before).
 */
public record MyPostsView(List<Row> posts, Optional<Notice> notice, Optional<String> olderHref, boolean later, String csrf,
                          Shown shown) {

    /** One post: its status in words, when it last changed, and the version its action forms act on. */
    public record Row(String title, String href, String status, String statusClass, String changedDatetime, String changed,
                      long version, boolean visible, boolean published) {
    }

    /**
     * What a choice of list is to a screen reader: "page" where its link is the page shown, "true" for the list shown on a
     * later page (its link leads to the first), nothing for the others.
     */
    public String current(Shown choice) {
        return choice != shown ? null : later ? "true" : "page";
    }

    /** The address of this list's first page. */
    public String firstHref() {
        return shown.href();
    }

    /**
     * What an empty page says. A page of one status reads a bounded part of the list, so it may be empty with older
     * posts still to look through: it says so, where "none" would be untrue.
     */
    public String emptyText() {
        if (olderHref.isPresent()) {
            return "Inga " + shown.plural() + " här. Det kan finnas några bland de äldre inläggen.";
        }
        if (later) {
            return "Inga fler " + shown.plural() + ".";
        }
        return shown == Shown.ALL ? "Du har inga inlägg ännu." : "Du har inga " + shown.plural() + ".";
    }
}
