package se.inlagg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PastedTextTest {

    @Test
    void aOneLineFieldGetsASpaceForEachTabOrStrayBreak() {
        assertEquals("Månadsmöte i Ystad", PastedText.line("Månadsmöte\ti\u000BYstad"));
        assertEquals("Fika  Jul", PastedText.line("Fika\u2028\u2029Jul"));
        assertEquals("Vanlig rubrik", PastedText.line("Vanlig rubrik"));
    }

    @Test
    void aTextAreaKeepsItsLinesAndWordsBulletsBecomeAList() {
        assertEquals("Rad ett  \nrad två", PastedText.text("Rad ett\u000Brad två", true), "Word's line break is Markdown's");
        assertEquals("Rad ett  \nrad två\n\nNytt stycke", PastedText.text("Rad ett\u2028rad två\u2029Nytt stycke", true));
        assertEquals("Rad ett\nrad två", PastedText.text("Rad ett\u000Brad två", false), "plain text (the excerpt): a newline");
        assertEquals("- Första\n- Andra\n  - Inne i", PastedText.text("•\tFörsta\n● Andra\n  ◦\tInne i", true));
        assertEquals("- Outlook\n  - Andra nivån", PastedText.text("·\tOutlook\n  o\tAndra nivån", true), "Outlook's bullet, Word's second level");
        assertEquals("o som i ordet\no  två mellanslag", PastedText.text("o som i ordet\no  två mellanslag", true), "an o before a tab alone");
        assertEquals("Ett • mitt i raden", PastedText.text("Ett • mitt i raden", true), "only at a line's start");
        assertEquals("Kod\tmed tabb", PastedText.text("Kod\tmed tabb", true), "a tab inside a text area stays");
        assertEquals("•Ingen punkt", PastedText.text("•Ingen punkt", true), "a bullet with nothing after it is a character");
        assertEquals("Stycke ett.\n\n- Punkt\nRad", PastedText.text("Stycke ett.\r\n\r\n•\tPunkt\rRad", true), "a browser's CR LF is a newline");
    }

    /** A page break pasted from Word (a form feed) is a new paragraph in the text and a space in a line: never a control character refused unseen. */
    @Test
    void aPageBreakIsANewParagraphInTheTextAndASpaceInALine() {
        assertEquals("Sida ett\n\nSida två", PastedText.text("Sida ett\fSida två", true));
        assertEquals("Sida ett Sida två", PastedText.line("Sida ett\fSida två"));
    }
}
