package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** What the API tests check again and again: the error shape, the slugs of a list, a tag's or another list's count. */
final class ApiAsserts {

    private ApiAsserts() {
    }

    static void assertError(Http.Reply reply, int status, String code, String field) {
        assertEquals(status, reply.status(), reply.body());
        JsonNode error = reply.json().path("error");
        assertEquals(code, error.path("code").asText(), reply.body());
        assertFalse(error.path("message").asText().isBlank());
        if (field != null) {
            assertTrue(error.path("details").findValuesAsText("field").contains(field), reply.body());
        }
    }

    /** The fields a 400 names, in its order. */
    static List<String> fields(Http.Reply reply) {
        assertEquals(400, reply.status(), reply.body());
        return reply.json().path("error").path("details").findValuesAsText("field");
    }

    /** The posts' own slugs in a list, not their tags'. */
    static List<String> slugs(JsonNode items) {
        List<String> slugs = new ArrayList<>();
        items.forEach(p -> slugs.add(p.path("slug").asText()));
        return slugs;
    }

    /** The count GET /api/tags gives a tag; 0 when it is not listed. */
    static long tagCount(Http http, String slug) {
        return count(http, "/api/tags", slug);
    }

    /** The count one of the API's lists of counts (/api/tags, /api/people, /api/offices, /api/months) gives a slug; 0 when it is not listed. */
    static long count(Http http, String list, String slug) {
        for (JsonNode t : http.get(list).json().path("items")) {
            if (t.path("slug").asText().equals(slug)) {
                return t.path("count").asLong();
            }
        }
        return 0;
    }
}
