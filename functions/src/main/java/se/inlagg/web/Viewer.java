package se.inlagg.web;

import se.inlagg.auth.Sessions;

/**
 * A signed-in author looking at a page: who, and the CSRF token of their session, which their forms must carry. Pages
 * carry it masked, new on every page ({@link #csrf}); a form's is checked with {@link #carriesToken}.
 */
public record Viewer(String authorId, String sessionCsrf) {

    /** The token as this page carries it: masked anew each time, so no two pages show the same bytes (Sessions#masked). */
    public String csrf() {
        return Sessions.masked(sessionCsrf);
    }

    /** Whether a form's token is this session's, as any page of it gave it. */
    boolean carriesToken(String given) {
        return Sessions.sameFormToken(sessionCsrf, given);
    }
}
