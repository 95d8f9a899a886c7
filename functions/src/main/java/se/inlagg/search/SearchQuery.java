package se.inlagg.search;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import se.inlagg.posts.BreakHints;

/**
 * What a reader typed, as words and quoted phrases that must all be found. The text is never given
 * to Lucene's query parser: its syntax (AND, +, *, ~, field:) is just text here, and nothing a
 * reader types can make a query that fails to parse or that costs more than a few words do.
 */
final class SearchQuery {

    /**
     * More words than anyone types: a search of more is refused (SearchService), which bounds what one query costs. Found by
     * a Swedish reader's probe: the words past it were ignored without a word, and the page said it had found them.
     */
    static final int MAX_CLAUSES = 16;
    /** Each field's weight: a word in the title or a category counts for more than one in the text. */
    static final Map<String, Float> FIELDS = Map.of(PostDocument.TITLE, 3.0f, PostDocument.TAGS, 2.5f,
            PostDocument.NAME, 1.5f, PostDocument.BYLINE, 1.5f, PostDocument.BODY, 1.0f, PostDocument.JOINED, 1.0f, PostDocument.MORE, 1.0f);
    /** One thing that must be found: a word, or words in this order. */
    sealed interface Clause {
    }

    /** A word, by the terms the index may hold it under in each field for what was typed (SwedishText.Word#soughtIn): any will do. */
    record Word(SwedishText.Word word) implements Clause {
    }

    record Phrase(List<SwedishText.Word> words) implements Clause {
    }

    /**
     * A word typed with hyphens ("e-post", "IT-stöd"): found as its parts side by side, as most write it, or joined as one
     * word ("epost"), as others write it and as the index also holds every hyphenated word (PostDocument#JOINED). Typed as
     * two words, "e-post" found "e-post" but not "epost"; and "e" alone is in no way the word sought.
     */
    record Hyphenated(Phrase parts, SwedishText.Word joined) implements Clause {
    }

    /**
     * A compound's score, a fixed part of its field's weight whatever the compound (CompoundWords), where the word itself
     * scores by how rare it is (BM25): an "Årsmöte" found by "möte" counts for less than a "möte" in the same field, unless
     * "möte" is in most posts; a compound in the title may then rank above the word deep in a long text (from a review).
     */
    static final float COMPOUND_WEIGHT = 0.1f;

    /**
     * The most terms of the index that the words of a search for similar words may stand for, all together, each a read
     * of its posts: so a search of many mistyped words costs a few hundred of them, not a thousand or more, and stays
     * under Lucene's limit of 1,024 clauses in one query.
     */
    static final int MAX_SIMILAR_TERMS = 400;
    /**
     * A stem of fewer letters than this is sought as typed even among similar words: one letter off would be another
     * word too often ("minnen" is "minn", one off "min").
     */
    static final int SIMILAR_FROM = 5;
    /** From this many letters a word may be two letters off (a swap of two counts as one). */
    static final int TWO_OFF_FROM = 8;
    /**
     * A stem of more letters than this is sought as typed: the automaton that finds a word two letters off grows with
     * the word, and one of 200 letters took half a second to build (from a review). No Swedish word typed is that long.
     */
    static final int SIMILAR_UP_TO = 20;
    /** The most words of one search that are sought as similar ones: each costs an automaton for each field. */
    static final int MAX_WIDENED = 3;
    /**
     * The fields a word is sought in as similar words: not an author's name, where one letter off is another person
     * (Nilson, Nilsson), nor the joined words, which are the same words again.
     */
    static final Set<String> SIMILAR_FIELDS = Set.of(PostDocument.TITLE, PostDocument.TAGS, PostDocument.BYLINE, PostDocument.BODY,
            PostDocument.MORE);

    private final List<Clause> clauses;
    /** Per stem sought, the index's compounds of it (CompoundWords); empty until looked up. */
    private final Map<String, List<BytesRef>> compounds;
    /** The words sought as similar ones too ({@link #similar}); none in a query as typed. */
    private final Set<Word> widened;
    /** How many of the index's terms each widened word may stand for in each field. */
    private final int similarTerms;

