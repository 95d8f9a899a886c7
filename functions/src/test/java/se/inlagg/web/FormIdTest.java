package se.inlagg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.inlagg.http.HttpRequest;

class FormIdTest {

    private static Optional<FormId> sent(String body) {
        return FormId.of(FormData.of(HttpRequest.builder().method("POST").path("/write")
                .header("content-type", "application/x-www-form-urlencoded; charset=UTF-8").body(body).build()));
    }

    @Test
    void aFormSaysItsKeyAndTheShowingItWasSentFrom() {
        assertEquals(Optional.of(new FormId("nyckel", Optional.of("sida-1"))), sent("formId=nyckel&shown=sida-1&title=x"));
        // A form shown before showings had one: its key as ever, no showing (what a version from before reads of any form).
        assertEquals(Optional.of(new FormId("nyckel", Optional.empty())), sent("formId=nyckel&title=x"));
        assertEquals(Optional.of(new FormId("nyckel.med.punkter", Optional.empty())), sent("formId=nyckel.med.punkter&shown="),
                "an id is a key whatever it holds; an empty showing is none");
    }

    @Test
    void noIdOrOneNoFormOfOursCarriesIsNoKey() {
        assertEquals(Optional.empty(), sent("title=x&shown=sida-1"));
        assertEquals(Optional.empty(), sent("formId=+&shown=sida-1"), "blank");
        assertEquals(Optional.empty(), sent("formId=" + "k".repeat(101)), "longer than any form's");
        assertEquals(Optional.of(new FormId("k".repeat(100), Optional.empty())), sent("formId=" + "k".repeat(100) + "&shown=" + "s".repeat(101)),
                "a showing longer than any is none");
    }
}
