package se.inlagg.search;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * A hit's relevance weighed by how new its post is: {@code score × (1 + 0.5 × year / (year + age))}, so a post published
 * now counts half again as much as an equally good match published long ago, and one a year old a quarter more. Most
 * searches on a staff blog are for what is going on (this December's julbord, not 2019's), but the weight is a factor of
 * at most 1.5, less than a word in the title counts over one in the text (three times), so the newer of two posts comes
 * first only where they match about as well. A factor, not a sum: the score's scale grows with the blog (a word's rarity),
 * a bonus added to it would not.
 */
final class Freshness extends DoubleValuesSource {

    /** What a post published at the moment of the search gains: half its relevance again. */
    static final double MOST = 0.5;
    /** The age at which a post has half that gain left. */
    static final long HALF_GAIN_SECONDS = Duration.ofDays(365).toSeconds();

    private final long now;

    private Freshness(long now) {
        this.now = now;
    }

    static Freshness at(Instant now) {
        return new Freshness(now.getEpochSecond());
    }

    /** The factor a post published at {@code publishedSecond} (epoch seconds) gets: 1.5 now, towards 1 with age. */
    double factor(long publishedSecond) {
        // A post dated after now is no hit (the search filters on its time); counted as new, should one be.
        long age = Math.max(0, now - publishedSecond);
        return 1 + MOST * HALF_GAIN_SECONDS / (double) (HALF_GAIN_SECONDS + age);
    }

    @Override
    public DoubleValues getValues(LeafReaderContext leaf, DoubleValues scores) throws IOException {
        NumericDocValues published = DocValues.getNumeric(leaf.reader(), PostDocument.PUBLISHED);
        return new DoubleValues() {
            private boolean dated;

            @Override
            public double doubleValue() throws IOException {
                // Every post is indexed with its time; one without would simply not gain.
                return scores.doubleValue() * (dated ? factor(published.longValue()) : 1);
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                dated = published.advanceExact(doc);
                return scores.advanceExact(doc);
            }
        };
    }

    @Override
    public boolean needsScores() {
        return true;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext leaf) {
        // Its values follow each search's scores and time.
        return false;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(now);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Freshness f && f.now == now;
    }

    @Override
    public String toString() {
        return "freshness(now=" + now + ")";
    }
}