    /** Whether what was typed had more than {@link #MAX_CLAUSES} words to seek, which a search may not have. */
    private final boolean leftOut;

    private SearchQuery(List<Clause> clauses, Map<String, List<BytesRef>> compounds, Set<Word> widened, int similarTerms, boolean leftOut) {
        this.leftOut = leftOut;
        this.clauses = List.copyOf(clauses);
        this.compounds = compounds;
        this.widened = Set.copyOf(widened);
        this.similarTerms = similarTerms;
    }

    /**
     * Splits at double quotes (straight or typographic); a quote left open at the end counts as
     * none. Only what the analyser keeps as words remains, so punctuation alone is no query at all.
     */
    static SearchQuery parse(String typed, SwedishText analyzer) {
        // A word pasted with a soft hyphen or a zero-width space in it is the word, as the index holds it.
        String text = BreakHints.removed(typed);
        List<String> quoted = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean inQuote = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\u201d' || c == '\u201c' || c == '\u201e') {
                (inQuote ? quoted : plain).add(part.toString());
                part.setLength(0);
                inQuote = !inQuote;
            } else {
                part.append(c);
            }
        }
        plain.add(part.toString());
        Set<Object> seen = new LinkedHashSet<>();
        List<Clause> clauses = new ArrayList<>();
        // Whether a word was left out for the limit: the search is then refused, never made of the first words alone.
        boolean leftOut = false;
        for (String phrase : quoted) {
            List<SwedishText.Word> words = analyzer.words(phrase);
            if (words.size() == 1) {
                leftOut |= add(clauses, seen, new Word(words.getFirst()));
            } else if (words.size() > 1) {
                leftOut |= words.size() > MAX_CLAUSES | add(clauses, seen, new Phrase(words.stream().limit(MAX_CLAUSES).toList()));
            }
        }
        for (String words : plain) {
            Matcher hyphenated = PostDocument.HYPHENATED.matcher(words);
            int from = 0;
            while (hyphenated.find()) {
                leftOut |= addWords(clauses, seen, analyzer.words(words.substring(from, hyphenated.start())));
                leftOut |= addHyphenated(clauses, seen, hyphenated.group(), analyzer);
                from = hyphenated.end();
            }
            leftOut |= addWords(clauses, seen, analyzer.words(words.substring(from)));
        }
        return new SearchQuery(clauses, Map.of(), Set.of(), 0, leftOut);
    }

    /** Whether what was typed had more words to seek than a search may have ({@link #MAX_CLAUSES}); a word typed twice is one. */
    boolean leftOutWords() {
        return leftOut;
    }

    /** Each word as a clause; whether one was left out for the limit. */
    private static boolean addWords(List<Clause> clauses, Set<Object> seen, List<SwedishText.Word> words) {
        boolean leftOut = false;
        for (SwedishText.Word w : words) {
            leftOut |= add(clauses, seen, new Word(w));
        }
        return leftOut;
    }

    /**
     * A word typed with hyphens, as its parts or joined; as words when the analyser makes no two parts or no one word of it.
     * Whether a word was left out for the limit.
     */
    private static boolean addHyphenated(List<Clause> clauses, Set<Object> seen, String typed, SwedishText analyzer) {
        List<SwedishText.Word> parts = analyzer.words(typed);
        List<SwedishText.Word> joined = analyzer.words(PostDocument.withoutHyphens(typed));
        if (parts.size() > 1 && joined.size() == 1) {
            return parts.size() > MAX_CLAUSES | add(clauses, seen, new Hyphenated(new Phrase(parts.stream().limit(MAX_CLAUSES).toList()),
                    joined.getFirst()));
        }
        return addWords(clauses, seen, parts);
    }

    /**
     * The same query, where each word long enough also finds the compounds of this index that end in it
     * (CompoundWords); the words of a quoted phrase and of an author's name stand as typed.
     */
    SearchQuery withCompoundsIn(IndexReader reader, SwedishText text) throws IOException {
        Set<String> spelt = new LinkedHashSet<>();
        Set<String> folded = new LinkedHashSet<>();
        for (Clause c : clauses) {
            if (c instanceof Word w && CompoundWords.sought(w.word())) {
                spelt.add(w.word().exact());
                if (w.word().typedInPlainLetters()) {
                    // Typed in plain letters: its compounds may be spelt with å, ä or ö, so they are sought folded too.
                    folded.add(w.word().folded());
                }
            }
        }
        if (spelt.isEmpty()) {
            return this;
        }
        return new SearchQuery(clauses, CompoundWords.in(reader, spelt, folded, text::forms), Set.of(), 0, leftOut);
    }

    /**
     * The same words, where each that finds nothing on its own (among the posts published by now in the scope) and whose
     * stem has from {@link #SIMILAR_FROM} to {@link #SIMILAR_UP_TO} letters also finds the index's words a letter off it
     * (two from {@link #TWO_OFF_FROM}), the first letter as typed, at most {@link #MAX_WIDENED} words: for a search that
     * found nothing as typed, most often for a typo ("kontraksvård", "Norrköpimg"). A word found as typed stays as typed
     * (from a review: "Andersson budget" found Eva Anderson's budget), as do phrases. Empty when no word is to be widened.
     */
    Optional<SearchQuery> similar(IndexSearcher searcher, Instant now, SearchScope scope) throws IOException {
        Set<Word> nowhere = new LinkedHashSet<>();
        for (Clause c : clauses) {
            if (c instanceof Word w && nowhere.size() < MAX_WIDENED && widenable(w.word().soughtAlone().getFirst())
                    && searcher.count(within(anyField(c), now, scope)) == 0) {
                nowhere.add(w);
            }
        }
        if (nowhere.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SearchQuery(clauses, compounds, nowhere, Math.max(1, MAX_SIMILAR_TERMS / (nowhere.size() * SIMILAR_FIELDS.size())),
                leftOut));
    }

    /**
     * The terms of the field a letter or two off this one (the first letter as typed), at most this query's share of
     * {@link #MAX_SIMILAR_TERMS}. Only the word's first term: the others are the same word typed otherwise.
     */
    private Query similarTo(String field, String term) {
        int off = term.codePointCount(0, term.length()) >= TWO_OFF_FROM ? 2 : 1;
        return new FuzzyQuery(new Term(field, term), off, 1, similarTerms, true);
    }

    private static boolean widenable(String stem) {
        int letters = stem.codePointCount(0, stem.length());
        return letters >= SIMILAR_FROM && letters <= SIMILAR_UP_TO;
    }

    /** Adds a clause not sought already; whether it was left out, there being {@link #MAX_CLAUSES} already. */
    private static boolean add(List<Clause> clauses, Set<Object> seen, Clause clause) {
        Object key = switch (clause) {
            case Word w -> List.of(w.word().soughtAlone(), w.word().soughtAsName());
            case Phrase p -> p.words().stream().map(SwedishText.Word::soughtAlone).toList();
            case Hyphenated h -> List.of(h.joined().soughtAlone(), "joined");
        };
        if (seen.contains(key)) {
            return false;
        }
        if (clauses.size() >= MAX_CLAUSES) {
            return true;
        }
        seen.add(key);
        clauses.add(clause);
        return false;
    }

    boolean isEmpty() {
        return clauses.isEmpty();
    }

    /** The terms of every word sought, for marking them in snippets (SwedishText.Word#isAny): a phrase's only together. */
    Sought sought() {
        Set<String> words = new LinkedHashSet<>();
        List<List<Set<String>>> phrases = new ArrayList<>();
        for (Clause c : clauses) {
            switch (c) {
                case Word w -> words.addAll(w.word().soughtAlone());
                case Phrase p -> phrases.add(soughtTogether(p));
                case Hyphenated h -> {
                    phrases.add(soughtTogether(h.parts()));
                    words.addAll(h.joined().soughtAlone());
                }
            }
        }
        compounds.values().forEach(found -> found.forEach(t -> words.add(t.utf8ToString())));
        return new Sought(words, phrases);
    }

    private static List<Set<String>> soughtTogether(Phrase p) {
        return p.words().stream().<Set<String>>map(w -> new LinkedHashSet<>(w.soughtAlone())).toList();
    }

    /**
     * Every clause in some field, among the posts published by now (scheduled ones wait for their time) that are in
     * each facet of the scope: filters, which count for nothing in the ranking.
     */
    Query toLucene(Instant now, SearchScope scope) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (Clause c : clauses) {
            all.add(anyField(c), BooleanClause.Occur.MUST);
        }
        return within(all, now, scope);
    }

    /** Every post published by now that is in each facet of the scope. */
    static Query allWithin(Instant now, SearchScope scope) {
        return within(new MatchAllDocsQuery(), now, scope);
    }

    /** The query, among the posts published by now that are in each facet of the scope. */
    private static Query within(Query query, Instant now, SearchScope scope) {
        return within(new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST), now, scope);
    }

    private static Query within(BooleanQuery.Builder all, Instant now, SearchScope scope) {
        all.add(LongPoint.newRangeQuery(PostDocument.PUBLISHED, Long.MIN_VALUE, now.getEpochSecond()), BooleanClause.Occur.FILTER);
        for (var facet : scope.facets()) {
            all.add(new TermQuery(new Term(PostDocument.FACET, facet.path())), BooleanClause.Occur.FILTER);
        }
        return all.build();
    }

    private Query anyField(Clause clause) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        FIELDS.forEach((field, weight) -> {
            switch (clause) {
                case Word w -> {
                    List<String> sought = w.word().soughtIn(field);
                    if (widened.contains(w) && SIMILAR_FIELDS.contains(field)) {
                        any.add(new BoostQuery(similarTo(field, sought.getFirst()), weight), BooleanClause.Occur.SHOULD);
                    } else {
                        Set<BytesRef> ofWord = new LinkedHashSet<>();
                        for (String t : sought) {
                            any.add(new BoostQuery(new TermQuery(new Term(field, t)), weight), BooleanClause.Occur.SHOULD);
                            if (!field.equals(PostDocument.NAME)) {
                                ofWord.addAll(compounds.getOrDefault(t, List.of()));
                            }
                        }
                        // One clause however many compounds: a set of terms, scored alike, counts as one of Lucene's clauses.
                        if (!ofWord.isEmpty()) {
                            any.add(new BoostQuery(new TermInSetQuery(field, ofWord), weight * COMPOUND_WEIGHT), BooleanClause.Occur.SHOULD);
                        }
                    }
                }
                case Phrase p -> any.add(new BoostQuery(phrase(p, field), weight), BooleanClause.Occur.SHOULD);
                case Hyphenated h -> {
                    any.add(new BoostQuery(phrase(h.parts(), field), weight), BooleanClause.Occur.SHOULD);
                    for (String t : h.joined().soughtIn(field)) {
                        any.add(new BoostQuery(new TermQuery(new Term(field, t)), weight), BooleanClause.Occur.SHOULD);
                    }
                }
            }
        });
        return any.build();
    }

    /**
     * The phrase in one field, each place of it taking any term its word alone would (from a review:
     * "kriminalvardsinspektor jose" in quotes found less than without them).
     */
    private static Query phrase(Phrase p, String field) {
        MultiPhraseQuery.Builder phrase = new MultiPhraseQuery.Builder();
        int first = p.words().getFirst().position();
        p.words().forEach(w -> phrase.add(w.soughtIn(field).stream().map(t -> new Term(field, t)).toArray(Term[]::new),
                w.position() - first));
        return phrase.build();
    }
}
