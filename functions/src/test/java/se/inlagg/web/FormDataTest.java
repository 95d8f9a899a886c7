package se.inlagg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.ProblemException;

class FormDataTest {

    /** A form as a browser posts it, its body percent-encoded. */
    static FormData form(String body) {
        return FormData.of(HttpRequest.builder().method("POST").path("/write")
                .header("content-type", "application/x-www-form-urlencoded; charset=UTF-8").body(body).build());
    }

    @Test
    void readsWhatABrowserSendsPercentEncoded() {
        FormData f = form("title=M%C3%A5nadsm%C3%B6te+i+V%C3%A4xj%C3%B6&tags=a%2Cb&title=andra");
        assertEquals("Månadsmöte i Växjö", f.value("title"), "the first value of a name");
        assertEquals("a,b", f.value("tags"));
    }

    @Test
    void readsTextSentAsItIsAsTheFormStandardDoes() {
        // curl -d "title=Månadsmöte" (or a script's raw body) is read, not refused as broken.
        FormData f = form("title=Månadsmöte i Växjö 🎄&body=Å+%C3%A4");
        assertEquals("Månadsmöte i Växjö 🎄", f.value("title"));
        assertEquals("Å ä", f.value("body"));
    }

    @Test
    void refusesBrokenEncodingRatherThanGuess() {
        assertThrows(ProblemException.class, () -> form("title=%C3"), "half a character");
        assertThrows(ProblemException.class, () -> form("title=100%"), "a percent sign not encoded");
        assertThrows(ProblemException.class, () -> form("title=%zz"));
    }

    /**
     * Only a form's encoding is read: another site's form sent as text/plain, or a script's JSON, is refused, not read as
     * fields it happens to look like.
     */
    @Test
    void aBodyNotSentAsAFormIsRefusedAsAnUnsupportedFormat() {
        for (String type : List.of("text/plain", "application/json", "multipart/form-data; boundary=x")) {
            var request = HttpRequest.builder().method("POST").path("/write").header("content-type", type).body("title=Kapad&body=x").build();
            assertEquals(415, assertThrows(ProblemException.class, () -> FormData.of(request), type).problem().status(), type);
        }
    }

    /** A media type is read whatever its case (RFC 9110, 8.3.1): a form sent as "Application/X-WWW-Form-Urlencoded" is read, not refused as 415. */
    @Test
    void aFormIsReadWhateverTheCaseOfItsMediaType() {
        var request = HttpRequest.builder().method("POST").path("/write")
                .header("content-type", "Application/X-WWW-Form-Urlencoded; Charset=UTF-8").body("title=M%C3%A5nadsm%C3%B6te").build();
        assertEquals("Månadsmöte", FormData.of(request).value("title"));
    }

    /** Pasted text is tidied as its field is: a line's tab a space, the text's Word line break Markdown's, the excerpt's a newline. */
    @Test
    void pastedTextIsTidiedAsItsFieldIs() {
        FormData f = form("title=Klistrat%09fr%C3%A5n+kalkylbladet&body=Rad+ett%0Brad+tv%C3%A5&excerpt=Rad+ett%0Brad+tv%C3%A5&csrf=abc")
                .pasted(WriteForm.TEXT_AREAS, WriteForm.MARKDOWN);
        assertEquals("Klistrat från kalkylbladet", f.value("title"));
        assertEquals("Rad ett  \nrad två", f.value("body"), "Markdown's line break");
        assertEquals("Rad ett\nrad två", f.value("excerpt"), "plain text: a newline, no spaces of its own");
        assertEquals("abc", f.value("csrf"));
    }
}
