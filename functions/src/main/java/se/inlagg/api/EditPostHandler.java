package se.inlagg.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import se.inlagg.http.ETags;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;
import se.inlagg.posts.FieldError;
import se.inlagg.posts.MarkupText;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostRules;
import se.inlagg.posts.Refusal;

/**
 * PATCH /api/posts/{slug}: a JSON merge patch of the create fields. It needs If-Match with the
 * post's ETag: without it 428, with an old one 412, and nothing changes.
 */
public final class EditPostHandler extends PostApiFunction {

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String authorId = request.requiredAuthorId();
        String ifMatch = request.header("if-match").orElseThrow(() -> new ProblemException(Problems.preconditionRequired()));
        Map<String, Object> patch = jsonObject(request);
        String slug = slug(request);
        // With If-Match: *, an edit that lost a race is merged again onto the post as it now is.
        Outcome<Post> outcome = asIfMatchAsks(ifMatch, () -> edited(slug, authorId, ifMatch, patch));
        return answer(outcome, post -> PostJson.withValidators(HttpResponse.json(200, PostJson.post(post)), post.summary()));
    }

    /** The patch merged onto the post as read now, and written on that version; Stale if it is not the one If-Match names. */
    private Outcome<Post> edited(String slug, String authorId, String ifMatch, Map<String, Object> patch) {
        // Whose post it is is said before whether the ETag is current: another author's edit is 403 either way.
        return switch (app().posts().getToChange(slug, authorId)) {
            case Outcome.Refused<Post> r -> r;
            case Outcome.Done<Post> d -> {
                Post current = d.value();
                if (!ETags.matchesStrongly(ifMatch, PostJson.etag(current.summary()))) {
                    yield Outcome.refused(new Refusal.Stale());
                }
                if (patch.containsKey("status") && patch.get("status") == null) {
                    // Removing the status would leave the create's default, published: a client clearing fields would publish a draft.
                    throw new ProblemException(Problems.of(new Refusal.Invalid(List.of(new FieldError("status", "must be \"published\" or \"draft\"")))));
                }
                DraftReader.refuseEmptyDate(patch);
                yield app().posts().edit(current, DraftReader.merged(merged(current, patch, app().posts().time().now())), authorId);
            }
        };
    }

    /**
     * The patch applied to the post; an excerpt made from the body is made again by any patch that names none. A
     * draft's or a scheduled post's date is in the edit only when the patch gives one (a scheduled post taken back to
     * draft so has no date of its own, as unpublishing it leaves none; kept scheduled, it keeps its time): a draft
     * published without one keeps a
     * date of its own (given it, or its publication's before it was taken back) and is otherwise published
     * now (PostService.edit). {@code "publishedAt": null} takes a draft's own date away (published with it, it
     * is dated now) and a scheduled post's (it is published now), as the edit form's emptied date does; a post
     * readers see keeps the date they saw.
     */
    private static Map<String, Object> merged(Post current, Map<String, Object> patch, Instant now) {
        Map<String, Object> merged = MergePatch.apply(PostJson.createFields(current), patch);
        if (patch.containsKey("publishedAt") && patch.get("publishedAt") == null) {
            // Emptied: "now" to the service (PostRules.Checked#dateCleared), whatever the status (merging alone drops
            // the key, and a scheduled post would keep its schedule).
            merged.put("publishedAt", "");
        } else if (!current.summary().visibleAt(now) && !patch.containsKey("publishedAt")) {
            // A draft, or a scheduled post: no reader has seen its date.
            merged.remove("publishedAt");
        }
        // An excerpt the patch does not name is not the client's to fix: one stored under older rules, holding what no
        // page may carry, would be refused as if sent, and every change of its post with it. One made from the body is
        // made anew, from a new body or from the same as this version makes it; its author's own is kept as pages show
        // it, a character no page may carry (a noncharacter, which older rules took) made U+FFFD.
        if (!patch.containsKey("excerpt")) {
            if (current.excerptFromBody()) {
                merged.remove("excerpt");
            } else if (merged.get("excerpt") instanceof String own) {
                merged.put("excerpt", MarkupText.fit(own));
            }
        }
        return merged;
    }
}
