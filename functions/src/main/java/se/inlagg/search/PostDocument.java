package se.inlagg.search;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import se.inlagg.posts.BreakHints;
import se.inlagg.posts.Byline;
import se.inlagg.posts.Markdown;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.Tag;

/**
 * A post as the search index holds it: the fields searched (title, categories, byline, the text as
 * plain words), the publication time that decides who may see it, and what a hit shows, stored so a
 * search never reads the table.
 */
final class PostDocument {

    static final String ID = "id";
    static final String TITLE = "title";
    static final String TAGS = "tags";
    static final String BYLINE = "byline";
    /** The author's name, its words whole (SwedishText): a name is not inflected, and stems made Ärlig find Ärla. */
    static final String NAME = "name";
    static final String BODY = "body";
    /**
     * Words a reader sees of the post beyond its text: an excerpt its author wrote (on every card, and a hit's snippet when
     * no word of the text is found) and its picture's alt text and caption (found by a search probe: none was searched).
     * Not stored: a snippet is cut from the text, or is the excerpt.
     */
    static final String MORE = "more";
    /**
     * The words written with a hyphen, joined ("e-post" as "epost", "IT-stöd" as "itstöd", "covid-19" as "covid19"): Unicode's
     * word breaking splits them, so "e-post" is found by "e post", but "epost", as many type it, found nothing.
     */
    static final String JOINED = "joined";
    /** A hyphen: -, ‐ or ‑. */
    private static final String HYPHEN = "[-\u2010\u2011]";
    private static final Pattern A_HYPHEN = Pattern.compile(HYPHEN);
    /**
     * A word, then a hyphen and a word, as often as they follow: a word written with hyphens (SearchQuery reads a search's
     * so too, Snippets a hit's). It begins where a word does, never inside one ("3D-skrivare" is no "D-skrivare": the
     * tokenizer's word is "3d", from a review), and what it has read it never reads again, so a long run of letters costs
     * one pass, not one for each of its letters (the possessive quantifiers).
     */
    static final Pattern HYPHENATED = Pattern.compile(
            "(?<![\\p{L}\\p{N}_.'\u2019])\\p{L}[\\p{L}\\p{N}]*+(?:" + HYPHEN + "[\\p{L}\\p{N}]++)+");
    /**
     * Each word of the fields searched by its stem, its letters reversed (CompoundWords): the words that end in a word
     * sought are then those that begin with it reversed, one seek in the index, not a read of all its words. A stem as
     * spelt is marked {@link #SPELT}, the same folded to ASCII {@link #FOLDED}, and the stem of the word typed without å, ä
     * and ö {@link #PLAIN}: whether a compound's first part is a word is asked of stems as spelt, for a word typed as spelt,
     * as "tra" folded from "trä" is no word that "trafik" begins with (from a review), and of folded ones, never plain ones,
     * for a word typed in plain letters.
     */
    static final String REVERSED = "reversed";
    static final char SPELT = 'e';
    static final char FOLDED = 'f';
    /**
     * A stem as the word typed without å, ä and ö would be stemmed ("godkande" is "godk"), where that differs from the
     * folded stem: a compound a word so typed ends in, never a first part, which is what no word of the blog is on its
     * own (found by a Swedish reader's probe: "and" found "godkände" as "godk" + "and").
     */
    static final char PLAIN = 'p';
    static final String PUBLISHED = "published";
    /**
     * Where readers find the post, each by its list's path ("/tags/frivard", "/people/asa-oberg", "/offices/frivarden-malmo",
     * "/archive/2026-11", the month in the site's zone as the archive counts it): what a search's scope filters on (SearchScope).
     */
    static final String FACET = "facet";
    /**
     * The post's version when it was indexed: a rebuild tells by it which posts the list it read (a GSI, behind the table
     * by a moment) shows otherwise than the index did, and reads those consistently (IndexedPosts).
     */
    static final String VERSION = "version";
    private static final String SLUG = "slug";
    private static final String EXCERPT = "excerpt";
    private static final String AUTHOR_NAME = "authorName";
    private static final String AUTHOR_ROLE = "authorRole";
    private static final String AUTHOR_OFFICE = "authorOffice";
    private static final String TAG_SLUG = "tagSlug";
    private static final String TAG_NAME = "tagName";

    private PostDocument() {
    }

    static Term id(String postId) {
        return new Term(ID, postId);
    }

