package se.inlagg.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.inlagg.auth.Tokens;
import se.inlagg.http.Caching;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.Problem;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;
import se.inlagg.posts.Byline;
import se.inlagg.posts.FieldError;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.PostRules;
import se.inlagg.posts.Refusal;
import se.inlagg.web.templates.JteformGenerated;

/**
 * GET and POST /profile: the signed-in author's own name, role and office, which fill the byline of
 * every new post they write (a post's byline can still be changed on the post itself).
 */
public final class ProfilePageHandler extends PageFunction {

    /** The profile's fields: the form's name, its label, and the name the rules give its errors. */
    private record Spec(String name, String label, String ruleField, boolean required) {
    }

    private static final List<Spec> FIELDS = List.of(
            new Spec("name", "Namn", "author.name", true),
            new Spec("role", "Roll", "author.role", false),
            new Spec("office", "Kontor", "author.office", false));

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Optional<Viewer> viewer = viewer(request);
        if (request.method().equals("GET")) {
            if (viewer.isEmpty()) {
                return toSignIn(request);
            }
            Byline profile = app().authors().profile(viewer.get().authorId()).orElseThrow(ProfilePageHandler::noAuthor);
            Map<String, String> values = new LinkedHashMap<>();
            values.put("name", profile.name());
            values.put("role", profile.role().orElse(""));
            values.put("office", profile.office().orElse(""));
            return form(request, 200, values, List.of(), Optional.empty(), viewer);
        }
        FormData form = FormData.of(request).pasted(Set.of(), Set.of());
        Map<String, String> typed = new LinkedHashMap<>();
        FIELDS.forEach(f -> typed.put(f.name(), form.value(f.name())));
        // As the post's forms: signed out, the form comes back with what was typed and no token, and is taken once signed in
        // again if the browser vouches for it, not refused once more for its empty token.
        Optional<String> refused = FormGuard.refusalOfTextKept(request, viewer, form, app().settings());
        if (refused.isPresent()) {
            return form(request, 403, typed, List.of(), refused, viewer);
        }
        return switch (PostRules.checkByline(form.get("name"), form.get("role"), form.get("office"))) {
            case Outcome.Refused<Byline> r -> form(request, 400, typed, ((Refusal.Invalid) r.refusal()).errors(), Optional.empty(), viewer);
            case Outcome.Done<Byline> d -> {
                if (!app().authors().saveProfile(viewer.get().authorId(), d.value(), app().posts().time().now())) {
                    throw noAuthor();
                }
                yield HttpResponse.seeOther(Notice.after("/profile", Notice.Done.PROFILE, Optional.empty()));
            }
        };
    }

    /** The form again, with what was typed: saving a profile twice saves it once. */
    @Override
    protected Optional<HttpResponse> formAgain(HttpRequest request, Problem problem) {
        return sent(request).map(sent -> {
            Map<String, String> typed = new LinkedHashMap<>();
            FIELDS.forEach(f -> typed.put(f.name(), sent.form().value(f.name())));
            return givenBack(form(request, problem.status(), typed, List.of(), Optional.of(sent.notice(problem)), sent.viewer()), problem);
        });
    }

    private static ProblemException noAuthor() {
        return new ProblemException(Problems.forbidden("The signed-in author no longer exists.", "Ditt skribentkonto finns inte längre. Kontakta den som sköter bloggen."));
    }

    private HttpResponse form(HttpRequest request, int status, Map<String, String> values, List<FieldError> errors,
                              Optional<String> notice, Optional<Viewer> viewer) {
        List<FormView.Field> fields = new ArrayList<>();
        List<Link> summary = new ArrayList<>();
        for (Spec spec : FIELDS) {
            Optional<String> message = errors.stream().filter(e -> e.field().equals(spec.ruleField()))
                    .map(e -> Swedish.message(e.field(), e.message())).findFirst();
            message.ifPresent(m -> summary.add(new Link(spec.label() + ": " + m, "#" + spec.name())));
            fields.add(new FormView.Field(spec.name(), spec.label(), values.get(spec.name()), 1, spec.required(), Optional.empty(), message));
        }
        // "Saved" is a done notice, in green and announced as it gets focus, not the warning a refusal is.
        Optional<Notice> done = status == 200 ? Notice.of(request) : Optional.empty();
        FormView view = new FormView("Min profil", "/profile", fields, notice, "Profilen sparades inte. Rätta det som är markerat:",
                summary, viewer.map(Viewer::csrf).orElse(""), Tokens.newToken(),
                List.of(new FormView.Button("save", "Spara profilen", false)));
        Frame frame = textKept(Frame.unlisted("Min profil", viewer).failedIf(status >= 400), status != 200 || viewer.isEmpty());
        return page(request, status, frame, Templates.render(out -> JteformGenerated.render(out, null, frame, view, done)))
                .withHeader("cache-control", Caching.NO_STORE);
    }
}
