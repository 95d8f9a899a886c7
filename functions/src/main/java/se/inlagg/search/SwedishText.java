package se.inlagg.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.tartarus.snowball.ext.SwedishStemmer;

/**
 * Swedish as readers type it: words split by Unicode's rules, lower-cased, stemmed by Snowball's
 * Swedish stemmer ("möten" and "möte" are one word, "klienterna" and "klient" too), then folded to
 * ASCII with the unfolded form kept at the same position. So "frivard" finds "Frivården", while a
 * query typed with å, ä and ö can still rank the exact spelling first.
 *
 * <p>Folding comes after stemming because the stemmer's suffixes are spelt with å, ä and ö. The
 * light Swedish stemmer was tried and dropped: it makes "klien" of "klienterna" but "klient" of
 * "klient", and "ruti" of "rutiner" but "rutin" of "rutin". No stop words: every word a reader types
 * must be found, and BM25 already weighs common words down.
 */
final class SwedishText extends Analyzer {

    /** Between two values of one field (two tags, name and office), so a phrase never spans them. */
    static final int VALUE_GAP = 100;

    /** One position of analysed text: the folded term (always indexed), the unfolded one, and where it stood. */
    record Word(String folded, String exact, int position, int start, int end) {
    }

    @Override
    protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream words = new LowerCaseFilter(source);
        words = new SnowballFilter(words, new SwedishStemmer());
        words = new ASCIIFoldingFilter(words, true);
        return new TokenStreamComponents(source, words);
    }

    @Override
    public int getPositionIncrementGap(String field) {
        return VALUE_GAP;
    }

    /** The words of a text, one per position, with both forms and their place in the text. */
    List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        try (TokenStream stream = tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                String t = term.toString();
                if (increment.getPositionIncrement() == 0 && !words.isEmpty()) {
                    // The filter emits the folded form first and the original after it, at the same place.
                    Word folded = words.removeLast();
                    words.add(new Word(folded.folded(), t, folded.position(), folded.start(), folded.end()));
                } else {
                    position += increment.getPositionIncrement();
                    words.add(new Word(t, t, position, offset.startOffset(), offset.endOffset()));
                }
            }
            stream.end();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("reading text from a string cannot fail", e);
        }
        return words;
    }
}
