package se.inlagg.web;

import java.time.ZoneId;
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
import se.inlagg.posts.FieldError;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostDraft;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.PostVersion;
import se.inlagg.posts.Refusal;
import se.inlagg.posts.SiteTime;
import se.inlagg.posts.SwedishDates;
import se.inlagg.posts.Tag;
import se.inlagg.web.templates.JteformGenerated;

/**
 * GET and POST /posts/{slug}/edit: the post's own author edits it as stored, in the same form as a
 * new post. The form carries the version it was read at; when the post changed since (another tab,
 * another device, the API), the author gets the form back with their text kept, a Swedish message
 * and the stored post beside it, and chooses to save over it or start over. A save whose words the
 * stored post already holds (a double click, the same text from another tab) is no conflict.
 */
public final class EditPageHandler extends PostAuthorPage {

    public EditPageHandler() {
        super("GET", "edit");
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Optional<Viewer> viewer = viewer(request);
        String slug = slug(request);
        if (request.method().equals("GET")) {
            if (viewer.isEmpty()) {
                return toSignIn(request);
            }
            Post post = ownPost(slug, viewer.get());
            Map<String, String> values = new LinkedHashMap<>(WriteForm.of(post, app().posts().time().zone()));
            Optional<String> from = request.query("from");
            if (from.isPresent()) {
                return restored(request, post, values, from.get(), viewer.get());
            }
            // Back from the upload page without a picture: the words typed for it are filled in again, for a post that has
            // none (one that has keeps its own picture's words, which these were not written for).
            PictureWords back = PictureWords.of(request);
            boolean filledIn = !back.isEmpty() && post.summary().image().isEmpty();
            if (filledIn) {
                values.put("imageAlt", back.alt());
                values.put("imageCaption", back.caption());
            }
            // Said, since words of a picture with no address are refused on a plain save.
            return editForm(request, 200, post, post.version(), values, List.of(), filledIn ? Optional.of(WORDS_FILLED_IN) : Optional.empty(),
                    Optional.empty(), viewer.get());
        }
        FormData form = FormData.of(request).pasted(WriteForm.TEXT_AREAS, WriteForm.MARKDOWN);
        Map<String, String> typed = WriteForm.typed(form);
        long version = FormGuard.version(form);
        Optional<String> refused = FormGuard.refusalOfTextKept(request, viewer, form, app().settings());
        if (refused.isPresent()) {
            // The version stays the one the text was written from, so sending it again cannot save over a newer one.
            return viewer.isEmpty() ? signedOut(request, slug, typed, version)
                    : editForm(request, 403, ownPost(slug, viewer.get()), version, typed, List.of(), refused, Optional.empty(), viewer.get());
        }
        Post current;
        switch (app().posts().getToChange(slug, viewer.get().authorId())) {
            case Outcome.Done<Post> d -> current = d.value();
            case Outcome.Refused<Post> r -> {
                if (r.refusal() instanceof Refusal.NotFound) {
                    return gone(request, typed, viewer.get());
                }
                throw new ProblemException(Problems.of(r.refusal()));
            }
        }
        PostDraft draft = draftOf(form, current, app().posts().time().zone());
        List<FieldError> noWords = WriteForm.pictureWordsRefused(form, draft, app().posts().time(), Optional.of(current.summary()));
        if (!noWords.isEmpty()) {
            return editForm(request, 400, current, version, typed, noWords, Optional.empty(), Optional.empty(), viewer.get());
        }
        if (current.version() != version) {
            return app().posts().alreadySays(current, draft) ? next(current, form) : conflict(request, current, typed, viewer.get(),
                    // Said beside the heading below, which names the change: the two must not say the same thing.
                    "Inget har gått förlorat: kanske ändrades inlägget i en annan flik, eller innan du gick tillbaka.");
        }
        return switch (app().posts().edit(current, draft, viewer.get().authorId())) {
            case Outcome.Done<Post> d -> next(d.value(), form);
            case Outcome.Refused<Post> r -> switch (r.refusal()) {
                case Refusal.Invalid i -> editForm(request, 400, current, version, typed, i.errors(), Optional.empty(), Optional.empty(),
                        viewer.get());
                case Refusal.Stale s -> conflict(request, ownPost(slug, viewer.get()), typed, viewer.get(),
                        "Inlägget ändrades samtidigt som du sparade. Inget har gått förlorat.");
                case Refusal.TryLater t -> editForm(request, Problems.of(t).status(), current, version, typed, List.of(),
                        Optional.of(Problems.of(t).swedish()), Optional.empty(), viewer.get()).withRetryAfter(t.retryAfter());
                case Refusal.Unprocessable u -> editForm(request, 422, current, version, typed, WriteForm.fieldErrorsOf(u),
                        Optional.of(u.rule().swedish()), Optional.empty(), viewer.get());
                case Refusal.Forbidden f -> throw new ProblemException(Problems.of(f));
                case Refusal.NotFound n -> gone(request, typed, viewer.get());
            };
        };
    }

