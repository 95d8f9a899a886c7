package se.inlagg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.inlagg.search.SearchPage;

class SearchResultsTest {

    static String said(long total, int offset) {
        return said(total, offset, false);
    }

    static String said(long total, int offset, boolean similar) {
        SearchPage page = new SearchPage(total, offset, List.of(), Optional.empty(), Optional.empty(), similar);
        return SearchPageHandler.results(SearchWithin.of(List.of(), "veckobrev"), Optional.empty(), Optional.empty(), page,
                ZoneId.of("Europe/Stockholm")).message().orElseThrow();
    }

    /** Paging ends at the 1,000th hit, so the pages counted are those a reader can reach, and more hits are said to be left out. */
    @Test
    void aSearchOfMoreThanAThousandHitsCountsThePagesShownAndSaysTheRestAreNot() {
        assertEquals("1060 inlägg hittades för ”veckobrev”. Sida 1 av 100. Här visas de 1000 som passar bäst: fler ord ger färre träffar.",
                said(1_060, 0));
        // From a review: words a letter or two off said "Här visas 1060", and then that 1,000 are.
        assertEquals("Inga inlägg hittades för ”veckobrev”. Här visas 1000 inlägg med liknande ord. Sida 1 av 100.", said(1_060, 0, true));
        assertEquals("1000 inlägg hittades för ”veckobrev”. Sida 100 av 100.", said(1_000, 990));
        assertEquals("12 inlägg hittades för ”veckobrev”. Sida 2 av 2.", said(12, 10));
    }
}
