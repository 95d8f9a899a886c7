package se.inlagg.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Swedish as readers type it: words split by Unicode's rules, lower-cased, and each word indexed in the
 * forms {@link SwedishForms} gives it: its stem folded to ASCII, its stem as spelt, and the stem of the
 * word typed without å, ä and ö. So "möten" and "möte" are one word, "klienterna" and "klient" too,
 * "frivard" and "vasteras" find "Frivården" and "Västerås", and "möte" typed with its ö never finds "mot".
 *
 * <p>The light Swedish stemmer was tried and dropped: it makes "klien" of "klienterna" but "klient" of
 * "klient", and "ruti" of "rutiner" but "rutin" of "rutin". No stop words: every word a reader types
 * must be found, and BM25 already weighs common words down.
 */
final class SwedishText extends Analyzer {

    /** Between two values of one field (two tags, name and office), so a phrase never spans them. */
    static final int VALUE_GAP = 100;

    /** One position of analysed text: the forms the index holds for it (SwedishForms), and where it stood. */
    record Word(String folded, String exact, String plain, String typed, int position, int start, int end) {

        /**
         * Whether the index has this word under a term sought. A term sought is a plain stem or an accented one
         * (SearchQuery picks), so asking all three forms is what a TermQuery on the word's position asks.
         */
        boolean isAny(Set<String> terms) {
            return terms.contains(folded) || terms.contains(exact) || terms.contains(plain);
        }

        /** The same word standing for this stretch of a text: a word written with hyphens, read joined (Snippets). */
        Word spanning(int from, int to) {
            return new Word(folded, exact, plain, typed, position, from, to);
        }

        /** The term sought that this word is: for counting distinct words found. */
        String termIn(Set<String> terms) {
            return terms.contains(exact) ? exact : terms.contains(folded) ? folded : plain;
        }

        /**
         * What a word seeks, any of: its stem as spelt when that has å, ä or ö (only that word has it);
         * else its plain stem, and the word as typed too, for a word in plain letters that stems otherwise
         * than the accented word it stands for ("frivardsinspektor" loses "or", "frivårdsinspektören" keeps "ör").
         */
        List<String> soughtAlone() {
            if (!exact.equals(folded)) {
                // å, ä and ö make other Swedish words (möte, mot); other marks (José, café, Straße) do not, and text
                // may be written without them: those seek the folded and the plain stems too (from a review).
                return swedishMarksOnly(exact) ? List.of(exact)
                        : List.copyOf(new LinkedHashSet<>(List.of(exact, folded, plain)));
            }
            return typed.equals(folded) || !typedInPlainLetters() ? List.of(folded) : List.of(folded, typed);
        }

        /** Whether the word was typed in plain letters, where å, ä and ö may have been meant. */
        boolean typedInPlainLetters() {
            return typed.chars().allMatch(c -> c < 128);
        }

        /**
         * What it seeks in a name, whose words are whole: as spelt when it has å, ä or ö, else folded (other marks:
         * both). Found from the word as typed when asked: only a query's words are, never a snippet's.
         */
        List<String> soughtAsName() {
            SwedishForms.Forms name = SwedishForms.Stems.ofName(typed);
            if (name.exact().equals(name.folded())) {
                return List.of(name.folded());
            }
            return swedishMarksOnly(name.exact()) ? List.of(name.exact()) : List.of(name.exact(), name.folded());
        }

        /** What it seeks in this field: an author's name is indexed by whole words, every other field by stems. */
        List<String> soughtIn(String field) {
            return field.equals(PostDocument.NAME) ? soughtAsName() : soughtAlone();
        }

        /** Whether the only marks in it are å, ä and ö, which make other Swedish words (möte, mot). */
        private static boolean swedishMarksOnly(String word) {
            return word.chars().allMatch(c -> c < 128 || "åäö".indexOf(c) >= 0);
        }
    }

    /**
     * Words lower-cased, as {@link #words} reads them before it finds their forms: an analyser of its own, so its
     * tokenizer is kept per thread, as the index's is, not made anew for every snippet of every hit.
     */
    private final Analyzer lowerCased = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new LowerCaseFilter(source));
        }
    };
    private final ThreadLocal<SwedishForms.Stems> stems = ThreadLocal.withInitial(SwedishForms.Stems::new);

    SwedishText() {
        // A name's field has components of its own (words whole); Lucene's default reuses one field's for every field.
        super(PER_FIELD_REUSE_STRATEGY);
    }

    @Override
    protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, new SwedishForms(new LowerCaseFilter(source), field.equals(PostDocument.NAME)));
    }

    @Override
    public int getPositionIncrementGap(String field) {
        return VALUE_GAP;
    }

    /** The forms the index holds a lower-cased word in (SwedishForms), as the analysis would give them. */
    SwedishForms.Forms forms(String word) {
        return stems.get().of(word);
    }

    /** The words of a text, one per position, with their forms and their place in the text. */
    List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        SwedishForms.Stems forms = stems.get();
        try (TokenStream stream = lowerCased.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                SwedishForms.Forms f = forms.of(term.toString());
                words.add(new Word(f.folded(), f.exact(), f.plain(), term.toString(), position, offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading text from a string cannot fail", e);
        }
        return words;
    }
}
