package se.inlagg.web;

import gg.jte.TemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import se.inlagg.posts.DirectionControls;
import se.inlagg.posts.MarkupText;

/**
 * jte's escaping output, writing each value a page shows as text as an isolate of its own direction
 * ({@link DirectionControls#isolated}), as {@code <bdi>} would: a title or name in Hebrew or Arabic, or one that leaves
 * a right-to-left override open, lays out nothing after it on its line. Attributes are written as given, and so is a
 * textarea's text: a form sends them back, and must send what was typed. So is a {@code pre}'s: the edit form shows the
 * stored text there for its author to copy, and copying would take the invisible marks along.
 */
final class IsolatedTextOutput extends OwaspHtmlTemplateOutput {

    private boolean shownAsText = true;

    IsolatedTextOutput(TemplateOutput out) {
        super(out);
    }

    @Override
    public void setContext(String tagName, String attributeName) {
        super.setContext(tagName, attributeName);
        shownAsText = attributeName == null && !"textarea".equals(tagName) && !"pre".equals(tagName);
    }

    /**
     * A character no page may carry is U+FFFD, in attributes and a textarea too: a form shown again with what was typed
     * would echo a NUL or a control raw, which HTML reads as an error, and which its author cannot see to take out;
     * U+FFFD shows where it was.
     */
    @Override
    public void writeUserContent(String value) {
        String fit = value == null ? null : MarkupText.fit(value);
        super.writeUserContent(fit != null && shownAsText ? DirectionControls.isolated(fit) : fit);
    }
}
