package se.inlagg.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.inlagg.posts.FieldError;
import se.inlagg.local.SameOnEveryBackend;

/**
 * Anything a reader could type, as a query, as a cursor and as a scope's parameters: parsed or refused, never an exception,
 * and snippets never markup.
 */
@SameOnEveryBackend
class SearchFuzzTest {

    static final SwedishText ANALYZER = new SwedishText();
    static final Snippets SNIPPETS = new Snippets(ANALYZER);

    @FuzzTest(maxDuration = "60s")
    void anyQueryParsesIntoALuceneQueryOrNothingAndAnySnippetIsEscapedText(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        SearchQuery query = SearchQuery.parse(text, ANALYZER);
        List<FieldError> errors = new ArrayList<>();
        SearchScope scope = SearchScope.read(name -> Optional.of(text), errors);
        assertTrue(scope.facets().size() + errors.size() <= 4 && (text.isBlank() || scope.facets().size() + errors.size() == 4), text);
        if (!query.isEmpty()) {
            query.toLucene(Instant.parse("2026-11-22T08:00:00Z"), scope);
        }
        String snippet = SNIPPETS.of(text, text, query.sought());
        assertFalse(snippet.replaceAll("</?mark>", "").contains("<"), snippet);
        SearchCursor.decode(text, "frivård", scope).ifPresent(offset -> assertTrue(offset >= 0 && offset <= SearchCursor.MAX_OFFSET, text));
    }
}
