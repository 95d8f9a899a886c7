package se.inlagg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.ProblemException;

class ListParamsTest {

    static ProblemException refused(String rawQuery) {
        return assertThrows(ProblemException.class, () -> ListParams.read(HttpRequest.builder().rawQuery(rawQuery).build()), rawQuery);
    }

    /** ?limit=99999999999 is refused 400 naming the limit, as ?limit=1e9 is: digits too many for a number are no 500. */
    @Test
    void aLimitWithTooManyDigitsIsRefusedNamingTheLimit() {
        for (String limit : List.of("99999999999", "2147483648", "0001")) {
            var e = refused("limit=" + limit);
            assertEquals(400, e.problem().status(), limit);
            assertEquals(List.of("limit"), DraftReaderTest.fields(e), limit);
        }
    }

    /** ?tag=!!! (or an author of only a dash) makes no slug: an empty answer, never the whole feed under that name. */
    @Test
    void aNameOfOnlySignsListsNothing() {
        assertEquals(Optional.empty(), ListParams.read(HttpRequest.builder().rawQuery("tag=%21%21%21").build()));
        assertEquals(Optional.empty(), ListParams.read(HttpRequest.builder().rawQuery("author=%E2%80%93").build()));
    }
}
