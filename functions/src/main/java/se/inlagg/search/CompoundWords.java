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
 * part, is itself a word of the index as spelt, with or without the "s", "e" or "o" that joins the parts:
 * "årsmöte" is "år" + "möte", "kontorsmöte" "kontor" + "möte", while "trafik" is no "fik" ("tra" is no word,
 * whatever "trä" folds to) and "bemöter" no "möte". From two reviews, which found "fika" finding "trafiken"
 * when any ending would do, and a word the fold of "trä" made. A word typed in plain letters is also sought
 * among the stems folded to plain letters, its first part a word so folded ("inspektor" finds
 * "frivårdsinspektör" when "frivård" is a word of the blog). Not:
 * <ul>
 * <li>a first part that is a particle of a verb or a preposition, as spelt or by its stem ("medarbetare" is no
 *     "arbete", "föreläsning" no "läsning");
 * <li>a stem shorter than three letters, nor one Snowball cut into a common word's own letters ("dator" is "dat",
 *     which "skadats" ends in);
 * <li>a stem that is an ending of many words ("ing" of "ingen" ends every "utbildning").
 * </ul>
 *
 * <p>The stems that end in a stem sought are read from {@link PostDocument#REVERSED} by one seek, and each
 * first part by one seek more: the cost follows the compounds found, not the size of the index (from a
 * review: reading every term of four fields cost 2 to 4 ms a search at 57,000 terms).
 */
final class CompoundWords {

    /** The shortest stem whose compounds are sought ("rum" finds "konferensrum"; "år" finds none). */
    static final int SHORTEST_STEM = 3;
    /** The fewest letters before the head. */
    static final int FIRST_PART = 2;
    /** Compounds per stem sought at most, and how many words ending in it are looked at to find them. */
    static final int MOST = 256;
    static final int LOOKED_AT = 4 * MOST;
    /** Stems that are also endings of many Swedish words that are no compounds of them. */
    private static final Set<String> ENDINGS = Set.of("ing", "ning", "ring", "ling", "het", "else", "skap", "ande", "ende", "tion",
            "sion", "ism", "ist", "isk", "lig", "ell", "are", "tet", "dom");
    /** First parts that make a verb's or a preposition's word, not a compound of the head ("med" + "arbetare"). */
    private static final Set<String> PARTICLES = Set.of("med", "för", "före", "for", "fore", "till", "upp", "över", "over", "under",
            "efter", "mot", "fram", "fort", "bort", "från", "fran", "genom", "vid", "sam", "miss", "utom", "inom", "åter", "ater",
            "ifrån", "omkring", "ned", "ner", "be", "an", "er", "bi", "ut", "in", "av", "på", "pa", "om");
    /**
     * Stems Snowball cut into a common word's own letters, whose compounds would be words that merely end alike ("dator"
     * is "dat", which "skadats" and "soldat" end in; "motor" and the preposition "mot" are "mot"; from a review).
     */
    private static final Set<String> CUT_SHORT = Set.of("dat", "mot");

    private CompoundWords() {
    }

    /**
     * Whether compounds of this word are sought: every form of a word alike, so "kontor" finds what "kontoret" does
     * (from a Swedish reader's probe: a rule on the word as typed made the base form find fewer than its other forms).
     */
    static boolean sought(SwedishText.Word word) {
        return word.exact().codePointCount(0, word.exact().length()) >= SHORTEST_STEM && !CUT_SHORT.contains(word.exact());
    }

    /**
     * The compounds of the index for each of these stems (none for most), found among the stems as spelt for a
     * stem sought as spelt and among the folded ones for a stem sought in plain letters; {@code forms} gives a
     * first part's forms as the index holds a word's.
     */
    static Map<String, List<BytesRef>> in(IndexReader reader, Set<String> spelt, Set<String> folded,
                                          Function<String, SwedishForms.Forms> forms) throws IOException {
        Map<String, List<BytesRef>> found = new HashMap<>();
        Terms reversed = MultiTerms.getTerms(reader, PostDocument.REVERSED);
        if (reversed == null) {
            return found;
        }
        TermsEnum words = reversed.iterator();
        for (String stem : spelt) {
            find(stem, PostDocument.SPELT, reversed, words, forms, found);
        }
        for (String stem : folded) {
            find(stem, PostDocument.FOLDED, reversed, words, forms, found);
            find(stem, PostDocument.PLAIN, reversed, words, forms, found);
        }
        return found;
    }

    private static void find(String stem, char kind, Terms reversed, TermsEnum words, Function<String, SwedishForms.Forms> forms,
                             Map<String, List<BytesRef>> found) throws IOException {
        if (stem.codePointCount(0, stem.length()) < SHORTEST_STEM || ENDINGS.contains(stem)) {
            return;
        }
        BytesRef prefix = new BytesRef(kind + PostDocument.reversed(stem));
        TermsEnum each = reversed.iterator();
        if (each.seekCeil(prefix) == TermsEnum.SeekStatus.END) {
            return;
        }
        List<BytesRef> compounds = new ArrayList<>(found.getOrDefault(stem, List.of()));
        int looked = 0;
        for (BytesRef term = each.term(); term != null && StringHelper.startsWith(term, prefix) && looked < LOOKED_AT
                && compounds.size() < MOST; term = each.next()) {
            looked++;
            String backwards = term.utf8ToString().substring(1);
            if (kind != PostDocument.SPELT && words.seekExact(new BytesRef(PostDocument.SPELT + backwards))) {
                // A word in plain letters as spelt ("trafik"): judged as spelt, by the other seek.
                continue;
            }
            String compound = PostDocument.reversed(backwards);
            String first = compound.substring(0, compound.length() - stem.length());
            // Typed in plain letters, a compound of a word with å, ä or ö is found by its folded letters, its first part
            // a word as folded ("frivards" is "frivård"; from a Swedish reader's probe, "inspektor" found 4 posts where
            // "inspektör" found 22).
            if (first.codePointCount(0, first.length()) >= FIRST_PART
                    && isWord(first, kind == PostDocument.SPELT ? PostDocument.SPELT : PostDocument.FOLDED, words, forms)) {
                compounds.add(new BytesRef(compound));
            }
        }
        if (!compounds.isEmpty()) {
            found.put(stem, compounds);
        }
    }

    /**
     * Whether a first part is a word of the index as spelt (or folded): as it is, or without the letter that joins it ("års",
     * "kvinno"). Never by a {@link PostDocument#PLAIN} stem, which is what stemming a word typed without å, ä and ö cut it to.
     */
    private static boolean isWord(String first, char kind, TermsEnum words, Function<String, SwedishForms.Forms> forms) throws IOException {
        List<String> candidates = new ArrayList<>(List.of(first));
        char last = first.charAt(first.length() - 1);
        if (last == 's' || last == 'e' || last == 'o') {
            candidates.add(first.substring(0, first.length() - 1));
        }
        for (String candidate : candidates) {
            if (candidate.length() < FIRST_PART || PARTICLES.contains(candidate)) {
                continue;
            }
            SwedishForms.Forms f = forms.apply(candidate);
            String stem = kind == PostDocument.SPELT ? f.exact() : f.folded();
            if (PARTICLES.contains(f.exact()) || PARTICLES.contains(stem)) {
                continue;
            }
            if (words.seekExact(new BytesRef(kind + PostDocument.reversed(stem)))) {
                return true;
            }
            // In plain letters, a first part that is itself a word's folded stem: "militar" of "militär", which stemming the
            // plain letters cuts to "milit" (from a review: "ovning" lost "militärövning" when first parts left PLAIN stems).
            if (kind == PostDocument.FOLDED && !candidate.equals(stem) && words.seekExact(new BytesRef(kind + PostDocument.reversed(candidate)))) {
                return true;
            }
        }
        return false;
    }
}
