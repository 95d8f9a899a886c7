package se.inlagg.api;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import se.inlagg.http.ErrorRenderer;
import se.inlagg.http.HttpFunction;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.JsonErrors;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;
import se.inlagg.images.ImageService;
import se.inlagg.json.Json;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.PostSummary;

/** A function of the JSON API: problems answer in the API's error shape. */
abstract class ApiFunction extends HttpFunction {

    /** Media types and charset parameters a JSON body may name, compiled once (every write through the API reads one). */
    private static final Pattern JSON_SUFFIXED = Pattern.compile("application/[a-z0-9.+-]+\\+json");
    private static final String JSON_PATCH = "application/json-patch+json";
    /** "utf8" too, as many clients write it, though only "utf-8" is registered. */
    private static final Pattern UTF8_CHARSET = Pattern.compile(".*charset=\"?utf-?8\"?.*");

    @Override
    protected final ErrorRenderer errors(HttpRequest request) {
        return JsonErrors.INSTANCE;
    }

    /** The answer for a domain outcome: its value made into a response, or the refusal's problem. */
    static <T> HttpResponse answer(Outcome<T> outcome, Function<T, HttpResponse> done) {
        return switch (outcome) {
            case Outcome.Done<T> d -> done.apply(d.value());
            case Outcome.Refused<T> r -> throw new ProblemException(Problems.of(r.refusal()));
        };
    }

    /** What every change of a post's tags answers: the tags as they now are, with the post's validators. */
    static HttpResponse tagsAnswer(Outcome<PostSummary> outcome) {
        return answer(outcome, post -> PostJson.withValidators(HttpResponse.json(200, PostJson.tagsOf(post)), post));
    }

    /** The pictures service, or 503 where no bucket is configured. */
    protected final ImageService images() {
        return app().images().orElseThrow(() -> new ProblemException(Problems.imagesUnavailable()));
    }

    /** The {slug} of the route; API Gateway never calls a {slug} route without one. */
    static String slug(HttpRequest request) {
        return request.pathParameter("slug").orElse("");
    }

    /** The body as a JSON object; anything else is answered 415 or 400 before the domain sees it. */
    static Map<String, Object> jsonObject(HttpRequest request) {
        String type = request.header("content-type").orElse("").toLowerCase(Locale.ROOT);
        String media = request.mediaType();
        // A JSON Patch (RFC 6902) is a list of operations: read as a merge patch it would change the wrong things.
        boolean json = media.equals("application/json") || (JSON_SUFFIXED.matcher(media).matches() && !media.equals(JSON_PATCH));
        if (!json || (type.contains("charset=") && !UTF8_CHARSET.matcher(type).matches())) {
            throw new ProblemException(Problems.unsupportedMediaType("application/json"));
        }
        // Each coding named (a repeated header arrives joined with commas); "identity" and nothing are no coding.
        for (String coding : request.header("content-encoding").orElse("").split(",")) {
            if (!coding.isBlank() && !coding.strip().equalsIgnoreCase("identity")) {
                throw new ProblemException(Problems.encodedBody(coding.strip()));
            }
        }
        String text = request.bodyText();
        if (text.isBlank()) {
            throw new ProblemException(Problems.malformed("The body is empty; send a JSON object."));
        }
        Object value;
        try {
            value = Json.read(text);
        } catch (Json.JsonException e) {
            throw new ProblemException(Problems.malformed("The body is not valid JSON: " + e.getMessage()));
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new ProblemException(Problems.malformed("The body must be a JSON object."));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) map;
        return object;
    }
}
