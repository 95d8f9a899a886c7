package se.inlagg.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * The words of the index that are compounds of a word sought: Swedish writes a compound as one word with
 * its head last, so an "årsmöte" is a "möte" and a "medarbetarundersökning" an "undersökning", and a reader
 * who types the head expects to find them (found by a Swedish reader's probe: "möte" missed "Årsmöte",
 * "undersökning" every "medarbetarundersökning"). No dictionary (none of an open licence is small enough to
 * load at a cold start): the index itself says what a word is.
 *
 * <p>A stem of the index is a compound of a stem sought when it ends in it and what comes before, its first
 * part, is itself a word of the index (as a word's stem, with or without the "s" or "e" that joins the parts):
 * "årsmöte" is "år" + "möte", "kontorsmöte" "kontor" + "möte", while "trafik" is no "fik" ("tra" is no word)
 * and "däremot" no "mot" typed with its ö. From a review, which found "fika" finding "trafiken" when any
 * ending would do. Not a first part that is a particle of a verb or a preposition ("medarbetare" is no
 * "arbete", "förslag" no "slag"), not a word typed shorter than {@link #SHORTEST} letters, and not a stem that
 * is an ending of many words ("ing" of "ingen" ends every "utbildning").
 *
 * <p>The stems that end in a stem sought are read from {@link PostDocument#REVERSED} by one seek, and each
 * first part by a seek of its own: the cost follows the compounds found, not the size of the index (from a
 * review: reading every term of four fields cost 2 to 4 ms a search at 57,000 terms).
 */
final class CompoundWords {

    /** The shortest word typed whose compounds are sought: "tal" would find "avtal" and "kapital". */
    static final int SHORTEST = 4;
    /** The fewest letters before the head. */
    static final int FIRST_PART = 3;
    /** Compounds per stem sought at most (in the order of their reversed letters), so one search seeks a bounded number. */
    static final int MOST = 256;
    /** Stems that are also endings of many Swedish words that are no compounds of them. */
    private static final Set<String> ENDINGS = Set.of("ing", "ning", "ring", "ling", "het", "else", "skap", "ande", "ende", "tion",
            "sion", "ism", "ist", "isk", "lig", "ell", "are", "tet");
    /** First parts that make a verb's or a preposition's word, not a compound of the head ("med" + "arbetare"). */
    private static final Set<String> PARTICLES = Set.of("med", "för", "for", "till", "upp", "över", "over", "under", "efter", "mot",
            "fram", "bort", "från", "fran", "genom", "vid", "sam", "miss", "utom", "inom", "åter", "ater", "ifrån", "omkring");

    private CompoundWords() {
    }

    /** Whether compounds of this word are sought: typed long enough. */
    static boolean sought(SwedishText.Word word) {
        return word.typed().codePointCount(0, word.typed().length()) >= SHORTEST;
    }

    /**
     * The compounds of the index for each of these stems (empty for none), their first parts checked against
     * these fields' words; {@code forms} gives a first part's forms as the index holds a word's.
     */
    static Map<String, List<BytesRef>> in(IndexReader reader, List<String> fields, Set<String> stems,
                                          Function<String, SwedishForms.Forms> forms) throws IOException {
        Map<String, List<BytesRef>> found = new HashMap<>();
        Terms reversed = MultiTerms.getTerms(reader, PostDocument.REVERSED);
        if (reversed == null) {
            return found;
        }
        Words words = new Words(reader, fields);
        for (String stem : stems) {
            if (stem.codePointCount(0, stem.length()) < SHORTEST - 1 || ENDINGS.contains(stem)) {
                continue;
            }
            BytesRef prefix = new BytesRef(PostDocument.reversed(stem));
            TermsEnum each = reversed.iterator();
            if (each.seekCeil(prefix) == TermsEnum.SeekStatus.END) {
                continue;
            }
            List<BytesRef> compounds = new ArrayList<>();
            int seen = 0;
            for (BytesRef term = each.term(); term != null && StringHelper.startsWith(term, prefix) && seen < MOST; term = each.next()) {
                seen++;
                String compound = PostDocument.reversed(term.utf8ToString());
                String first = compound.substring(0, compound.length() - stem.length());
                if (first.codePointCount(0, first.length()) >= FIRST_PART && isWord(first, words, forms)) {
                    compounds.add(new BytesRef(compound));
                }
            }
            if (!compounds.isEmpty()) {
                found.put(stem, compounds);
            }
        }
        return found;
    }

    /** Whether a first part is a word of the index: as it is, or without the "s" or "e" that joins it ("års", "kvinno"). */
    private static boolean isWord(String first, Words words, Function<String, SwedishForms.Forms> forms) throws IOException {
        if (PARTICLES.contains(first)) {
            return false;
        }
        List<String> candidates = new ArrayList<>(List.of(first));
        char last = first.charAt(first.length() - 1);
        if (last == 's' || last == 'e' || last == 'o') {
            candidates.add(first.substring(0, first.length() - 1));
        }
        for (String candidate : candidates) {
            if (candidate.length() >= 2 && !PARTICLES.contains(candidate)) {
                SwedishForms.Forms f = forms.apply(candidate);
                if (words.has(f.exact()) || words.has(f.folded())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The fields' words, by a seek in each (their term dictionaries are read once per search). */
    private static final class Words {
        private final List<TermsEnum> fields = new ArrayList<>();

        Words(IndexReader reader, List<String> names) throws IOException {
            for (String name : names) {
                Terms terms = MultiTerms.getTerms(reader, name);
                if (terms != null) {
                    fields.add(terms.iterator());
                }
            }
        }

        boolean has(String word) throws IOException {
            BytesRef term = new BytesRef(word);
            for (TermsEnum field : fields) {
                if (field.seekExact(term)) {
                    return true;
                }
            }
            return false;
        }
    }
}
