package se.inlagg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import se.inlagg.http.HttpRequest;

class FormGuardTest {

    private static FormData form(String body) {
        return FormData.of(HttpRequest.builder().method("POST").path("/posts/a/edit")
                .header("content-type", "application/x-www-form-urlencoded").body(body).build());
    }

    /** A version too long for a number matches no post (a conflict, the text kept), rather than failing the save with a 500. */
    @Test
    void aVersionTooLongForANumberMatchesNoPost() {
        assertEquals(7, FormGuard.version(form("version=7")));
        assertEquals(-1, FormGuard.version(form("version=9223372036854775808")), "one past the largest long");
        assertEquals(-1, FormGuard.version(form("version=12345678901234567890123")));
        assertEquals(-1, FormGuard.version(form("version=-3")));
        assertEquals(-1, FormGuard.version(form("title=T")), "none");
    }
}
