package se.inlagg.web;

import java.util.Arrays;
import java.util.Optional;
import se.inlagg.posts.Status;

/**
 * Which of an author's posts "Mina inlägg" lists: all, the drafts, or those published (scheduled ones included, as a
 * post's own status says "published" from the moment it is scheduled). The address names it as the API does
 * (?status=draft, ?status=published), so a link to an author's drafts can be kept.
 */
public enum Shown {
    ALL("Alla mina", "inlägg", Optional.empty()),
    DRAFTS("Utkast", "utkast", Optional.of(Status.DRAFT)),
    PUBLISHED("Publicerade och schemalagda", "publicerade eller schemalagda inlägg", Optional.of(Status.PUBLISHED));

    private final String name;
    private final String plural;
    private final Optional<Status> status;

    Shown(String name, String plural, Optional<Status> status) {
        this.name = name;
        this.plural = plural;
        this.status = status;
    }

    /** The choice the address names (spaces around it aside, as the API reads it); empty for a value no link makes. */
    static Optional<Shown> of(Optional<String> status) {
        String given = status.map(String::strip).orElse("");
        if (given.isEmpty()) {
            return Optional.of(ALL);
        }
        for (Shown s : values()) {
            if (s.status.map(Status::wire).filter(given::equals).isPresent()) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The list a link or a form names, all when it names none or none a page makes (it only leads back to it). */
    static Shown orAll(Optional<String> status) {
        return of(status).orElse(ALL);
    }

    /** The choices by name, as the page shows them: "Alla mina, Utkast eller Publicerade och schemalagda". */
    static String choices() {
        String all = String.join(", ", Arrays.stream(values()).map(Shown::displayName).toList());
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " eller " + all.substring(last + 2);
    }

    /** The list's value in a form that sends the author back to it ("" for all). */
    public String wire() {
        return status.map(Status::wire).orElse("");
    }

    public String displayName() {
        return name;
    }

    String plural() {
        return plural;
    }

    public Optional<Status> status() {
        return status;
    }

    /** This choice's first page. */
    public String href() {
        return "/drafts" + query();
    }

    /** The query that names this list to a page it leads to ("?status=draft"; none for all). */
    public String query() {
        return status.map(s -> "?status=" + s.wire()).orElse("");
    }

    /** This choice's page from a cursor on. */
    String href(String cursor) {
        return href() + (status.isPresent() ? "&" : "?") + "cursor=" + cursor;
    }
}
