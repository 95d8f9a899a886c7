package se.inlagg.local.runtime;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.inlagg.auth.Tokens;
import se.inlagg.posts.Slugs;

/**
 * What the events name and a replay must make exist first, read from the events themselves so the
 * files stay the only copy: author tokens (the authorizer's identity source, Authorization headers,
 * the sign-in form's token field), the one session (its id in the cookies, its CSRF token in the form
 * bodies) and the posts named by slug, each with the create event that describes it. Tokens keep the
 * order of the files they are first found in.
 */
record EventFixtures(List<String> tokens, Optional<String> sessionId, Optional<String> csrf,
                     Map<String, ReplayEvent> creatorOfSlug) {

    /** The cookie whose value names a session (the name API Gateway sees over https). */
    static final String SESSION_COOKIE = "__Host-inlagg_session";

    /** The route on which a post is made; its event's body describes the post. */
    static final String CREATE_ROUTE = "POST /api/posts";

    static EventFixtures of(List<ReplayEvent> events) {
        Set<String> tokens = new LinkedHashSet<>();
        Set<String> sessions = new LinkedHashSet<>();
        Set<String> csrfs = new LinkedHashSet<>();
        Set<String> slugs = new LinkedHashSet<>();
        Map<String, ReplayEvent> creates = new LinkedHashMap<>();
        for (ReplayEvent e : events) {
            e.json().path("identitySource").forEach(v -> Tokens.fromBearer(v.asText()).ifPresent(tokens::add));
            e.header("authorization").flatMap(Tokens::fromBearer).ifPresent(tokens::add);
            var form = e.formFields();
            if (form.containsKey("token")) {
                tokens.add(form.get("token"));
            }
            // Only the session's cookie names a session; the sign-in form's token cookie and its csrf
            // field are a pair of their own that the event carries whole.
            boolean inSession = false;
            for (var c : e.json().path("cookies")) {
                if (c.asText().startsWith(SESSION_COOKIE + "=")) {
                    sessions.add(c.asText().substring(SESSION_COOKIE.length() + 1));
                    inSession = true;
                }
            }
            if (inSession && form.containsKey("csrf")) {
                csrfs.add(form.get("csrf"));
            }
            if (e.json().path("pathParameters").has("slug")) {
                slugs.add(e.json().path("pathParameters").path("slug").asText());
            }
            if (e.route().filter(r -> r.key().equals(CREATE_ROUTE)).isPresent()) {
                creates.put(Slugs.forTitle(Json.read(e.body()).path("title").asText()), e);
            }
        }
        Map<String, ReplayEvent> creatorOfSlug = new LinkedHashMap<>();
        for (String slug : slugs) {
            ReplayEvent creator = creates.get(slug);
            if (creator == null) {
                throw new IllegalStateException("events/ name the post \"" + slug + "\", but no " + CREATE_ROUTE
                        + " event describes a post with that slug, so the replay cannot make it");
            }
            creatorOfSlug.put(slug, creator);
        }
        return new EventFixtures(List.copyOf(tokens), one("session cookie", sessions), one("CSRF token", csrfs),
                Map.copyOf(creatorOfSlug));
    }

    private static Optional<String> one(String what, Set<String> values) {
        if (values.size() > 1) {
            throw new IllegalStateException("events/ carry " + values.size() + " different " + what + "s " + values
                    + "; the replay seeds one session, so they must all be the same");
        }
        return values.stream().findFirst();
    }
}
