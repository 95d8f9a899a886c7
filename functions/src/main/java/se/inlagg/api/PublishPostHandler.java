package se.inlagg.api;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.posts.FieldError;
import se.inlagg.posts.PostRules;
import se.inlagg.posts.Seen;
import se.inlagg.posts.SiteTime;

/**
 * POST /api/posts/{slug}/publish (now, or at {"publishAt": …}) and POST /api/posts/{slug}/unpublish
 * (back to draft): what the pages' buttons do, for the author's own post. If-Match is honoured when
 * sent; a post already so published (or already a draft) answers as it is, so a retry is harmless.
 */
public final class PublishPostHandler extends PostApiFunction {

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String authorId = request.requiredAuthorId();
        String slug = slug(request);
        boolean unpublish = request.path().endsWith("/unpublish");
        Optional<Instant> at = unpublish ? Optional.empty() : publishAt(request);
        if (unpublish) {
            refuseAnyField(request);
        }
        Optional<Seen> seen = PostJson.seen(request);
        var posts = app().posts();
        var outcome = unpublish ? posts.unpublish(slug, authorId, seen) : posts.publish(slug, authorId, at, seen);
        return answer(outcome, post -> PostJson.withValidators(HttpResponse.json(200, PostJson.summary(post)), post));
    }

    /**
     * Unpublish takes no fields: an empty body or {}. One it does not know is refused as publish refuses it, as unknown
     * fields are everywhere else.
     */
    private void refuseAnyField(HttpRequest request) {
        if (request.bodyBytes().length > 0) {
            JsonFields fields = new JsonFields();
            fields.known(jsonObject(request), Set.of(), "");
            fields.failIfAny();
        }
    }

    /** The optional {"publishAt": "2031-01-01T09:00"} (site time, or with an offset); an empty body publishes now. */
    private Optional<Instant> publishAt(HttpRequest request) {
        if (request.bodyBytes().length == 0) {
            return Optional.empty();
        }
        Map<String, Object> body = jsonObject(request);
        JsonFields fields = new JsonFields();
        fields.known(body, Set.of("publishAt"), "");
        Optional<String> typed = fields.text(body, "publishAt");
        Optional<SiteTime.Reading> read = typed.map(app().posts().time()::read);
        read.filter(r -> r.instant().isEmpty()).ifPresent(r -> fields.add(new FieldError("publishAt", PostRules.timeProblem(r))));
        fields.failIfAny();
        return read.flatMap(SiteTime.Reading::instant);
    }
}
