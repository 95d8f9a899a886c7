package se.inlagg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.Problem;
import se.inlagg.http.Problems;

/** The Swedish error pages, as a reader reads them: each says what to do, once. */
class HtmlErrorsTest {

    private static String page(String path, Problem problem) {
        HttpRequest request = HttpRequest.builder().routeKey("$default").method("GET").path(path).build();
        return HtmlErrors.INSTANCE.render(request, problem).bodyText();
    }

    private static String paragraphAfterHeading(String html) {
        int start = html.indexOf("<p>", html.indexOf("</h1>"));
        return html.substring(start, html.indexOf("</p>", start) + 4);
    }

    @Test
    void aFaultOfOursSaysWhatHappenedOnceAndWhatToDo() {
        String html = page("/", Problems.internal());
        assertTrue(html.contains("<h1>Något gick fel hos oss</h1>"), html);
        String said = paragraphAfterHeading(html);
        assertEquals("<p>Inget ändrades. Försök igen om en stund; om felet finns kvar, säg till den som sköter bloggen.</p>", said);
        assertFalse(said.contains("Något gick fel"), "the heading is not said again below it");
    }

    @Test
    void aMissingPageNamesTheWayOnAsItsLinkDoes() {
        String html = page("/finns-inte", Problems.routeNotFound());
        assertTrue(paragraphAfterHeading(html).contains("börja om från alla inlägg"), html);
        assertTrue(html.contains(">Till alla inlägg</a>"), "the link the sentence points to: " + html);
    }
}
