package se.inlagg.posts;

/**
 * The post as the caller last saw it, which a change requires it still to be: a form's version, or
 * the API's If-Match. The service tests it against the post it reads for the change itself, so a
 * conditional change costs no read of its own.
 */
@FunctionalInterface
public interface Seen {

    boolean matches(PostSummary current);

    /** As a form showed it: at this version. */
    static Seen atVersion(long version) {
        return current -> current.version() == version;
    }
}
