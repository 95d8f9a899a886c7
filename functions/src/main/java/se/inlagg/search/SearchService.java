package se.inlagg.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import se.inlagg.ops.Log;
import se.inlagg.posts.Byline;
import se.inlagg.posts.Facet;
import se.inlagg.posts.FieldError;
import se.inlagg.posts.Nfc;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostRules;
import se.inlagg.posts.PostService;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.Refusal;
import se.inlagg.posts.Status;
import se.inlagg.posts.Tag;

/**
 * Search as the rest of the application sees it: find posts by what a reader typed, and keep the
 * index in step with the table. Searching reads a copy of the index kept in this container's memory;
 * writing goes through the one manifest in {@link IndexFiles}. Nothing here runs unless asked:
 * there is no search server, and an idle site costs only the stored files.
 */
public final class SearchService {

    /**
     * A query as it is searched: each control character (C0 and C1 alike, as the post rules count them) and
     * each noncharacter (U+FDD0, U+FFFF, …) a space, and the search page shows it so too. HTML may carry
     * neither (found by a probe: the page echoed U+FDD0 into its title and search box, which no post can hold).
     */
    public static String withoutControls(String text) {
        // A loop, not a stream: every search's first step, and in a function's first answers streams run interpreted.
        StringBuilder searched = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean blank = unsearchable(cp);
            if (blank && searched == null) {
                searched = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (searched != null) {
                searched.appendCodePoint(blank ? ' ' : cp);
            }
            i += Character.charCount(cp);
        }
        return searched == null ? text : searched.toString();
    }

    private static boolean unsearchable(int codePoint) {
        return Character.isISOControl(codePoint) || PostRules.isNoncharacter(codePoint);
    }

    /** The longest query read; the search box allows this many characters too. */
    public static final int MAX_QUERY = 200;
    /** The most words a search may have. */
    public static final int MAX_WORDS = SearchQuery.MAX_CLAUSES;
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 50;
    /** Hits beyond the first this many are never shown, on any page: deeper than any reader pages. */
    public static final int MAX_HITS = 1_000;
    /** Best first, relevance weighed by newness (Freshness); among equally good matches, the newer post first. */
    static Sort ranking(Instant now) {
        return new Sort(Freshness.at(now).getSortField(true), new SortField(PostDocument.PUBLISHED, SortField.Type.LONG, true));
    }

    /**
     * Lucene logs once per JVM that the Vector API is not enabled; nothing here uses vectors, so it
     * is only noise in every cold start's log. Held: java.util.logging keeps loggers weakly.
     */
    private static final Logger VECTOR_NOTICE = quiet("org.apache.lucene.internal.vectorization.VectorizationProvider");

    private final SwedishText analyzer = new SwedishText();
    private final Snippets snippets = new Snippets(analyzer);
    private final IndexReplica replica;
    private final IndexUpdater updater;
    private final Clock clock;
    /** The site's, in which a post's month is counted. */
    private final ZoneId zone;

    /** Search with its index in this bucket, through a client configured the standard way (AWS_ENDPOINT_URL_S3 and all). */
    public static SearchService inS3(String bucket, PostService posts, Clock clock) {
        return new SearchService(S3IndexFiles.standard(bucket), posts, clock);
    }

    public SearchService(IndexFiles files, PostService posts, Clock clock) {
        this(files, posts, clock, IndexTuning.DEPLOYED);
    }

    /** With the index laid out otherwise than deployed: for tests and the search benchmark, which measure a layout. */
    public SearchService(IndexFiles files, PostService posts, Clock clock, IndexTuning tuning) {
        this.clock = clock;
        this.zone = posts.time().zone();
        this.replica = new IndexReplica(files, clock);
        this.updater = new IndexUpdater(files, posts, analyzer, tuning);
    }

    /** Among every post readers may see: {@link #search(String, SearchScope, int, Optional)}. */
    public Outcome<SearchPage> search(String text, int limit, Optional<String> cursor) {
        return search(text, SearchScope.EVERYWHERE, limit, cursor);
    }