    /**
     * GET /posts/{slug}/edit?from={number}: the form filled in with an earlier version's words (VersionsPageHandler links
     * here), at the post's version now, so saving it is an ordinary edit, with the same check against a change since.
     * Its date and picture stay the post's own: a version's picture may have been let go since, and taking words back
     * should not move the post in the lists.
     */
    private HttpResponse restored(HttpRequest request, Post post, Map<String, String> values, String from, Viewer viewer) {
        PostVersion version = VersionsPageHandler.named(app().posts(), post, from);
        ZoneId zone = app().posts().time().zone();
        Map<String, String> words = WriteForm.of(version.post(), zone);
        WriteForm.WORDS.forEach(name -> values.put(name, words.getOrDefault(name, "")));
        return restoredForm(request, post, values, "Formuläret är ifyllt med versionen som sparades " + Views.dateTime(version.savedAt(), zone)
                + ". Inget är ändrat förrän du sparar.", viewer);
    }

    /**
     * The post was deleted while its author wrote (in another tab, say): what they typed comes back in the
     * form for a new post, to be saved as one, never lost behind a page that says the post is not found.
     */
    private HttpResponse gone(HttpRequest request, Map<String, String> typed, Viewer viewer) {
        return newPostForm(request, 404, typed, List.of(), Optional.of(GONE), Optional.of(viewer));
    }

    static final String WORDS_FILLED_IN = "Alt-texten och bildtexten du skrev står ifyllda nedan men är inte sparade: de följer med när"
            + " du väljer ”Spara och välj bild…”. Töm fälten för att spara utan bild.";

    static final String GONE = "Inlägget finns inte längre: det togs bort medan du skrev. Det du skrev finns kvar här och kan sparas som ett nytt inlägg.";

    /**
     * Where a saved form goes: the button pressed says whether to stay, preview or upload a picture (with the words typed
     * for it). Published with a date still to come, the notice says scheduled, as the writing form's does.
     */
    private HttpResponse next(Post saved, FormData form) {
        String slug = saved.slug();
        String post = Views.postPath(slug);
        return switch (form.value("action")) {
            case "preview" -> HttpResponse.seeOther(post + "/preview?done=saved");
            case "image" -> HttpResponse.seeOther(ImageUploadPageHandler.pageFor(slug, form));
            case "publish" -> HttpResponse.seeOther(Notice.after(post + "/edit", Notice.stateOf(saved.summary(), app().posts().time().now()),
                    Optional.of(slug)));
            case "draft" -> HttpResponse.seeOther(Notice.after(post + "/edit", Notice.Done.UNPUBLISHED, Optional.of(slug)));
            default -> HttpResponse.seeOther(Notice.after(post + "/edit", Notice.Done.SAVED, Optional.of(slug)));
        };
    }

