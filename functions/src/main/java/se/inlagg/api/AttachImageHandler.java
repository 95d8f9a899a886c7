package se.inlagg.api;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;
import se.inlagg.images.ImageService;
import se.inlagg.posts.FieldError;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Refusal;
import se.inlagg.posts.Seen;

/**
 * POST /api/posts/{slug}/image: puts an uploaded file on the caller's own post, with its alt text
 * (required) and caption: {"key": …, "alt": …, "caption": …}. The file is checked by its bytes (a file
 * that is no JPEG, PNG or WebP, or is over 10 MB, is deleted and refused 422). If-Match is required,
 * as for any edit; the picture the post had before is deleted once this has committed.
 */
public final class AttachImageHandler extends PostApiFunction {

    private static final Set<String> FIELDS = Set.of("key", "alt", "caption");
    /** The longest key the OpenAPI document allows; every key an upload-url answer gives is far shorter. */
    static final int MAX_KEY = 200;

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String authorId = request.requiredAuthorId();
        // If-Match itself, as for any edit: a date (If-Unmodified-Since) the client may pick later than anything is no proof it saw the post.
        String ifMatch = request.header("if-match").orElseThrow(() -> new ProblemException(Problems.preconditionRequired()));
        // If-Match: * names no version: any will do, and a save that lost a race to another change is made again (each
        // attempt copies to the same key), as a change sent without If-Match is.
        Seen seen = PostJson.seen(request).orElse(current -> true);
        Map<String, Object> body = jsonObject(request);
        JsonFields fields = new JsonFields();
        fields.known(body, FIELDS, "");
        Optional<String> typedKey = fields.text(body, "key");
        String alt = fields.text(body, "alt").orElse("");
        String caption = fields.text(body, "caption").orElse("");
        String key = typedKey.orElse("");
        if (body.get("key") == null || typedKey.filter(String::isEmpty).isPresent()) {
            fields.add(new FieldError("key", "must not be empty"));
        } else if (key.codePointCount(0, key.length()) > MAX_KEY) {
            // As the OpenAPI document says: a longer key is no upload's, so it is refused as too long, not looked up.
            fields.add(new FieldError("key", "must be at most " + MAX_KEY + " characters: the key an upload-url answer gave"));
        }
        fields.failIfAny();
        // If-Match is tested by the write against the post it reads, as for publish and delete: no read of its own.
        var outcome = namedAsSent(asIfMatchAsks(ifMatch, () -> images().attach(authorId, slug(request), key, alt, caption, seen)));
        return answer(outcome, post -> PostJson.withValidators(HttpResponse.json(200, PostJson.post(post)), post.summary()));
    }

    /**
     * The rules name a picture's fields as a post holds them ("image.alt"); this request sends them alone, so its
     * errors name "alt" and "caption", fields it has.
     */
    private static <T> Outcome<T> namedAsSent(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Refused<T> r && r.refusal() instanceof Refusal.Invalid invalid) {
            return Outcome.refused(new Refusal.Invalid(invalid.errors().stream()
                    .map(e -> new FieldError(e.field().startsWith("image.") ? e.field().substring("image.".length()) : e.field(), e.message()))
                    .toList()));
        }
        return outcome;
    }

    /** A save's making of its picture for readers, which no priming request reaches (none has an upload to save). */
    @Override
    protected void primeMadeUp() {
        ImageService.primeMaking();
    }
}
