package se.inlagg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gg.jte.output.StringOutput;
import org.junit.jupiter.api.Test;

/** Which values a page isolates: those shown as text, not those a form sends back or its author copies. */
class IsolatedTextOutputTest {

    static final String TURNED = "\u202Eomvänd";

    static String written(String tag, String attribute, String value) {
        StringOutput out = new StringOutput();
        IsolatedTextOutput html = new IsolatedTextOutput(out);
        html.setContext(tag, attribute);
        html.writeUserContent(value);
        return out.toString();
    }

    @Test
    void textShownIsIsolatedAndTextToSendOrCopyIsAsTyped() {
        assertEquals("\u2066" + TURNED + "\u202C\u2069", written("p", null, TURNED), "shown: closed within its isolate");
        assertEquals(TURNED, written("textarea", null, TURNED), "sent back by the form");
        assertEquals(TURNED, written("input", "value", TURNED), "an attribute, sent back");
        assertEquals(TURNED, written("pre", null, TURNED), "the stored text an edit conflict shows, to copy");
        assertEquals("Frivården &amp; Malmö", written("p", null, "Frivården & Malmö"), "Swedish text as before, escaped");
    }
}
