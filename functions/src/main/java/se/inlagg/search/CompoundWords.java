package se.inlagg.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * The words of the index that are compounds ending in a word sought: Swedish writes a compound as one
 * word with its head last, so an "årsmöte" is a "möte" and a "medarbetarundersökning" an "undersökning",
 * and a reader who types the head expects to find them (found by a Swedish reader's probe: "möte" missed
 * "Årsmöte", "undersökning" every "medarbetarundersökning"). Found by reading the index's own terms at
 * search time, not by a dictionary (none of an open licence is small enough to load at a cold start) nor by
 * indexing every tail of every word (which would grow the index that every search function fetches).
 *
 * <p>A term is a compound of a word sought when it ends in that word's stem, with at least
 * {@link #FIRST_PART} letters before it: "bemöt" (be + möt) is not a meeting. A word typed shorter than
 * {@link #SHORTEST} letters, and a few words that are also endings of other words ("ring" ends every
 * "förändring"), seek no compounds: too many words end in them by chance.
 */
final class CompoundWords {

    /** The shortest word typed whose compounds are sought: "tal" would find "digital" and "kapital". */
    static final int SHORTEST = 4;
    /** The fewest bytes before the head: a first part of at least three letters (UTF-8: å, ä, ö are two). */
    static final int FIRST_PART = 3;
    /** Compounds per word and field at most, so one search reads a bounded set of terms. */
    static final int MOST = 256;
    /** Stems that are also common endings of Swedish words that are no compounds of them. */
    private static final Set<String> ENDINGS = Set.of("ring", "ling", "ning", "ande", "ende", "else", "skap", "tion", "sion", "ism");

    private CompoundWords() {
    }

    /** Whether compounds of this word are sought: a word, not a phrase's part, long enough, and not an ending. */
    static boolean sought(SwedishText.Word word) {
        return word.typed().codePointCount(0, word.typed().length()) >= SHORTEST;
    }

    /**
     * For each field, the terms that are compounds of each of these stems: one pass over the field's terms
     * whatever the number of stems (each term's last byte picks the stems it may end in).
     */
    static Map<String, Map<String, List<BytesRef>>> in(IndexReader reader, Iterable<String> fields, Set<String> stems) throws IOException {
        Map<Byte, List<byte[]>> byLastByte = new HashMap<>();
        for (String stem : stems) {
            if (stem.length() >= SHORTEST - 1 && !ENDINGS.contains(stem)) {
                byte[] bytes = stem.getBytes(StandardCharsets.UTF_8);
                byLastByte.computeIfAbsent(bytes[bytes.length - 1], b -> new ArrayList<>()).add(bytes);
            }
        }
        Map<String, Map<String, List<BytesRef>>> found = new LinkedHashMap<>();
        if (byLastByte.isEmpty()) {
            return found;
        }
        for (String field : fields) {
            Terms terms = MultiTerms.getTerms(reader, field);
            if (terms == null) {
                continue;
            }
            Map<String, List<BytesRef>> ofField = new HashMap<>();
            TermsEnum each = terms.iterator();
            for (BytesRef term = each.next(); term != null; term = each.next()) {
                if (term.length == 0) {
                    continue;
                }
                List<byte[]> candidates = byLastByte.get(term.bytes[term.offset + term.length - 1]);
                if (candidates == null) {
                    continue;
                }
                for (byte[] stem : candidates) {
                    if (term.length >= stem.length + FIRST_PART && endsWith(term, stem)) {
                        List<BytesRef> of = ofField.computeIfAbsent(new String(stem, StandardCharsets.UTF_8), s -> new ArrayList<>());
                        if (of.size() < MOST) {
                            of.add(BytesRef.deepCopyOf(term));
                        }
                    }
                }
            }
            if (!ofField.isEmpty()) {
                found.put(field, ofField);
            }
        }
        return found;
    }

    /**
     * Whether the term's bytes end in the stem's. UTF-8 never starts a character with a byte that continues one,
     * so bytes that match a whole stem at the end match it from a character's start.
     */
    private static boolean endsWith(BytesRef term, byte[] stem) {
        int from = term.offset + term.length - stem.length;
        for (int i = 0; i < stem.length; i++) {
            if (term.bytes[from + i] != stem[i]) {
                return false;
            }
        }
        return true;
    }
}
