package se.inlagg.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import se.inlagg.auth.Tokens;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.Problem;
import se.inlagg.http.Problems;
import se.inlagg.posts.FieldError;
import se.inlagg.posts.IdempotentRequest;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostDraft;
import se.inlagg.posts.PostRules;
import se.inlagg.posts.PostService;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.Refusal;
import se.inlagg.posts.Sha256;
import se.inlagg.posts.Status;

/**
 * GET and POST /write: the authoring form. It needs a session and the session's CSRF token; every
 * refusal shows the form again with what the author typed. Each form carries an id that serves
 * as its Idempotency-Key, so a double-clicked submit makes one post.
 */
public final class WriteHandler extends PageFunction {

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Optional<Viewer> viewer = viewer(request);
        if (request.method().equals("GET")) {
            // A new post's byline is the author's own profile until they change it.
            return viewer.isPresent() ? newPostForm(request, 200, app().authors().profile(viewer.get().authorId()).map(WriteForm::byline)
                    .orElse(Map.of()), List.of(), Optional.empty(), viewer) : toSignIn(request);
        }
        FormData form = FormData.of(request).pasted(WriteForm.TEXT_AREAS, WriteForm.MARKDOWN);
        Map<String, String> values = WriteForm.typed(form);
        Optional<String> refused = FormGuard.refusalOfTextKept(request, viewer, form, app().settings());
        // The form comes back with its own id, as after every refusal: its first sending may have made the post with the
        // answer lost, and sent again once signed in it must answer that post, not make a second (a new id here would
        // make "…-2" of a post whose answer had not arrived before the session ended).
        // Shown again, it is another showing of the form (FormId): only the page that made a post mends it when sent again.
        Optional<FormId> sent = FormId.of(form);
        String formIdAgain = sent.map(FormId::key).orElseGet(Tokens::newToken);
        // A title its author was asked about (sameTitleJustNow) stays answered through every refusal after it, so it is
        // not asked again.
        Optional<String> sameTitle = sameTitleOf(form);
        if (refused.isPresent()) {
            return newPostForm(request, 403, values, List.of(), refused, viewer, formIdAgain, sameTitle);
        }
        // The fields as sent. PostService tells a repeat by the post they ask for, so a form sent again that says the same
        // post otherwise is the same request; this hash is recorded too, for a version from before that, deployed again.
        var key = sent.map(id -> {
            var asked = new IdempotentRequest(Sha256.hex(id.key()), Sha256.hex(new TreeMap<>(values) + "|" + form.value("action")));
            return id.shown().map(asked::from).orElse(asked);
        });
        PostDraft draft = draftOf(form);
        List<FieldError> noWords = WriteForm.pictureWordsRefused(form, draft, app().posts().time(), Optional.empty());
        if (!noWords.isEmpty()) {
            return newPostForm(request, 400, values, noWords, Optional.empty(), viewer, formIdAgain, sameTitle);
        }
        String authorId = viewer.get().authorId();
        if (!sameTitle.equals(form.get("title"))) {
            Optional<PostSummary> twin = app().posts().sameTitleJustNow(authorId, form.value("title"), key);
            if (twin.isPresent()) {
                // Asked once, with everything typed kept: sent again as it is, it is saved as a post of its own.
                return newPostForm(request, 409, values, List.of(), Optional.of(sameTitleNotice(twin.get())), viewer, formIdAgain,
                        Optional.of(form.value("title")));
            }
        }
        return switch (app().posts().create(draft, authorId, key)) {
            case Outcome.Done<Post> d -> saved(d.value(), form);
            case Outcome.Refused<Post> r when r.refusal() instanceof Refusal.Unprocessable u
                    && u.rule() == Refusal.Rule.IDEMPOTENCY_KEY_REUSED && key.isPresent() -> sentAgain(request, values, viewer.get(), form, key.get(), formIdAgain);
            // The form comes back with its own id: if it made a post already (back, mended, and now refused for a rule),
            // put right it changes that post rather than make a second; if not, the id has made nothing yet to clash with.
            case Outcome.Refused<Post> r -> refused(request, values, viewer, r.refusal(), formIdAgain, sameTitle);
        };
    }

    /** The form again, with what was typed and its own id: sent again, it answers the post its first sending made, if any. */
    @Override
    protected Optional<HttpResponse> formAgain(HttpRequest request, Problem problem) {
        return sent(request).map(sent -> givenBack(newPostForm(request, problem.status(), WriteForm.typed(sent.form()), List.of(),
                Optional.of(sent.notice(problem)), sent.viewer(),
                FormId.of(sent.form()).map(FormId::key).orElseGet(Tokens::newToken), sameTitleOf(sent.form())), problem));
    }

    /**
     * Where a saved form goes: the post, saying what was done to it (published, scheduled or saved as a draft), its
     * preview ("Spara som utkast och förhandsgranska"), or its picture's page ("Spara som utkast och välj bild…": the
     * bucket takes the file, so the draft is saved first).
     */
    private HttpResponse saved(Post post, FormData form) {
        String path = Views.postPath(post.slug());
        Notice.Done done = Notice.stateOf(post.summary(), app().posts().time().now());
        return HttpResponse.seeOther(switch (form.value("action")) {
            case "image" -> ImageUploadPageHandler.pageFor(post.slug(), form);
            // Said in the preview's bar, as the edit form's save is: the author sees the draft was kept before reading it.
            case "preview" -> Notice.after(path + "/preview", done, Optional.empty());
            default -> Notice.after(path, done, Optional.empty());
        });
    }

    /**
     * This form made a post already and comes again with other words. Sent from the very page that made the post (its
     * author went back from the post, mended a typo and sent it again), the post is changed to what the form says now, if
     * nothing changed it since. Sent from any other showing of the form, it may hold older text than the post: a page the
     * form was refused on, reloaded after the post was made, whose older text must not replace the published post's
     * unsaid. Then, as when the post changed since, the author's text comes back in the
     * post's edit form beside the post as stored, and saving it over the post is a choice made with both in view. With
     * both its title and its text other than the post's, it is another post written in the form, which the next click
     * saves as one.
     */
    private HttpResponse sentAgain(HttpRequest request, Map<String, String> values, Viewer viewer, FormData form, IdempotentRequest key,
                                   String formId) {
        Optional<PostService.Made> made = app().posts().madeBy(viewer.authorId(), key);
        if (made.isEmpty()) {
            return newPostForm(request, 409, values, List.of(), Optional.of("Formuläret har redan skickats, och inlägget det gjorde finns inte"
                    + " längre. Det du skrev finns kvar här och kan sparas som ett nytt inlägg."), Optional.of(viewer), Tokens.newToken(),
                    Optional.of(form.value("title")));
        }
        Post post = made.get().post();
        PostDraft draft = mendOf(form, post);
        if (app().posts().alreadySays(post, draft)) {
            // The mended form sent twice (a double click): the post says it already.
            return saved(post, form);
        }
        if (!mended(post, draft)) {
            // Back to the form, and another post written in it, which must not replace the post the form made, published
            // or not, unsaid. That post stays; this one is saved as a new post at the next click.
            // The notice says what sending again does, so the title it has is not asked about once more (sameTitleJustNow).
            return newPostForm(request, 409, values, List.of(), Optional.of("Formuläret har redan sparats som inlägget "
                    + Views.quotedAtEnd(post.summary().title()) + " Det du skrev nu har en annan rubrik och en annan text, så det inlägget är kvar"
                    + " som det var, och det du skrev finns kvar här: skickar du formuläret igen sparas det som ett nytt inlägg."),
                    Optional.of(viewer), Tokens.newToken(), Optional.of(form.value("title")));
        }
        if (made.get().fromTheSamePage() && post.version() == 1) {
            switch (app().posts().edit(post, draft, viewer.authorId())) {
                case Outcome.Done<Post> d -> {
                    return saved(d.value(), form);
                }
                case Outcome.Refused<Post> r -> {
                    if (!(r.refusal() instanceof Refusal.Stale)) {
                        // Kept: sent again once mended, the form is still the one that made the post, never a second one.
                        return refused(request, values, Optional.of(viewer), r.refusal(), formId, sameTitleOf(form));
                    }
                    // The same mend clicked twice, the other click first: the post says it now.
                    Optional<Post> now = app().posts().createdBy(viewer.authorId(), key);
                    if (now.isPresent() && app().posts().alreadySays(now.get(), draft)) {
                        return saved(now.get(), form);
                    }
                    if (now.isPresent()) {
                        post = now.get();
                    }
                }
            }
        }
        // Beside the post as stored, in its edit form, carrying its version: nothing is saved over it unasked, and sending it
        // again makes no second post.
        return conflict(request, post, values, viewer, SENT_AGAIN_DIFFERS, "Formuläret har redan sparats som inlägget " + Views.quotedAtEnd(post.summary().title())
                + " Det du skickade nu är inte det som sparades, kanske en äldre version av formuläret från webbläsarens bakåtknapp."
                + " Inget har gått förlorat: jämför med det sparade nedan.");
    }

    /** What the post's edit form, shown beside the post a new post's form made, is headed (PageFunction#CHANGED_SINCE_OPENED's twin). */
    static final String SENT_AGAIN_DIFFERS = "Det sparade inlägget och ditt formulär skiljer sig åt";

    /** The title the form's author was asked about and chose to save again (sameTitleJustNow); empty when none. */
    private static Optional<String> sameTitleOf(FormData form) {
        return form.get("sameTitle").filter(t -> !t.isEmpty());
    }

    /** What an author is told who saved a post of this very title just now, and sends a new form with it. */
    static String sameTitleNotice(PostSummary twin) {
        return "Du har nyss sparat ett inlägg med rubriken " + Views.quotedAtEnd(twin.title()) + " Skickar du formuläret igen sparas det här som"
                + " ett nytt inlägg till, med samma rubrik. Ville du i stället ändra det du sparade, välj Redigera vid det under"
                + " Mina inlägg.";
    }

    /**
     * The form sent again as a change of the post it made. A post it published stays published whichever button sent
     * it: back from the post to mend a typo, Enter in a field is "Spara som utkast", which would otherwise take the post
     * off the site (the README says Enter never publishes, and it should not unpublish either), or a post scheduled for
     * later out of its schedule. Taking a post back to a draft is the preview's and "Mina
     * inlägg"'s, which say what it does. A scheduled post whose date the form empties follows the button: kept published,
     * the empty date would publish it at once, from a button saying draft.
     */
    private PostDraft mendOf(FormData form, Post made) {
        var now = app().posts().time().now();
        PostSummary s = made.summary();
        boolean keptPublished = s.status() == Status.PUBLISHED && (s.visibleAt(now) || !form.value("publishedAt").isBlank());
        return keptPublished ? draftOf(form).withStatus(Status.PUBLISHED.wire()) : draftOf(form);
    }

    /** Whether the form sent again mends the post it made (its title or its text as they were), not another post. */
    private static boolean mended(Post made, PostDraft draft) {
        // Each as the rules store it (composed; a title without hints of a line break), so one sent with a soft hyphen matches.
        return draft.title().map(PostRules::storedTitle).filter(made.summary().title()::equals).isPresent()
                || draft.body().map(b -> PostRules.asStored(b, true).strip()).filter(made.body().strip()::equals).isPresent();
    }

    /** The form again, with the refusal said in Swedish where it belongs, carrying this form id and the title it was asked about. */
    private HttpResponse refused(HttpRequest request, Map<String, String> values, Optional<Viewer> viewer, Refusal refusal, String formId,
                                 Optional<String> sameTitle) {
        Problem problem = Problems.of(refusal);
        List<FieldError> errors = switch (refusal) {
            case Refusal.Invalid i -> i.errors();
            case Refusal.Unprocessable u -> WriteForm.fieldErrorsOf(u);
            default -> List.of();
        };
        Optional<String> notice = switch (refusal) {
            case Refusal.Invalid i -> Optional.empty();
            case Refusal.Unprocessable u -> Optional.of(u.rule().swedish());
            case Refusal.Forbidden f -> Optional.of(f.swedish());
            default -> Optional.of(problem.swedish());
        };
        HttpResponse form = newPostForm(request, problem.status(), values, errors, notice, viewer, formId, sameTitle);
        return refusal instanceof Refusal.TryLater t ? form.withRetryAfter(t.retryAfter()) : form;
    }

    /** The tags field as the rules get it: one tag between each comma, blanks skipped. */
    static List<String> tagsTyped(String field) {
        return tagsTyped(field, List.of());
    }

    /**
     * The categories typed, separated by commas, where a name in {@code whole} that has commas of its own (a category an
     * API client made, which the edit form shows as it is among the others) is one category where it stands whole between
     * the separators: saved unchanged, the form would otherwise split it into categories nobody made.
     */
    static List<String> tagsTyped(String field, List<String> whole) {
        List<String> parts = Arrays.asList(field.split(",", -1));
        List<String> tags = new ArrayList<>();
        for (int at = 0; at < parts.size(); ) {
            String tag = parts.get(at);
            int taken = 1;
            for (String name : whole) {
                int commas = (int) name.chars().filter(c -> c == ',').count();
                if (commas > 0 && at + commas < parts.size()) {
                    String joined = String.join(",", parts.subList(at, at + commas + 1));
                    if (joined.strip().equals(name.strip())) {
                        tag = joined;
                        taken = commas + 1;
                        break;
                    }
                }
            }
            if (!tag.isBlank()) {
                tags.add(tag);
            }
            at += taken;
        }
        return List.copyOf(tags);
    }

    /** The form as a draft; words typed for a picture about to be uploaded go to the upload, not on the post (WriteForm#wordsForUpload). */
    static PostDraft draftOf(FormData form) {
        List<String> tags = tagsTyped(form.value("tags"));
        boolean forUpload = WriteForm.wordsForUpload(form);
        return new PostDraft(form.get("title"), form.get("body"), form.get("authorName"), form.get("authorRole"),
                form.get("authorOffice"), tags, form.get("publishedAt"), form.get("imageUrl"),
                forUpload ? Optional.empty() : form.get("imageAlt"), forUpload ? Optional.empty() : form.get("imageCaption"), form.get("excerpt"),
                Optional.of(form.value("action").equals("publish") ? "published" : "draft"));
    }
}
