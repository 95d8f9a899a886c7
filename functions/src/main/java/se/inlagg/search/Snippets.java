package se.inlagg.search;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import se.inlagg.posts.BreakHints;
import se.inlagg.posts.MarkupText;

/**
 * The piece of a post's text a hit shows: the stretch where the most of the words sought stand
 * together, with each of them in {@code <mark>}. Everything else is escaped, so the snippet is safe
 * to write into a page as it is, whatever the author wrote.
 */
final class Snippets {

    /** About two lines of a results page. */
    static final int LENGTH = 220;
    /** Words before the first match, so a snippet does not start mid-thought. */
    static final int LEAD = 60;
    /** Only the start of a very long text is read for a snippet, so one long post cannot slow a search. */
    static final int READ_AT_MOST = 20_000;

    private final SwedishText analyzer;

    Snippets(SwedishText analyzer) {
        this.analyzer = analyzer;
    }

    /** From the text where it mentions a word sought; else from the excerpt; else the excerpt as it is. */
    String of(String stored, String storedExcerpt, Sought sought) {
        // Read as the index reads it: a soft hyphen or a zero-width space splits no word (an index built before analysis 11
        // stored them in the text; a snippet shows nothing of them either way).
        String text = stored == null ? null : BreakHints.removed(stored);
        String excerpt = storedExcerpt == null ? null : BreakHints.removed(storedExcerpt);
        String body = text == null ? "" : text.length() > READ_AT_MOST ? cut(text, READ_AT_MOST) : text;
        List<SwedishText.Word> found = matches(body, sought);
        if (found.isEmpty()) {
            body = excerpt == null || excerpt.isEmpty() ? body : excerpt;
            found = matches(body, sought);
        }
        return window(body, found, sought.all());
    }

    /**
     * The words sought in the text, in order and never overlapping (each is marked once): a word written with hyphens
     * found joined is one, and the words inside it none.
     */
    private List<SwedishText.Word> matches(String text, Sought sought) {
        List<SwedishText.Word> candidates = new ArrayList<>(hyphenatedFound(text, sought.words()));
        List<SwedishText.Word> words = analyzer.words(text);
        for (SwedishText.Word w : words) {
            if (w.isAny(sought.words())) {
                candidates.add(w);
            }
        }
        for (List<Set<String>> phrase : sought.phrases()) {
            candidates.addAll(together(words, phrase));
        }
        // By where each starts, the longer first where two start alike (the whole hyphenated word before its first part).
        candidates.sort(Comparator.comparingInt(SwedishText.Word::start)
                .thenComparing(Comparator.comparingInt(SwedishText.Word::end).reversed()));
        List<SwedishText.Word> found = new ArrayList<>();
        int markedTo = 0;
        for (SwedishText.Word w : candidates) {
            if (w.start() >= markedTo) {
                found.add(w);
                markedTo = w.end();
            }
        }
        return found;
    }

    /**
     * Each place the phrase's words stand together in order, one after the next in the text (as the index's phrase query
     * finds them), as one stretch from the first word's start to the last word's end: marked as one.
     */
    private static List<SwedishText.Word> together(List<SwedishText.Word> words, List<Set<String>> phrase) {
        List<SwedishText.Word> found = new ArrayList<>();
        for (int i = 0; i + phrase.size() <= words.size(); i++) {
            int k = 0;
            while (k < phrase.size() && words.get(i + k).isAny(phrase.get(k))
                    && words.get(i + k).position() == words.get(i).position() + k) {
                k++;
            }
            if (k == phrase.size()) {
                found.add(words.get(i).spanning(words.get(i).start(), words.get(i + k - 1).end()));
            }
        }
        return found;
    }

    /**
     * The words written with hyphens whose joined form is sought, each spanning the whole of it: "epost" finds a post
     * that wrote "e-post" by the index's joined words (PostDocument#JOINED), and its snippet marks "e-post".
     */
    private List<SwedishText.Word> hyphenatedFound(String text, Set<String> terms) {
        if (!PostDocument.hasHyphen(text)) {
            return List.of();
        }
        List<SwedishText.Word> found = new ArrayList<>();
        Matcher hyphenated = PostDocument.HYPHENATED.matcher(text);
        while (hyphenated.find()) {
            List<SwedishText.Word> joined = analyzer.words(PostDocument.withoutHyphens(hyphenated.group()));
            if (joined.size() == 1 && joined.getFirst().isAny(terms)) {
                found.add(joined.getFirst().spanning(hyphenated.start(), hyphenated.end()));
            }
        }
        return found;
    }

