package se.inlagg.web;

import java.util.regex.Pattern;

/**
 * Text as it comes pasted from a word processor or a spreadsheet, made what the author meant before the
 * post's rules see it. Else a tab in a title (from a spreadsheet's cell) or a vertical tab in the text (Word's
 * Shift+Enter) is refused as a control character that the author cannot see or find, and Word's bullets ("•"
 * and a tab) make one paragraph, not a list. Only the pages' forms are tidied:
 * an API client sends what it means.
 */
final class PastedText {

    /**
     * A bullet a word processor writes, and the tab or spaces after it, at the start of a line (after any indent); Outlook's
     * "·" and Word's second level, an "o" and a tab, an "o" only
     * before a tab, where no word stands.
     */
    private static final Pattern BULLET = Pattern.compile("(?m)^([ \\t]*)(?:[•◦▪▫●○■□‣⁃·][ \\t]+|o\\t[ \\t]*)");
    /** Line breaks that are not a newline: vertical tab (Word's Shift+Enter), form feed, and Unicode's line and paragraph separators. */
    private static final String BREAKS = "\\u000B\\u000C\\u2028\\u2029";
    /** A break within a paragraph: Word's Shift+Enter, Unicode's line separator. */
    private static final Pattern LINE_BREAK = Pattern.compile("[\\u000B\\u2028]");
    /** A break between paragraphs: a form feed (a page break), Unicode's paragraph separator. */
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("[\\u000C\\u2029]");
    /** What breaks a one-line field's words without being seen: tabs and every break of {@link #BREAKS}. */
    private static final Pattern BLANK_IN_LINE = Pattern.compile("[\\t" + BREAKS + "]");

    private PastedText() {
    }

    /** A one-line field (a title, a name, a category): a tab or a stray line break is a space. */
    static String line(String typed) {
        return BLANK_IN_LINE.matcher(typed).replaceAll(" ");
    }

    /**
     * A text area (the post's text): Word's line break is Markdown's (two spaces and a newline; a newline alone is a space
     * in Markdown, and the README promises the break), a page or paragraph break a new paragraph, and a pasted bullet
     * Markdown's "- ". Its lines end in a newline alone, as the API's text does: a browser sends a text area's lines
     * ending in CR LF (HTML's form submission), which API clients would otherwise get. A text area of plain text, not
     * {@code markdown} (the excerpt), has a newline for Word's line break: two spaces before it would be text of its own,
     * counted and sent to API clients.
     */
    static String text(String typed, boolean markdown) {
        String lines = typed.replace("\r\n", "\n").replace('\r', '\n');
        String broken = PARAGRAPH_BREAK.matcher(LINE_BREAK.matcher(lines).replaceAll(markdown ? "  \n" : "\n")).replaceAll("\n\n");
        return BULLET.matcher(broken).replaceAll("$1- ");
    }
}
