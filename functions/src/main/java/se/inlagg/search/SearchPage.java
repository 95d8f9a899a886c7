package se.inlagg.search;

import java.util.List;
import java.util.Optional;

/**
 * One page of results: how many posts matched in all, which of them this page holds (from
 * {@code offset}, best first) and the cursors of the pages after and before it. {@code similar} when
 * no post had the words as typed and these have words a letter or two off them (a typo's, most often).
 */
public record SearchPage(long total, int offset, List<SearchHit> hits, Optional<String> nextCursor,
                         Optional<String> previousCursor, boolean similar) {

    public SearchPage {
        hits = List.copyOf(hits);
    }

    static SearchPage empty() {
        return new SearchPage(0, 0, List.of(), Optional.empty(), Optional.empty(), false);
    }
}