    /** The stretch of LENGTH characters that holds the most distinct words sought, the earliest of equals. */
    private static String window(String text, List<SwedishText.Word> found, Set<String> terms) {
        int bestStart = 0;
        int bestEnd = LENGTH;
        int bestScore = 0;
        for (SwedishText.Word first : found) {
            int start = wordStart(text, Math.max(0, first.start() - LEAD));
            // A phrase longer than the window is shown whole, from its start (from a review: it fitted no window, and no
            // snippet marked it).
            if (first.end() - start > LENGTH) {
                start = first.start();
            }
            int end = Math.max(start + LENGTH, first.end());
            Set<String> inside = new HashSet<>();
            for (SwedishText.Word w : found) {
                if (w.start() >= start && w.end() <= end) {
                    inside.add(w.termIn(terms));
                }
            }
            if (inside.size() > bestScore) {
                bestScore = inside.size();
                bestStart = start;
                bestEnd = end;
            }
        }
        int limit = Math.min(text.length(), bestEnd);
        int lastFound = bestStart;
        for (SwedishText.Word w : found) {
            if (w.start() >= bestStart && w.end() <= limit) {
                lastFound = Math.max(lastFound, w.end());
            }
        }
        int end = wordEnd(text, lastFound, limit);
        StringBuilder html = new StringBuilder(LENGTH + 64);
        if (bestStart > 0) {
            html.append('…');
        }
        int at = bestStart;
        for (SwedishText.Word w : found) {
            if (w.start() >= bestStart && w.end() <= end) {
                MarkupText.escape(text.substring(at, w.start()), html);
                html.append("<mark>");
                MarkupText.escape(text.substring(w.start(), w.end()), html);
                html.append("</mark>");
                at = w.end();
            }
        }
        MarkupText.escape(text.substring(at, end), html);
        if (end < text.length()) {
            html.append('…');
        }
        return html.toString().strip();
    }

    /**
     * Back to the start of the word at this place (or the text's start), but no further than LEAD characters: from
     * a match deep in a link of hundreds, the window would start at the link and end before the match (from a review).
     * Then this place, never inside a pair of surrogates.
     */
    private static int wordStart(String text, int at) {
        int i = at;
        while (i > 0 && i > at - LEAD && !Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        if (i == 0 || Character.isWhitespace(text.charAt(i - 1))) {
            return i;
        }
        return outsidePair(text, at);
    }

    /**
     * Back from this place to the end of a whole word, but not before the last word found in the window; where
     * there is none between (a bare link of hundreds of characters), this place, never inside a pair of
     * surrogates. Found by a review: walking back past the window's start failed every search the post matched.
     */
    private static int wordEnd(String text, int notBefore, int at) {
        if (at >= text.length()) {
            return text.length();
        }
        int i = at;
        while (i > notBefore && !Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        if (i > notBefore || (i == notBefore && Character.isWhitespace(text.charAt(i)))) {
            return i;
        }
        return outsidePair(text, at);
    }

    /** Cut without splitting what a reader sees as one character. */
    private static String cut(String text, int length) {
        return text.substring(0, outsidePair(text, length));
    }

    /**
     * This place, or the start of the character a reader sees that it falls inside: never between the halves of a
     * surrogate pair, nor inside a flag, an emoji with its skin tone or a letter with a combining mark (found by a
     * probe: a snippet that started between the two letters of 🇸🇪 showed a row of Spanish flags). Plain text, where
     * neither side of the place can join another, needs no more than that look; the rest asks the JDK's grapheme
     * rules over the few hundred characters before it, enough for a run of flags.
     */
    private static int outsidePair(String text, int at) {
        if (at <= 0 || at >= text.length()) {
            return at;
        }
        if (text.charAt(at) < 0x300 && text.charAt(at - 1) < 0x300) {
            return at;
        }
        int from = Math.max(0, at - 400);
        BreakIterator graphemes = BreakIterator.getCharacterInstance(Locale.ROOT);
        graphemes.setText(text.substring(from, Math.min(text.length(), at + 32)));
        int local = at - from;
        return graphemes.isBoundary(local) ? at : from + graphemes.preceding(local);
    }
}
