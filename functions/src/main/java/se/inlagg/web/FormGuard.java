package se.inlagg.web;

import java.util.Optional;
import se.inlagg.auth.Sessions;
import se.inlagg.config.Settings;
import se.inlagg.http.HttpRequest;

/**
 * What every author's form must pass before it changes anything: a live session, that session's
 * CSRF token, and a browser that says the form came from this site. Each refusal is said in
 * Swedish, for the page that shows the form again with everything typed.
 */
final class FormGuard {

    static final String SIGNED_OUT =
            "Du är inte inloggad (eller inloggningen har gått ut). Inget sparades. Kopiera det du skrivit, logga in och försök igen.";
    static final String FOREIGN =
            "Formuläret kom inte från den här sidan, eller sidan var för gammal. Inget sparades; skicka formuläret igen.";

    private FormGuard() {
    }

    /** Why this POST may not change anything, or empty when it may. */
    static Optional<String> refusal(HttpRequest request, Optional<Viewer> viewer, FormData form, Settings settings) {
        if (viewer.isEmpty()) {
            return Optional.of(SIGNED_OUT);
        }
        if (!SameOrigin.allows(request, settings) || !Sessions.sameToken(viewer.get().csrf(), form.value("csrf"))) {
            return Optional.of(FOREIGN);
        }
        return Optional.empty();
    }

    /** The version a form was filled in from; a missing or broken one matches no post. */
    static long version(FormData form) {
        String v = form.value("version");
        return v.matches("\\d{1,18}") ? Long.parseLong(v) : -1;
    }
}