    static Document of(Post post, SwedishText text, ZoneId zone) {
        PostSummary s = post.summary();
        Document d = new Document();
        d.add(new StringField(ID, s.id(), Field.Store.YES));
        d.add(new StoredField(SLUG, s.slug()));
        d.add(new StoredField(VERSION, s.version()));
        d.add(new TextField(TITLE, s.title(), Field.Store.YES));
        for (Tag tag : s.tags()) {
            d.add(new TextField(TAGS, tag.name(), Field.Store.NO));
            d.add(new StoredField(TAG_SLUG, tag.slug()));
            d.add(new StoredField(TAG_NAME, tag.name()));
        }
        Byline by = s.author();
        d.add(new TextField(NAME, by.name(), Field.Store.NO));
        by.role().ifPresent(r -> d.add(new TextField(BYLINE, r, Field.Store.NO)));
        by.office().ifPresent(o -> d.add(new TextField(BYLINE, o, Field.Store.NO)));
        d.add(new StoredField(AUTHOR_NAME, by.name()));
        by.role().ifPresent(r -> d.add(new StoredField(AUTHOR_ROLE, r)));
        by.office().ifPresent(o -> d.add(new StoredField(AUTHOR_OFFICE, o)));
        // Plain words with sentence ends kept: what is searched and what snippets are cut from. Without what only hints at a
        // line break (a soft hyphen in "sam\u00ADverkan", as text copied from a hyphenated web page has it): the tokenizer
        // would split the word there, and "samverkan" would not find it (from a probe). The page keeps them.
        String words = BreakHints.removed(Markdown.toWords(post.body()));
        d.add(new TextField(BODY, words, Field.Store.YES));
        List<String> more = new ArrayList<>();
        if (!s.excerpt().isBlank() && !post.excerptFromBody()) {
            more.add(BreakHints.removed(s.excerpt()));
        }
        s.image().ifPresent(i -> {
            more.add(i.alt());
            i.caption().ifPresent(more::add);
        });
        // Each its own value of the field: a phrase does not run from one into the next.
        more.forEach(m -> d.add(new TextField(MORE, m, Field.Store.NO)));
        Set<String> stems = new HashSet<>();
        List<String> searched = new ArrayList<>(List.of(s.title(), words));
        searched.addAll(more);
        s.tags().forEach(t -> searched.add(t.name()));
        by.role().ifPresent(searched::add);
        by.office().ifPresent(searched::add);
        List<String> withName = new ArrayList<>(searched);
        withName.add(by.name());
        // The name too ("Nilsson-Berg" found by "nilssonberg"; from a review), though its own field holds whole words.
        d.add(new TextField(JOINED, joined(withName), Field.Store.NO));
        for (String field : searched) {
            for (SwedishText.Word w : text.words(field)) {
                if (w.exact().length() >= 2) {
                    stems.add(SPELT + reversed(w.exact()));
                    // Folded, and stemmed as the word typed without å, ä and ö would be: what a word so typed seeks.
                    stems.add(FOLDED + reversed(w.folded()));
                    if (!w.plain().equals(w.folded())) {
                        stems.add(PLAIN + reversed(w.plain()));
                    }
                }
            }
        }
        stems.forEach(stem -> d.add(new StringField(REVERSED, stem, Field.Store.NO)));
        s.facets(zone).forEach(f -> d.add(new StringField(FACET, f.path(), Field.Store.NO)));
        d.add(new StoredField(EXCERPT, s.excerpt()));
        long published = s.publishedAt().getEpochSecond();
        d.add(new LongPoint(PUBLISHED, published));
        d.add(new NumericDocValuesField(PUBLISHED, published));
        d.add(new StoredField(PUBLISHED, published));
        return d;
    }

    /** Each word written with hyphens in these texts, without them, one to a sentence so no phrase runs from one to the next. */
    static String joined(List<String> texts) {
        StringBuilder joined = new StringBuilder();
        for (String text : texts) {
            Matcher m = HYPHENATED.matcher(text);
            while (m.find()) {
                joined.append(withoutHyphens(m.group())).append(". ");
            }
        }
        return joined.toString();
    }

    /** A word written with hyphens, joined: "e-post" as "epost". */
    static String withoutHyphens(String hyphenated) {
        return A_HYPHEN.matcher(hyphenated).replaceAll("");
    }

    /** Whether a text has a hyphen at all, before it is searched for words written with them. */
    static boolean hasHyphen(String text) {
        return A_HYPHEN.matcher(text).find();
    }

    /** The letters of a word in reverse order (by code point: a reversed pair of surrogates would be no letter). */
    static String reversed(String word) {
        return new StringBuilder(word).reverse().toString();
    }

    /** What a hit shows, from the stored fields, with its snippet made by the caller. */
    static SearchHit hit(Document d, String snippetHtml) {
        return new SearchHit(d.get(SLUG), d.get(TITLE), d.get(EXCERPT), snippetHtml, byline(d), published(d), tags(d));
    }

    /**
     * The paths of the facets a post of an older index is in, from its stored fields as {@link PostSummary#facets} makes
     * them of a post: for a search's scope where the index holds no {@link #FACET} (analysis 8 and older).
     */
    static Set<String> facetPaths(Document d, ZoneId zone) {
        Set<String> paths = new HashSet<>();
        PostSummary.facets(tags(d), byline(d), published(d), zone).forEach(f -> paths.add(f.path()));
        return paths;
    }

    private static List<Tag> tags(Document d) {
        List<Tag> tags = new ArrayList<>();
        String[] slugs = d.getValues(TAG_SLUG);
        String[] names = d.getValues(TAG_NAME);
        for (int i = 0; i < slugs.length && i < names.length; i++) {
            tags.add(new Tag(slugs[i], names[i]));
        }
        return tags;
    }

    private static Byline byline(Document d) {
        return new Byline(d.get(AUTHOR_NAME), Optional.ofNullable(d.get(AUTHOR_ROLE)), Optional.ofNullable(d.get(AUTHOR_OFFICE)));
    }

    private static Instant published(Document d) {
        return Instant.ofEpochSecond(d.getField(PUBLISHED).numericValue().longValue());
    }

    static String body(Document d) {
        return d.get(BODY);
    }

    static String excerpt(Document d) {
        return d.get(EXCERPT);
    }
}
