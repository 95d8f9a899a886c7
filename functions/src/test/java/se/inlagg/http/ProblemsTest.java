package se.inlagg.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import se.inlagg.json.Json;
import se.inlagg.posts.FieldError;
import se.inlagg.posts.Refusal;

class ProblemsTest {

    /** One example of every kind of refusal and the status it must map to: a new kind fails here until it is added. */
    static final Map<Refusal, Integer> EVERY_REFUSAL = Map.of(
            new Refusal.Invalid(List.of(new FieldError("title", "must not be empty"))), 400,
            new Refusal.NotFound(Refusal.Missing.POST), 404,
            new Refusal.Unprocessable(Refusal.Rule.TOO_MANY_TAGS, "max 20", "tags"), 422,
            new Refusal.Stale(), 412,
            new Refusal.Forbidden("not yours", "inte ditt"), 403,
            new Refusal.Busy(Duration.ofSeconds(3)), 503,
            new Refusal.AllowanceSpent(Duration.ofMinutes(40)), 429);

    @SuppressWarnings("unchecked")
    static Map<String, Object> error(HttpResponse r) {
        return (Map<String, Object>) ((Map<String, Object>) Json.read(r.bodyText())).get("error");
    }

    @Test
    void everyKindOfRefusalHasAStatusAndWordsInBothLanguages() {
        Set<Class<?>> kinds = kinds(Refusal.class).collect(Collectors.toSet());
        assertEquals(kinds, EVERY_REFUSAL.keySet().stream().map(Object::getClass).collect(Collectors.toSet()),
                "every kind of refusal is in EVERY_REFUSAL with the status it must have");
        EVERY_REFUSAL.forEach((refusal, status) -> {
            Problem p = Problems.of(refusal);
            assertEquals(status, p.status(), refusal.toString());
            assertFalse(p.message().isBlank());
            assertFalse(p.swedish().isBlank());
        });
        for (Refusal.Missing m : Refusal.Missing.values()) {
            assertFalse(Problems.of(new Refusal.NotFound(m)).swedish().isBlank(), m.name());
        }
    }

    /** The records a sealed type comes to, through the sealed interfaces among them (Refusal.TryLater). */
    private static Stream<Class<?>> kinds(Class<?> sealed) {
        return Arrays.stream(sealed.getPermittedSubclasses()).flatMap(k -> k.isSealed() ? kinds(k) : Stream.of(k));
    }

    /** An author past the hour's allowance is told in the API when to send it again, and on a page in minutes. */
    @Test
    void anAllowanceSpentIs429WithRetryAfterAndSaysWhenInMinutes() {
        HttpResponse spent = JsonErrors.of(Problems.of(new Refusal.AllowanceSpent(Duration.ofSeconds(2400))));
        assertEquals(429, spent.status());
        assertEquals("write_allowance_spent", error(spent).get("code"));
        assertEquals("2400", spent.header("retry-after"));
        assertTrue(Problems.of(new Refusal.AllowanceSpent(Duration.ofSeconds(2400))).swedish().endsWith("Försök igen om 40 minuter."));
        assertTrue(Problems.of(new Refusal.AllowanceSpent(Duration.ofSeconds(2341))).swedish().endsWith("Försök igen om 40 minuter."));
        assertTrue(Problems.of(new Refusal.AllowanceSpent(Duration.ofSeconds(30))).swedish().endsWith("Försök igen om en minut."));
    }

    @Test
    void theJsonShapeNamesEachFieldAndBusyAsksToRetryLater() {
        HttpResponse invalid = JsonErrors.of(Problems.of(new Refusal.Invalid(List.of(new FieldError("title", "must not be empty")))));
        assertEquals(400, invalid.status());
        assertEquals("validation_failed", error(invalid).get("code"));
        assertEquals(List.of(Map.of("field", "title", "message", "must not be empty")), error(invalid).get("details"));
        HttpResponse busy = JsonErrors.of(Problems.of(new Refusal.Busy(Duration.ofSeconds(3))));
        assertEquals(503, busy.status());
        assertEquals("3", busy.header("retry-after"));
    }

    /**
     * A wait of less than a second (a sign-in window in its last moment) is said as one second, never as "Retry-After: 0",
     * which a client reads as "again at once", into the same refusal.
     */
    @Test
    void aWaitUnderASecondIsSaidAsOneSecond() {
        HttpResponse nearlyOver = JsonErrors.of(Problems.tooManyAttempts(Duration.ofMillis(400)));
        assertEquals(429, nearlyOver.status());
        assertEquals("1", nearlyOver.header("retry-after"));
    }

    /** A wait of 2.9 seconds is said as 3: a client that came back after 2 would be refused again, for the same reason. */
    @Test
    void aWaitIsSaidInWholeSecondsRoundedUp() {
        assertEquals("3", JsonErrors.of(Problems.allowanceSpent(Duration.ofMillis(2_900))).header("retry-after"));
        assertEquals("2400", JsonErrors.of(Problems.allowanceSpent(Duration.ofMillis(2_399_001))).header("retry-after"));
        assertEquals("2400", JsonErrors.of(Problems.allowanceSpent(Duration.ofSeconds(2_400))).header("retry-after"), "a whole one as it is");
    }

    /**
     * A text pasted into the form past the 1 MiB a request may carry gets no form (the text is not read, so it cannot come
     * back): "Det du skickade är för stort." alone would leave no limit and no way on. The page says what the limit is,
     * that nothing was saved, and where the text still is.
     */
    @Test
    void aBodyTooLargeSaysInSwedishWhatTheLimitIsAndWhereTheTextIs() {
        Problem p = Problems.tooLarge(HttpRequest.MAX_BODY_BYTES);
        assertEquals(413, p.status());
        assertTrue(p.swedish().contains("Inget sparades"), p.swedish());
        assertTrue(p.swedish().contains("bakåtknapp"), p.swedish());
        assertTrue(p.swedish().contains("100\u00A0000 tecken"), p.swedish());
        assertTrue(p.swedish().contains("(högst 1 MB)"), "the limit, in megabytes: " + p.swedish());
        assertEquals("The body is larger than 1048576 bytes.", p.message());
    }

    @Test
    void errorsAreJsonInUtf8AndNeverCached() {
        HttpResponse r = JsonErrors.of(Problems.routeNotFound());
        assertEquals("application/json; charset=utf-8", r.header("content-type"));
        assertEquals("no-store", r.header("cache-control"));
        assertTrue(r.bodyText().contains("\"details\":[]"));
    }
}