    /**
     * The form as a draft of the post: its status follows the button ("Spara och publicera", "Spara som
     * utkast") and otherwise stays as stored. A date left as the form showed it keeps the stored time
     * exactly: the form shows the minute, in the site's zone, and taking that back would move a post
     * published at 10:00:40 to 10:00:00, under a neighbour of 10:00:10, at every save of a typo (and in
     * the hour summer time ends, an hour earlier). "As shown" is exactly the field's text, its " (sommartid)" or
     * " (vintertid)" included: an author who takes "(vintertid)" away from a post at the second 02:30 means the first, as
     * the README says a time typed alone is, which counting the time without the word as shown too would not honour.
     * Without the word the field keeps the stored time only where it reads as that time anyway (any time but the
     * second of the hour shown twice), so the seconds stay. That is also what a form opened before the word was shown
     * (a tab left open over a deploy) sends: it keeps such a time; of a post at the second 02:30 it sends the first,
     * as the author of a current form taking the word away means. The two send the same text and only one can be
     * honoured; the README's rule, which the current form shows, wins over a tab from before a deploy, on one hour a
     * year. A date emptied goes as empty, which the service reads as "now", as the form says (a draft's own date is
     * taken away).
     */
    static PostDraft draftOf(FormData form, Post current, ZoneId zone) {
        PostDraft typed = WriteHandler.draftOf(form);
        PostSummary stored = current.summary();
        String shown = WriteForm.shownTime(stored, zone);
        boolean secondOfTwo = SwedishDates.season(stored.publishedAt(), zone).filter(SwedishDates.WINTER_TIME::equals).isPresent();
        Set<String> asShown = shown.isEmpty() ? Set.of()
                : secondOfTwo ? Set.of(shown) : Set.copyOf(List.of(shown, WriteForm.siteTime(stored.publishedAt(), zone)));
        Optional<String> publishedAt = typed.publishedAt()
                .map(t -> asShown.contains(t.strip().replace('T', ' ')) ? SiteTime.format(stored.publishedAt()) : t);
        String status = switch (form.value("action")) {
            case "publish" -> "published";
            case "draft" -> "draft";
            default -> current.summary().status().wire();
        };
        // The form says: empty the picture's address to take the picture away. Its alt text and caption go with it,
        // as the author meant, where the rules would refuse words of a picture with no address.
        boolean pictureRemoved = stored.image().isPresent() && typed.imageUrl().filter(u -> !u.isBlank()).isEmpty();
        // The post's own categories with a comma in their name (an API client's) are read whole where they stand whole.
        List<String> tags = WriteHandler.tagsTyped(form.value("tags"), stored.tags().stream().map(Tag::name).toList());
        return new PostDraft(typed.title(), typed.body(), typed.authorName(), typed.authorRole(), typed.authorOffice(), tags,
                publishedAt, typed.imageUrl(), pictureRemoved ? Optional.empty() : typed.imageAlt(),
                pictureRemoved ? Optional.empty() : typed.imageCaption(), typed.excerpt(), Optional.of(status));
    }

    /**
     * Signed out: the typed text comes back in a form that says so, and nothing is read or written. It carries
     * the version the text was written from and no token: sent once the author has signed in again (in another
     * tab), it saves in one click if the post is still at that version, and is shown beside the stored post if not.
     */
    /**
     * The form again, with what was typed and the version it was written from, without the stored post (AWS may not answer
     * for it): sent again, a save that landed the first time is seen to be there already, never a conflict with itself.
     */
    @Override
    protected Optional<HttpResponse> formAgain(HttpRequest request, Problem problem) {
        return sent(request).map(sent -> {
            FormView view = WriteForm.edit(slug(request), WriteForm.typed(sent.form()), List.of(), Optional.of(sent.notice(problem)),
                    sent.csrf(), Tokens.newToken(), false, Optional.empty()).withVersion(FormGuard.version(sent.form()));
            Frame frame = textKept(Frame.unlisted("Redigera inlägget", sent.viewer()).failedIf(true), true);
            return givenBack(page(request, problem.status(), frame,
                    Templates.render(out -> JteformGenerated.render(out, null, frame, view, Optional.empty())))
                    .withHeader("cache-control", Caching.NO_STORE), problem);
        });
    }

    private HttpResponse signedOut(HttpRequest request, String slug, Map<String, String> typed, long version) {
        FormView form = WriteForm.edit(slug, typed, List.of(), Optional.of(FormGuard.SIGNED_OUT_TEXT_KEPT), "", Tokens.newToken(), false,
                        Optional.empty())
                .withVersion(version);
        Frame frame = textKept(Frame.unlisted("Logga in igen", Optional.empty()).failedIf(true), true);
        return page(request, 403, frame, Templates.render(out -> JteformGenerated.render(out, null, frame, form, Optional.empty())))
                .withHeader("cache-control", Caching.NO_STORE);
    }
}
