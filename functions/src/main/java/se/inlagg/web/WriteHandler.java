package se.inlagg.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.inlagg.api.ApiRequest;
import se.inlagg.api.ApiResponse;
import se.inlagg.api.Wiring;
import se.inlagg.auth.Sessions;
import se.inlagg.auth.Tokens;
import se.inlagg.posts.FieldError;
import se.inlagg.posts.IdempotentRequest;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostDraft;
import se.inlagg.posts.Refusal;

/**
 * GET and POST /write: the authoring form. It needs a session and the session's CSRF token; every
 * refusal shows the form again with what the author typed. Each form carries an id that serves
 * as its Idempotency-Key, so a double-clicked submit makes one post.
 */
public final class WriteHandler extends PageHandler {

    public WriteHandler() {
        this(Wiring.shared());
    }

    public WriteHandler(Wiring wiring) {
        super(wiring);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Optional<Viewer> viewer = viewer(request);
        if (request.method().equals("GET")) {
            return viewer.isPresent() ? form(request, 200, Map.of(), List.of(), "", viewer) : redirect("/signin");
        }
        FormData form = FormData.of(request);
        Map<String, String> values = new LinkedHashMap<>();
        FormHtml.FIELDS.keySet().forEach(name -> values.put(name, form.value(name)));
        if (viewer.isEmpty()) {
            return form(request, 403, values, List.of(),
                    "Du är inte inloggad (eller inloggningen har gått ut). Inget sparades. Kopiera texten, logga in och försök igen.",
                    viewer);
        }
        if (!Sessions.sameToken(viewer.get().csrf(), form.value("csrf"))) {
            return form(request, 403, values, List.of(), "Formuläret kom inte från den här sidan. Inget sparades; skicka igen.", viewer);
        }
        var draft = draftOf(form);
        var key = form.get("formId").filter(id -> !id.isBlank() && id.length() <= 100)
                .map(id -> new IdempotentRequest(Tokens.sha256(id),
                        Tokens.sha256(new java.util.TreeMap<>(values) + "|" + form.value("action"))));
        return switch (wiring.posts().create(draft, viewer.get().authorId(), key)) {
            case Outcome.Done<Post> d -> redirect("/posts/" + d.value().slug());
            case Outcome.Refused<Post> r -> switch (r.refusal()) {
                case Refusal.Invalid i -> form(request, 400, values, i.errors(), "", viewer);
                case Refusal.Busy b -> form(request, 503, values, List.of(), "Det är fullt just nu. Inget sparades; försök igen om en stund.", viewer);
                case Refusal.Unprocessable u -> form(request, 422, values, List.of(new FieldError(u.field(), u.message())), "", viewer);
                default -> form(request, 409, values, List.of(), "Inlägget kunde inte sparas. Försök igen.", viewer);
            };
        };
    }

    static PostDraft draftOf(FormData form) {
        List<String> tags = Arrays.stream(form.value("tags").split(","))
                .filter(t -> !t.isBlank()).toList();
        return new PostDraft(form.get("title"), form.get("body"), form.get("authorName"), form.get("authorRole"),
                form.get("authorOffice"), tags, form.get("publishedAt"), form.get("imageUrl"), form.get("imageAlt"),
                form.get("imageCaption"), form.get("excerpt"),
                Optional.of(form.value("action").equals("draft") ? "draft" : "published"));
    }

    /** The form with what was typed; without a viewer (signed out) it carries no CSRF token. */
    private ApiResponse form(ApiRequest request, int status, Map<String, String> values, List<FieldError> errors,
                             String notice, Optional<Viewer> viewer) {
        String html = FormHtml.form(values, errors, notice, viewer.map(Viewer::csrf).orElse(""), Tokens.newToken());
        return page(request, status, "Skriv", html, viewer, List.of()).withHeader("cache-control", "no-store");
    }
}
