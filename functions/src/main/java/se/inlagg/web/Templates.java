package se.inlagg.web;

import gg.jte.html.HtmlTemplateOutput;
import gg.jte.output.StringOutput;
import java.util.function.Consumer;

/**
 * Renders a precompiled jte template. The templates in src/main/jte are compiled to classes at
 * build time and called directly, so a page costs no template engine and no reflection at run
 * time, and a template that does not fit what the code passes fails the build. Every value a
 * template writes is escaped for its place in the HTML unless it says $unsafe, and a value shown as
 * text is isolated in its direction ({@link IsolatedTextOutput}).
 */
final class Templates {

    private Templates() {
    }

    static String render(Consumer<HtmlTemplateOutput> template) {
        StringOutput out = new StringOutput(8192);
        template.accept(new IsolatedTextOutput(out));
        return out.toString();
    }
}
