package se.inlagg.web;

import java.util.Optional;
import se.inlagg.config.Settings;
import se.inlagg.http.HttpRequest;

/**
 * What every author's form must pass before it changes anything: a live session, that session's
 * CSRF token (or, for the three forms shown with the text kept while signed out, which have none, a
 * browser that vouches for it), and no browser that says the form came from elsewhere (which
 * PageFunction#refusedAtTheDoor refuses before this, showing nothing of it; checked here again so
 * this holds on its own). Each refusal is said in Swedish, for the page that shows the form again
 * with everything typed: a browser of this site's with an old or no token, a signed-out author.
 */
final class FormGuard {

    static final String SIGNED_OUT =
            "Du är inte inloggad (eller inloggningen har gått ut). Inget sparades. Kopiera det du skrivit, logga in och försök igen.";
    /** The three forms that keep what was typed (and the edit form its version), so a save once signed in again works. */
    static final String SIGNED_OUT_TEXT_KEPT =
            "Du är inte inloggad (eller inloggningen har gått ut). Inget sparades, men det du skrivit finns kvar här: logga in i en ny flik och spara sedan här igen.";
    /** A form given back when AWS did not answer for its session: nothing was written yet (HttpFunction.formAgain). */
    static final String NOTHING_SAVED_TEXT_KEPT =
            "Svaret dröjde för länge, så inget sparades. Det du skrev finns kvar här: spara igen om en stund.";
    /** A form given back after a sending AWS gave no answer to (HttpFunction.formAgain). */
    static final String SAVE_AGAIN_SAFELY =
            "Vi fick inte svar i tid, så det är oklart om det sparades. Det du skrev finns kvar här: spara igen, så sparas det en gång, inte två.";
    static final String FOREIGN =
            "Formuläret kom inte från den här sidan, eller sidan var för gammal. Inget sparades; skicka formuläret igen.";

    private FormGuard() {
    }

    /** Why this POST may not change anything, or empty when it may: the session's token is required. */
    static Optional<String> refusal(HttpRequest request, Optional<Viewer> viewer, FormData form, Settings settings) {
        return refusal(request, viewer, form, settings, false);
    }

    /**
     * The same for the three forms a signed-out author gets back with their text (a post's edit form, the new
     * post's form, the profile), which then carry no token: once the author has signed in again in another tab, such a form
     * with no token is taken when the browser says outright that it is this site's (Sec-Fetch-Site, Origin),
     * which no other site's page can make it say. A wrong token is refused as ever.
     */
    static Optional<String> refusalOfTextKept(HttpRequest request, Optional<Viewer> viewer, FormData form, Settings settings) {
        return refusal(request, viewer, form, settings, true);
    }

    private static Optional<String> refusal(HttpRequest request, Optional<Viewer> viewer, FormData form, Settings settings,
                                            boolean tokenlessIfVouched) {
        if (viewer.isEmpty()) {
            return Optional.of(tokenlessIfVouched ? SIGNED_OUT_TEXT_KEPT : SIGNED_OUT);
        }
        String token = form.value("csrf");
        boolean ours = token.isEmpty() && tokenlessIfVouched ? SameOrigin.vouches(request, settings)
                : viewer.get().carriesToken(token);
        if (!SameOrigin.allows(request, settings) || !ours) {
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
