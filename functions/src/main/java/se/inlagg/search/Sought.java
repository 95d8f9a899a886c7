package se.inlagg.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a snippet marks: the words sought alone, marked wherever they stand, and the quoted phrases (a word typed with
 * hyphens is one too), marked only where their words stand together in order. Marking a phrase's words wherever each
 * stood showed a post found by its title's "klientens bästa" with a lone "klient" marked in its text (found by a newcomer).
 *
 * @param words   the terms of the words sought alone ({@link SwedishText.Word#isAny})
 * @param phrases each phrase's words in order, each as the terms it may be held under
 */
record Sought(Set<String> words, List<List<Set<String>>> phrases) {

    Sought {
        words = Set.copyOf(words);
        phrases = phrases.stream().map(p -> p.stream().map(Set::copyOf).toList()).toList();
    }

    /** Every term sought, alone or in a phrase: which of them a stretch of text holds is what makes it the snippet's. */
    Set<String> all() {
        Set<String> all = new LinkedHashSet<>(words);
        phrases.forEach(p -> p.forEach(all::addAll));
        return all;
    }

    /** The same, with more words sought alone (those a search for similar words found). */
    Sought withWords(Set<String> more) {
        Set<String> joined = new LinkedHashSet<>(words);
        joined.addAll(more);
        return new Sought(joined, phrases);
    }
}
