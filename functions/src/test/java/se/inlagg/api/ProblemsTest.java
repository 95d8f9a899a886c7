package se.inlagg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.inlagg.posts.FieldError;
import se.inlagg.posts.Refusal;

class ProblemsTest {

    static JsonNode error(ApiResponse r) throws Exception {
        return Json.MAPPER.readTree(r.body()).path("error");
    }

    @Test
    void everyRefusalHasItsStatusAndTheErrorShape() throws Exception {
        var invalid = Problems.of(new Refusal.Invalid(List.of(new FieldError("title", "must not be empty"))));
        assertEquals(400, invalid.status());
        assertEquals("validation_failed", error(invalid).path("code").asText());
        assertEquals("title", error(invalid).path("details").get(0).path("field").asText());
        assertEquals(404, Problems.of(new Refusal.NotFound("post")).status());
        var tooMany = Problems.of(new Refusal.Unprocessable("too_many_tags", "max 20", "tags"));
        assertEquals(422, tooMany.status());
        assertEquals("too_many_tags", error(tooMany).path("code").asText());
        var busy = Problems.of(new Refusal.Busy(Duration.ofSeconds(3)));
        assertEquals(503, busy.status());
        assertEquals("3", busy.headers().get("retry-after"));
    }

    @Test
    void errorsAreJsonInUtf8AndNeverCached() {
        var r = Problems.routeNotFound();
        assertEquals("application/json; charset=utf-8", r.headers().get("content-type"));
        assertEquals("no-store", r.headers().get("cache-control"));
    }
}
