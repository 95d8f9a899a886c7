package se.inlagg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.inlagg.posts.Facet;
import se.inlagg.search.SearchPage;

class SearchResultsTest {

    static String said(long total, int offset) {
        return said(total, offset, false);
    }

    static String said(long total, int offset, boolean similar) {
        return said("veckobrev", total, offset, similar);
    }

    static String said(String query, long total, int offset, boolean similar) {
        SearchPage page = new SearchPage(total, offset, List.of(), Optional.empty(), Optional.empty(), similar);
        return SearchPageHandler.results(SearchWithin.of(List.of(), query), Optional.empty(), Optional.empty(), page,
                ZoneId.of("Europe/Stockholm")).message().orElseThrow();
    }

    /** Found by a review of the pages' Swedish: a query ending in its own mark was given a full stop after the quotation too. */
    @Test
    void aQueryEndingInAQuestionMarkEndsTheSentenceWithoutAnotherFullStop() {
        for (String text : List.of(said("Vad gäller?", 12, 0, false), said("Vad gäller?", 0, 0, false), said("Vad gäller?\u202E", 12, 0, false))) {
            assertEquals(false, text.matches("(?s).*\\?[\\u202A-\\u202E\\u2066-\\u2069]*”\\..*"), text);
            assertEquals(true, text.matches("(?s).*\\?[\\u202A-\\u202E\\u2066-\\u2069]*” .*"), text);
        }
        assertEquals(true, said(12, 0).contains("”veckobrev”. Sida 1 av 2."), "a word without a mark of its own ends with one");
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
        assertEquals(true, said(12_345, 0).startsWith("12\u00A0345 inlägg hittades"), "five digits grouped, as Swedish writes them");
    }

    static final Facet OFFICE = Facet.office("Frivården Malmö").orElseThrow();
    static final Facet SEPTEMBER = Facet.month(YearMonth.of(2026, 9));

    /** The box that keeps to where the reader is says where as a sentence would: an office "på" a person's, "från" alone. */
    @Test
    void theBoxWithinSaysWhereInWordsThatReadInAnyCombination() {
        var everything = List.of(Facet.categoryNamed("Resor").orElseThrow(), Facet.person("Åsa Öberg").orElseThrow(), OFFICE, SEPTEMBER);
        assertEquals("Sök bland inläggen i kategorin Resor av Åsa Öberg på Frivården Malmö i september 2026",
                SearchWithin.of(everything, "").label());
        assertEquals("Sök bland inläggen från Frivården Malmö i september 2026", SearchWithin.of(List.of(OFFICE, SEPTEMBER), "").label());
    }

    /** The box sends its scope as a list's address names it, a month as 2026-09: "september 2026" no search reads. */
    @Test
    void theBoxWithinSendsItsScopeAsTheAddressNamesIt() {
        assertEquals(List.of(new SearchWithin.Hidden("office", "Frivården Malmö"), new SearchWithin.Hidden("month", "2026-09")),
                SearchWithin.of(List.of(OFFICE, SEPTEMBER), "möte").hidden());
    }

    /** "Sök efter … bland alla inlägg" searches for every word typed, an ampersand and a letter beyond ASCII among them. */
    @Test
    void theLinkToSearchEverywhereKeepsEveryWordTyped() {
        assertEquals("/sok?q=m%C3%B6te+%26+mer", SearchWithin.of(List.of(), "möte & mer").firstPage());
    }

    /**
     * A search kept to some posts keeps its scope on every page it links (the next page, the page itself, a later page
     * gone back to the first): a category's name with an ampersand or a space in it goes whole, or the next page would
     * search a category "Fika " with a parameter " prat" beside it.
     */
    @Test
    void theFirstPageOfASearchKeptToSomePostsSendsEachScopeWhole() {
        var category = Facet.categoryNamed("Fika & prat").orElseThrow();
        assertEquals("/sok?q=m%C3%B6te&tag=Fika+%26+prat&office=Friv%C3%A5rden+Malm%C3%B6&month=2026-09",
                SearchWithin.of(List.of(category, OFFICE, SEPTEMBER), "möte").firstPage());
    }
}
