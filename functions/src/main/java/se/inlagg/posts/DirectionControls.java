package se.inlagg.posts;

import java.util.function.IntPredicate;

/**
 * Keeps the direction of a name or a title to itself where a page writes it in a line of its own words. Right-to-left
 * text, and the Unicode controls that set the direction of what follows them (embeddings and overrides U+202A–U+202E,
 * isolates U+2066–U+2069), act on the rest of the line: a name ending in an open override (U+202E, as pasted from a
 * right-to-left text) would show the byline's office after its comma as "idiB rotnoK" and turn the count beside a
 * category's name on /tags, and after a title in Hebrew or Arabic, even a well-formed one, the day of the date beside it
 * would move in front of the title. HTML's answer for such text is an isolate ({@code <bdi>}); this is
 * the same isolate as characters, so it also works inside a sentence built in Java. An excerpt's blocks, joined in one
 * line, each close what they leave open ({@link #closers}), as their ends on the post's page do. Text is stored as typed.
 */
public final class DirectionControls {

    private static final char LRE = '\u202A';
    private static final char RLE = '\u202B';
    private static final char PDF = '\u202C';
    private static final char LRO = '\u202D';
    private static final char RLO = '\u202E';
    private static final char LRI = '\u2066';
    private static final char RLI = '\u2067';
    private static final char FSI = '\u2068';
    private static final char PDI = '\u2069';

    private DirectionControls() {
    }

    /**
     * The text as a left-to-right isolate (U+2066 … U+2069), laid out inside as it would be alone in a left-to-right line
     * (as a Swedish page shows it) and acting on nothing around it: every embedding, override and isolate it leaves open
     * is closed before the isolate ends, and a U+2069 of its own that closes nothing (which would end the isolate early)
     * is left out. The same string when nothing in it acts on what is around it: every text typed the usual way, and
     * text already isolated.
     */
    public static String isolated(String text) {
        if (!needsIsolating(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 4).append(LRI);
        return out.append(leftOpen(text, out, true).reverse()).append(PDI).toString();
    }

    /**
     * What closes every embedding, override and isolate the text leaves open, innermost first; empty for text typed the
     * usual way. For a block of text that others follow in one string (an excerpt's paragraphs and list items), which
     * on the post's page each end what they opened (else one paragraph's stray U+202E turns every paragraph after it in
     * the excerpt, in lists, feeds and search). A newline in the block closes nothing here: its lines are joined (a code
     * block's, say).
     */
    public static String closers(CharSequence text) {
        return leftOpen(text, null, false).reverse().toString();
    }

    /**
     * The text without any embedding, override or isolate control, nor the marks that set a direction and show nothing
     * (U+200E, U+200F, Arabic's U+061C); the same string when it has none. For a word a search reads, in which the tokenizer
     * keeps them as it keeps every format character.
     */
    public static String withoutControls(String text) {
        return without(text, DirectionControls::isControlOrMark);
    }

    /**
     * The text without the marks that set a direction and show nothing (U+200E, U+200F, U+061C), which come along when a
     * name is copied from a page or an address book that mixes directions: for a one-line field as stored, where "Åsa
     * Ö{U+200E}berg" made a second person "asa-o-berg" reading exactly alike on /people (found by a probe). Embeddings,
     * overrides and isolates, which do lay text out, are kept.
     */
    public static String withoutMarks(String text) {
        return without(text, c -> c == '\u200E' || c == '\u200F' || c == '\u061C');
    }

    private static String without(String text, IntPredicate left) {
        for (int i = 0; i < text.length(); i++) {
            if (left.test(text.charAt(i))) {
                StringBuilder out = new StringBuilder(text.length());
                text.chars().filter(c -> !left.test(c)).forEach(c -> out.append((char) c));
                return out.toString();
            }
        }
        return text;
    }

    private static boolean isControlOrMark(int c) {
        return c >= LRE && c <= RLO || c >= LRI && c <= PDI || c == '\u200E' || c == '\u200F' || c == '\u061C';
    }

    /**
     * What is open at the text's end, innermost last, as the characters that close it (UAX #9, X1–X8); the text is copied to
     * {@code out} when one is given, without a U+2069 that closes no isolate of its own (which would close one around it);
     * a paragraph's end (a newline) closes everything when {@code linesApart}, as it does in a line laid out alone.
     */
    private static StringBuilder leftOpen(CharSequence text, StringBuilder out, boolean linesApart) {
        StringBuilder open = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case LRE, RLE, LRO, RLO -> open.append(PDF);
                case LRI, RLI, FSI -> open.append(PDI);
                // Closes the innermost embedding or override, only inside its own isolate; else nothing.
                case PDF -> {
                    if (!open.isEmpty() && open.charAt(open.length() - 1) == PDF) {
                        open.setLength(open.length() - 1);
                    }
                }
                // Closes its isolate and all opened within it; with none open it would close one around the text.
                case PDI -> {
                    int isolate = open.lastIndexOf(String.valueOf(PDI));
                    if (isolate < 0) {
                        continue;
                    }
                    open.setLength(isolate);
                }
                default -> {
                    // A paragraph's end closes everything.
                    if (linesApart && Character.getDirectionality(c) == Character.DIRECTIONALITY_PARAGRAPH_SEPARATOR) {
                        open.setLength(0);
                    }
                }
            }
            if (out != null) {
                out.append(c);
            }
        }
        return open;
    }

    /**
     * Whether anything in the text, outside the isolates it closes itself, acts on what is around it: a right-to-left
     * letter or digit, an embedding or override (closed or not), an isolate left open or a U+2069 that closes none. Text
     * already isolated, as this class makes it, is not isolated again.
     */
    private static boolean needsIsolating(String text) {
        int isolates = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            byte direction = Character.getDirectionality(text.codePointAt(i));
            if (c == LRI || c == RLI || c == FSI) {
                isolates++;
            } else if (c == PDI) {
                if (isolates == 0) {
                    return true;
                }
                isolates--;
            } else if (direction == Character.DIRECTIONALITY_PARAGRAPH_SEPARATOR) {
                if (isolates > 0) {
                    return true;
                }
            } else if (isolates == 0 && (c >= LRE && c <= RLO || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                    || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC || direction == Character.DIRECTIONALITY_ARABIC_NUMBER)) {
                return true;
            }
        }
        return isolates > 0;
    }
}