    /**
     * Posts readers may see now, within the scope, that match every word and phrase of {@code text}, best first.
     * Refused (never thrown) when there is nothing to search for, the text is too long or not text, or the
     * cursor belongs to another search (another text or another scope).
     */
    public Outcome<SearchPage> search(String text, SearchScope scope, int limit, Optional<String> cursor) {
        List<FieldError> errors = new ArrayList<>();
        // Spaces around the words are no part of the search, on the page or in the API (found by a probe: counted in the
        // API's 200 characters, they refused what the page searched).
        String q = text == null ? "" : withoutControls(text).strip();
        boolean broken = brokenUnicode(q);
        // Composed (NFC), as stored text is: a query pasted decomposed finds what one typed the usual way does, and is as
        // long (found by a probe: 150 "å" pasted decomposed from a Mac were refused as over 200 characters).
        String composed = broken ? q : Nfc.of(q);
        int length = composed.codePointCount(0, composed.length());
        boolean readable = !q.isBlank() && length <= MAX_QUERY && !broken;
        SearchQuery query = SearchQuery.parse(readable ? composed : "", analyzer);
        if (q.isBlank()) {
            errors.add(new FieldError("q", "must not be empty"));
        } else if (length > MAX_QUERY) {
            errors.add(new FieldError("q", "must be at most " + MAX_QUERY + " characters"));
        } else if (broken) {
            errors.add(new FieldError("q", "must be valid Unicode text"));
        } else if (query.leftOutWords()) {
            errors.add(new FieldError("q", "must have at most " + MAX_WORDS + " words"));
        } else if (query.isEmpty()) {
            errors.add(new FieldError("q", "must contain a letter or a digit"));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            errors.add(new FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
        }
        Optional<Integer> offset = cursor.map(c -> SearchCursor.decode(c, q, scope).orElse(-1));
        if (offset.filter(o -> o < 0).isPresent()) {
            errors.add(new FieldError("cursor", "is not a cursor of this search; start again without it"));
        }
        if (!errors.isEmpty()) {
            return Outcome.refused(new Refusal.Invalid(errors));
        }
        return Outcome.done(run(q, scope, query, offset.orElse(0), limit));
    }

    /**
     * A post readers may see now in every facet of the scope, whatever its words: what names the scope ("kategorin
     * Frivård") on a page of no hits, whose link named it by its address ("frivard"; found by a probe). Empty when the
     * scope has no such post, the index holds no facets yet (analysis 8 and older), or the index cannot be read just now:
     * a name is not worth failing a page of no hits for (from a review), so that is logged, not thrown.
     */
    public Optional<SearchHit> anyIn(SearchScope scope) {
        if (scope.isEverywhere()) {
            return Optional.empty();
        }
        try {
            return withSearcher(searcher -> {
                if (!holdsFacets(searcher.getIndexReader())) {
                    return Optional.<SearchHit>empty();
                }
                ScoreDoc[] docs = searcher.search(SearchQuery.allWithin(clock.instant(), scope), 1).scoreDocs;
                return docs.length == 0 ? Optional.<SearchHit>empty() : Optional.of(PostDocument.hit(searcher.storedFields().document(docs[0].doc), ""));
            }).flatMap(hit -> hit);
        } catch (IOException | RuntimeException e) {
            Log.warn("search_scope_not_named", "error", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private SearchPage run(String text, SearchScope scope, SearchQuery typed, int offset, int limit) {
        try {
            return withSearcher(searcher -> {
                SearchQuery query = typed.withCompoundsIn(searcher.getIndexReader(), analyzer);
                // Never more than the first 1,000 (and one, to tell whether more follow: top()).
                int wanted = Math.min(offset + limit, MAX_HITS);
                Instant now = clock.instant();
                StoredFields stored = searcher.storedFields();
                // An index built before posts held their facets (analysis 8) cannot filter on them: there the words are
                // sought among all posts and each hit's stored fields say whether it is in the scope, until the indexer
                // builds the index anew (from a review: a category's box found nothing after an upgrade until a post was written).
                boolean filtered = scope.isEverywhere() || holdsFacets(searcher.getIndexReader());
                SearchScope inQuery = filtered ? scope : SearchScope.EVERYWHERE;
                int gathered = filtered ? wanted : MAX_HITS;
                Optional<SearchScope> toCheck = filtered ? Optional.empty() : Optional.of(scope);
                Found found = found(top(searcher, query.toLucene(now, inQuery), gathered, now), toCheck, stored);
                Sought sought = query.sought();
                boolean similar = false;
                Optional<SearchQuery> alike = found.total() == 0 ? query.similar(searcher, now, inQuery) : Optional.empty();
                if (alike.isPresent()) {
                    // Nothing as typed: each word found nowhere also finds the words a letter or two off it, marked in the
                    // snippets by the words the index had for them. Decided by the index alone, so every page of such a
                    // search is one of these too, while the index stays as it is.
                    Query rewritten = searcher.rewrite(alike.get().toLucene(now, inQuery));
                    found = found(top(searcher, rewritten, gathered, now), toCheck, stored);
                    similar = found.total() > 0;
                    // The words' terms, the similar ones among them; a phrase's stay marked only together (termsOf).
                    Set<String> similarTerms = new LinkedHashSet<>();
                    rewritten.visit(termsOf(similarTerms));
                    sought = sought.withWords(similarTerms);
                }
                List<SearchHit> hits = new ArrayList<>();
                ScoreDoc[] docs = found.docs();
                // The first 1,000 hits and no more, as the API and README say, whatever the limit (found by a probe: 50 a page
                // gave 1,050, the last cursor made where the next page began at the 1,000th).
                int end = Math.min(offset + limit, MAX_HITS);
                for (int i = offset; i < Math.min(end, docs.length); i++) {
                    Document d = stored.document(docs[i].doc);
                    hits.add(PostDocument.hit(d, snippets.of(PostDocument.body(d), PostDocument.excerpt(d), sought)));
                }
                Optional<String> next = docs.length > end && end < MAX_HITS
                        ? Optional.of(SearchCursor.encode(text, scope, end)) : Optional.empty();
                Optional<String> previous = offset > 0 ? Optional.of(SearchCursor.encode(text, scope, Math.max(0, offset - limit))) : Optional.empty();
                return new SearchPage(found.total(), offset, hits, next, previous, similar);
            }).orElse(SearchPage.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@link #withSearcher} does with the index's current searcher. */
    @FunctionalInterface
    private interface SearcherUse<T> {
        T with(IndexSearcher searcher) throws IOException;
    }

    /**
     * {@code use} of the current searcher, released after it, however it ends: a searcher never released keeps the index
     * files it reads open after a refresh. Empty while there is no index yet (none fetched, or none built).
     */
    private <T> Optional<T> withSearcher(SearcherUse<T> use) throws IOException {
        Optional<SearcherManager> current = replica.current();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        IndexSearcher searcher = current.get().acquire();
        try {
            return Optional.of(use.with(searcher));
        } finally {
            current.get().release(searcher);
        }
    }

    /** The posts found, best first, as many as were gathered, and how many there are in all. */
    private record Found(ScoreDoc[] docs, long total) {
    }

    /** What the search found; with a scope to check (an index without facets), only the posts in it, counted among those gathered. */
    private Found found(TopFieldDocs top, Optional<SearchScope> toCheck, StoredFields stored) throws IOException {
        if (toCheck.isEmpty()) {
            return new Found(top.scoreDocs, top.totalHits.value());
        }
        List<String> paths = toCheck.get().facets().stream().map(Facet::path).toList();
        List<ScoreDoc> in = new ArrayList<>();
        for (ScoreDoc doc : top.scoreDocs) {
            if (PostDocument.facetPaths(stored.document(doc.doc), zone).containsAll(paths)) {
                in.add(doc);
            }
        }
        return new Found(in.toArray(ScoreDoc[]::new), in.size());
    }

    /** Whether some post of the index holds its facets (analysis 9 and later). */
    private static boolean holdsFacets(IndexReader reader) {
        return reader.leaves().stream().anyMatch(leaf -> leaf.reader().getFieldInfos().fieldInfo(PostDocument.FACET) != null);
    }

    private static TopFieldDocs top(IndexSearcher searcher, Query query, int wanted, Instant now) throws IOException {
        return searcher.search(query, new TopFieldCollectorManager(ranking(now), wanted + 1, null, Integer.MAX_VALUE));
    }

    /**
     * A visitor that adds every term a (rewritten) query seeks to {@code terms}, but a phrase's: its words are marked only
     * where they stand together (Sought), and a similar word's term that is also a phrase's is still added by its own query.
     */
    private static QueryVisitor termsOf(Set<String> terms) {
        return new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... sought) {
                if (query instanceof MultiPhraseQuery || query instanceof PhraseQuery) {
                    return;
                }
                for (Term t : sought) {
                    terms.add(t.text());
                }
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                // Filters (the scope's facets) mark nothing; a clause that must not match has none here.
                return occur == BooleanClause.Occur.FILTER || occur == BooleanClause.Occur.MUST_NOT ? EMPTY_VISITOR : this;
            }
        };
    }

    /**
     * Loads what a search needs (Lucene's analysis and reading, this container's copy of the index)
     * by running one; changes nothing. For priming before a SnapStart snapshot.
     */
    public void prime() {
        search("inlägg priming", 1, Optional.empty());
    }

    /**
     * Loads what indexing needs (Lucene's writing, Markdown made words) by indexing a made-up post in
     * a scratch index in memory, and the indexer's own copy of the stored index; changes nothing. For the
     * indexer's priming before a SnapStart snapshot.
     */
    public void primeIndexing() {
        updater.primeWriting(primingPost());
        updater.primeCopy();
    }

    /**
     * A post of the usual shape (categories, a full byline, Markdown with a list and a link), made up and
     * never stored; made when asked, so the searching functions' cold starts never load what it names.
     */
    private static Post primingPost() {
        return new Post(new PostSummary("00000000-0000-4000-8000-000000000000", "priming",
            "Månadsmöte i Ystad", "Ingress", new Byline("Åsa Öberg", Optional.of("Handläggare"), Optional.of("Frivården Malmö")),
            List.of(new Tag("frivard", "Frivård"), new Tag("samverkan", "Samverkan")), Optional.empty(), Status.PUBLISHED,
            Instant.EPOCH, true, Instant.EPOCH, 1, "00000000-0000-4000-8000-000000000000"),
            "Vi träffades i **Ystad**.\n\n- samverkan\n- [rapporten](https://example.org/rapport)\n", "");
    }

    /** Applies changed posts to the index as they are now (the indexer calls this for a batch of the table's changes). */
    public IndexChange indexChanged(Collection<String> postIds) {
        IndexUpdater.Applied a = updater.apply(postIds);
        return new IndexChange(a.indexed(), a.removed(), a.bytes(), a.rebuilt());
    }

    /** Builds the index anew from every published post in the table (a new deployment, or after a change of analysis). */
    public IndexChange rebuild() {
        return rebuild(RebuildProgress.UNTOLD);
    }

    /** The same, telling {@code progress} as it goes (`./inlagg reindex`). */
    public IndexChange rebuild(RebuildProgress progress) {
        IndexUpdater.Applied a = updater.rebuild(progress);
        return new IndexChange(a.indexed(), a.removed(), a.bytes(), a.rebuilt());
    }

    /** What an indexing run did: posts written and removed, the index's size after it, and whether it was built anew. */
    public record IndexChange(int indexed, int removed, long bytes, boolean rebuilt) {
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    private static boolean brokenUnicode(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
