package se.inlagg.web;

import java.util.Optional;
import se.inlagg.http.Caching;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.Refusal;
import se.inlagg.posts.Seen;
import se.inlagg.web.templates.JtedeleteGenerated;

/**
 * GET /posts/{slug}/delete asks; POST /posts/{slug}/delete, with the explicit confirm field and the
 * version the author saw, deletes the post with its entries, slug and picture, and goes to "Mina
 * inlägg" with the confirmation. A GET never deletes; a second click finds nothing left to delete.
 */
public final class DeletePageHandler extends PostAuthorPage {

    private static final String CHANGED =
            "Inlägget har ändrats sedan du öppnade sidan, så det togs inte bort. Titta på det igen; vill du fortfarande ta bort det?";

    public DeletePageHandler() {
        super("GET", "delete");
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Optional<Viewer> viewer = viewer(request);
        String slug = slug(request);
        if (request.method().equals("GET")) {
            // From a list of one status ("Utkast"), the answer leads back to it.
            Shown from = Shown.orAll(request.query("status"));
            return viewer.isEmpty() ? toSignIn(request) : confirm(request, 200, viewer.get(), slug, from, Optional.empty());
        }
        FormData form = FormData.of(request);
        Shown from = Shown.orAll(Optional.of(form.value("status")));
        Optional<String> refused = FormGuard.refusal(request, viewer, form, app().settings());
        if (refused.isPresent() && viewer.isEmpty()) {
            // Signed out meanwhile: nothing was deleted; to sign in, and back to the question.
            return toSignInThen(Views.postPath(slug) + "/delete");
        }
        if (refused.isPresent()) {
            // Signed in, from a page of an earlier session (a tab left open): the question again, with this session's form, to
            // send once more, not a page that says to send the form again with no form on it. Another site's form never
            // gets here (PageFunction refuses it at the door, showing nothing). The new form holds the post's version now,
            // so a post changed since the old page is said so, as a stale version is.
            Post post = ownPost(slug, viewer.get());
            boolean changed = post.version() != FormGuard.version(form);
            return confirm(request, 403, viewer.get(), post, from, Optional.of(changed ? CHANGED
                    : "Sidan var för gammal (eller kom inte härifrån), så inlägget togs inte bort. Vill du fortfarande ta bort det?"));
        }
        if (!form.value("confirm").equals("ja")) {
            return confirm(request, 400, viewer.get(), slug, from, Optional.of("Bekräfta med knappen att inlägget ska tas bort."));
        }
        // Naming the post, so the list, a moment behind the delete, leaves it out (DraftsPageHandler).
        var deleted = Notice.after(from.href(), Notice.Done.DELETED, Optional.of(slug));
        return switch (app().posts().delete(slug, Optional.of(Seen.atVersion(FormGuard.version(form))), viewer.get().authorId())) {
            case Outcome.Done<PostSummary> d -> HttpResponse.seeOther(deleted);
            case Outcome.Refused<PostSummary> r -> switch (r.refusal()) {
                // The first of two clicks deleted it: what the author asked for is done.
                case Refusal.NotFound n -> HttpResponse.seeOther(deleted);
                case Refusal.Stale s -> confirm(request, 409, viewer.get(), slug, from, Optional.of(CHANGED));
                case Refusal.TryLater t -> confirm(request, Problems.of(t).status(), viewer.get(), slug, from, Optional.of(Problems.of(t).swedish()))
                        .withRetryAfter(t.retryAfter());
                case Refusal.Forbidden f -> throw new ProblemException(Problems.of(f));
                case Refusal.Invalid i -> throw new ProblemException(Problems.of(i));
                case Refusal.Unprocessable u -> throw new ProblemException(Problems.of(u));
            };
        };
    }

    private HttpResponse confirm(HttpRequest request, int status, Viewer viewer, String slug, Shown from, Optional<String> notice) {
        return confirm(request, status, viewer, ownPost(slug, viewer), from, notice);
    }

    /** The question about this post, as read already. */
    private HttpResponse confirm(HttpRequest request, int status, Viewer viewer, Post post, Shown from, Optional<String> notice) {
        DeleteView view = new DeleteView(post.summary().title(), Views.postPath(post.slug()), post.version(), viewer.csrf(), notice, from);
        Frame frame = Frame.unlisted("Ta bort: " + post.summary().title(), Optional.of(viewer)).failedIf(status >= 400);
        return page(request, status, frame, Templates.render(out -> JtedeleteGenerated.render(out, null, frame, view)))
                .withHeader("cache-control", Caching.NO_STORE);
    }
}
