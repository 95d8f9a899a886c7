package se.inlagg.http;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import se.inlagg.posts.FieldError;
import se.inlagg.posts.PostRules;
import se.inlagg.posts.Refusal;
import se.inlagg.posts.SwedishNumbers;

/**
 * Every problem the service can answer, with its status. Domain refusals map to statuses here and
 * nowhere else: the switch is exhaustive, so a new kind of refusal does not compile until it has
 * a status and its words.
 */
public final class Problems {

    /** How long a client is asked to wait when DynamoDB keeps throttling or writers keep colliding. */
    public static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(2);

    private Problems() {
    }

    public static Problem of(Refusal refusal) {
        return switch (refusal) {
            case Refusal.Invalid i -> invalid(i.errors());
            case Refusal.NotFound n -> new Problem(404, "not_found", "No such " + n.what().english() + ".",
                    n.what().swedish());
            case Refusal.Unprocessable u -> new Problem(422, u.rule().code(), u.message(), u.rule().swedish(),
                    List.of(new FieldError(u.field(), u.message())), Optional.empty());
            case Refusal.Stale s -> new Problem(412, "precondition_failed",
                    // Said of both preconditions: the request may have sent a date, not a version.
                    "The post is not the version If-Match names, or changed after the time If-Unmodified-Since gives."
                            + " Read it again (GET) and send its ETag in If-Match.",
                    "Inlägget har ändrats sedan du öppnade det.");
            case Refusal.Forbidden f -> new Problem(403, "forbidden", f.reason(), f.swedish());
            case Refusal.Busy b -> busy(b.retryAfter());
            case Refusal.AllowanceSpent a -> allowanceSpent(a.retryAfter());
        };
    }

    public static Problem invalid(List<FieldError> errors) {
        return new Problem(400, "validation_failed", "The request is not valid: see details.",
                "Det gick inte att spara: rätta det som är markerat.", errors, Optional.empty());
    }

    public static Problem invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /** The same, with a page's own Swedish for it (what the generic sentence would not say). */
    public static Problem malformed(String message, String swedish) {
        return new Problem(400, "malformed_request", message, swedish);
    }

    public static Problem malformed(String message) {
        return new Problem(400, "malformed_request", message, "Adressen, eller det som skickades, går inte att läsa. Kom du via en länk kan den vara trasig: börja om från alla inlägg.");
    }

    /** A query parameter given more than once (?tag=a&tag=b), where one is read: which was meant is not ours to guess. */
    public static Problem repeatedParameter(String name) {
        return new Problem(400, "validation_failed", "The request is not valid: see details.",
                "Adressen anger ”" + name + "” mer än en gång, och sidan kan bara visa ett av dem. Ta bort det som inte ska vara med, "
                        + "eller börja från första sidan.",
                List.of(new FieldError(name, "must be given once")), Optional.empty());
    }

    /**
     * A public read sent with a token that is no author's (revoked, mistyped): said so (RFC 6750's invalid_token), where
     * read as no token it would answer an author's own draft 404.
     */
    public static Problem invalidToken() {
        return new Problem(401, "invalid_token", "The token in Authorization is no author's: revoked or mistyped. Send a valid one, or none "
                + "to read as a reader.", "Inloggningsnyckeln gäller inte.");
    }

    public static Problem unsupportedMediaType(String expected) {
        return new Problem(415, "unsupported_media_type", "Send the body as " + expected + " in UTF-8.",
                "Formatet stöds inte.");
    }

    /** A body compressed (Content-Encoding: gzip): read as it is, it would be "not valid UTF-8" (RFC 7694). */
    public static Problem encodedBody(String encoding) {
        return new Problem(415, "unsupported_media_type", "A body with Content-Encoding " + encoding + " is not accepted: send it uncompressed.",
                "Komprimerade data tas inte emot.");
    }

    /**
     * The body past what a request may carry: its text is never read, so a form cannot come back with it, and the page says
     * where it still is ("Det du skickade är för stort." alone leaves an author with no way on). Any form
     * may get it, so the post's limit is said as the example it most likely is, not as the rule of every form.
     */
    public static Problem tooLarge(long limit) {
        return new Problem(413, "payload_too_large", "The body is larger than " + limit + " bytes.",
                "Det du skickade är för stort (högst " + Math.max(1, limit / (1024 * 1024)) + " MB). Inget sparades. "
                        + "Gå tillbaka med webbläsarens bakåtknapp, där finns det du skrev oftast kvar, och korta det "
                        + "(ett inläggs text får vara högst " + SwedishNumbers.grouped(Integer.toString(PostRules.MAX_BODY_CHARS))
                        + " tecken).");
    }

