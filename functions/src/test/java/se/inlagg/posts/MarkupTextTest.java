package se.inlagg.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class MarkupTextTest {

    @Test
    void theFiveMarkupCharactersAreReferences() {
        assertEquals("&lt;b&gt; &amp; &quot;Åsa&quot; &#39;Öberg&#39;", MarkupText.escape("<b> & \"Åsa\" 'Öberg'"));
    }

    @Test
    void whatNoPageOrFeedMayCarryIsTheReplacementCharacter() {
        String face = Character.toString(0x1F600);
        assertEquals("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe", MarkupText.fit("a\u0000b\u0001c\u001Bd\u007Fe"), "C0 controls and DEL");
        assertEquals("\uFFFD\uFFFD", MarkupText.fit("\u0085\u009F"), "C1 controls");
        assertEquals("x\uFFFD y\uFFFD", MarkupText.fit("x\uD800 y\uDC00"), "a surrogate alone, high or low");
        assertEquals("\uFFFD\uFFFD\uFFFD", MarkupText.fit("\uFFFE\uFFFF\uFDD0"), "noncharacters");
        assertEquals("\uFFFD", MarkupText.fit(Character.toString(0x1FFFE)), "a noncharacter of another plane: one character, one U+FFFD");
        assertEquals("&lt;\uFFFD&gt;", MarkupText.escape("<\u0001>"));
        assertEquals("Hej " + face + " \uFFFD då", MarkupText.escape("Hej " + face + " \u0002 då"), "a pair is kept whole");
    }

    @Test
    void everythingTextHoldsIsKeptAndNearlyAlwaysTheVeryString() {
        String swedish = "Månadsmöte – ”samverkan” € \t\r\n\u00A0\u00AD\u200B\u2028\uFFFD " + Character.toString(0x1F600) + " 東京 Москва";
        assertSame(swedish, MarkupText.fit(swedish));
        assertEquals(swedish, MarkupText.escape(swedish));
    }
}