    public static Problem preconditionRequired() {
        return new Problem(428, "precondition_required",
                "Send If-Match with the post's ETag, so an edit never overwrites a change you have not seen.",
                "Ändringen måste ange vilken version av inlägget den utgår från.");
    }

    public static Problem routeNotFound() {
        return new Problem(404, "not_found", "No such resource.",
                "Adressen kan vara felskriven, eller så har sidan tagits bort. Sök bland inläggen eller börja om från alla inlägg.");
    }

    public static Problem methodNotAllowed(String method) {
        return new Problem(405, "method_not_allowed", "This resource does not accept " + method + ".",
                "Den här adressen tar inte emot det som skickades. Gå tillbaka till sidan du kom från.");
    }

    public static Problem busy(Duration retryAfter) {
        return new Problem(503, "busy", "Too many changes at once; try again shortly.",
                "Det är många ändringar just nu. Inget sparades; försök igen om en stund.",
                List.of(), Optional.of(retryAfter));
    }

    /**
     * Busy, said to someone with nothing at stake: a reader, or an author signing in. What was asked for did not come in
     * time; asked again, it may. The code is the write's, so a client that knows "busy" needs nothing new.
     */
    public static Problem notAnswered(Duration retryAfter) {
        return new Problem(503, "busy", "AWS did not answer in time; try again shortly.",
                "Svaret dröjde för länge. Försök igen om en stund.", List.of(), Optional.of(retryAfter));
    }

    /** Busy as AWS said it (throttled), to someone with nothing at stake: a reader, or an author signing in. */
    public static Problem busyAsking(Duration retryAfter) {
        return new Problem(503, "busy", "The site is busy; try again shortly.",
                "Just nu är det många som använder bloggen. Försök igen om en stund.", List.of(), Optional.of(retryAfter));
    }

    /** The code of {@link #outcomeUnknown}: pages say it in their own words. */
    public static final String OUTCOME_UNKNOWN = "outcome_unknown";

    /**
     * A change whose call to AWS ended without an answer (out of the invocation's time, or the connection lost): it may
     * have been saved, so the author is not told that nothing was (from a review) but to look before doing it again. An
     * API client resends with its Idempotency-Key or If-Match, which never applies a change twice.
     */
    public static Problem outcomeUnknown(Duration retryAfter) {
        return new Problem(503, OUTCOME_UNKNOWN, "AWS did not answer in time, so the change may or may not have been saved."
                + " Read it (GET) before sending it again; a create resent with its Idempotency-Key, or an edit with its If-Match,"
                + " is never applied twice.",
                "Vi fick inte svar i tid, så det är oklart om ändringen sparades. Se efter om den syns innan du gör om den.",
                List.of(), Optional.of(retryAfter));
    }

    /** An author past what an hour's writes may cost (store.WriteAllowance): a person is told when, in minutes. */
    public static Problem allowanceSpent(Duration retryAfter) {
        long minutes = Math.max(1, (retryAfter.toSeconds() + 59) / 60);
        return new Problem(429, "write_allowance_spent",
                "This author has written all the site takes from one author in an hour (the stack's AuthorWriteUnitsPerHour);"
                        + " nothing was saved. Send it again after Retry-After.",
                "Inget sparades: du har sparat mer den senaste timmen än bloggen tar emot från en skribent på en timme. "
                        + "Försök igen om " + (minutes == 1 ? "en minut" : minutes + " minuter") + ".",
                List.of(), Optional.of(retryAfter));
    }

    public static Problem tooManyAttempts(Duration retryAfter) {
        return new Problem(429, "too_many_requests", "Too many failed attempts; wait before trying again.",
                "För många misslyckade försök. Vänta en stund och försök igen.", List.of(), Optional.of(retryAfter));
    }

    public static Problem forbidden(String message, String swedish) {
        return new Problem(403, "forbidden", message, swedish);
    }

    /** No bucket is configured here: uploads cannot be taken (pictures elsewhere still work). */
    public static Problem imagesUnavailable() {
        return new Problem(503, "images_unavailable", "This installation has no bucket for pictures; link a picture elsewhere by its url.",
                "Den här installationen har ingen lagring för bilder.");
    }

    public static Problem internal() {
        return new Problem(500, "internal_error", "Something went wrong on our side; nothing was changed.",
                "Inget ändrades. Försök igen om en stund; om felet finns kvar, säg till den som sköter bloggen.");
    }
}
