package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.inlagg.posts.Byline;

/**
 * create-author makes no author whose name the site would refuse in every byline (only Cyrillic letters, 500 letters,
 * a control character), and reads "-x" as an unknown option, not a name; a name that begins with a dash goes after "--".
 */
class CreateAuthorArgsTest {

    @Test
    void aProfileIsCheckedAsTheSiteChecksItAndComposedAsItIsStored() {
        var parsed = CreateAuthorArgs.parse(List.of("--office", "Frivården Malmö", "A\u030asa", "O\u0308berg", "--aws"));
        assertEquals(new Byline("Åsa Öberg", Optional.empty(), Optional.of("Frivården Malmö")), parsed.profile());
        assertTrue(parsed.aws());

        for (List<String> refused : List.of(List.of("Ольга", "Петренко"), List.of("Å".repeat(500)), List.of("Bad\u0001Name"),
                List.of("--office", "Фрівард", "Anna"))) {
            var e = assertThrows(UsageException.class, () -> CreateAuthorArgs.parse(refused), refused.toString());
            assertTrue(e.getMessage().startsWith("the byline is refused, as the site would refuse it: "), e.getMessage());
            assertTrue(e.getMessage().contains(refused.getFirst().equals("--office") ? "--office " : "the name "), e.getMessage());
        }
    }

    @Test
    void aNameThatBeginsWithADashGoesAfterTheEndOfTheOptions() {
        assertEquals("-Per Persson", CreateAuthorArgs.parse(List.of("--role", "Chef", "--", "-Per", "Persson")).profile().name());
        var late = assertThrows(UsageException.class, () -> CreateAuthorArgs.parse(List.of("--", "-Per", "Persson", "--aws")));
        assertEquals("--aws after --, where only the name goes: put the options before --", late.getMessage());
        var unknown = assertThrows(UsageException.class, () -> CreateAuthorArgs.parse(List.of("-x", "Anna")));
        assertTrue(unknown.getMessage().startsWith("unknown option -x"), unknown.getMessage());
        assertEquals("the author needs a name", assertThrows(UsageException.class, () -> CreateAuthorArgs.parse(List.of("--"))).getMessage());
    }

    /** Bytes that are not UTF-8 are not stored as "�", and a second --role does not replace the first unsaid. */
    @Test
    void aBylineTheTerminalMangledOrAnOptionGivenTwiceIsAUsageError() {
        var mangled = assertThrows(UsageException.class, () -> CreateAuthorArgs.parse(List.of("\uFFFD\uFFFD", "Ek")));
        assertTrue(mangled.getMessage().contains("UTF-8"), mangled.getMessage());
        assertThrows(UsageException.class, () -> CreateAuthorArgs.parse(List.of("--office", "Malm\uFFFD", "Åsa")));
        var twice = assertThrows(UsageException.class, () -> CreateAuthorArgs.parse(List.of("--role", "A", "--role=B", "Åsa")));
        assertEquals("--role and --office are each given once", twice.getMessage());
    }

    /** Each option as "--role=…" is the same as "--role …", and a second --office, in either form, is a usage error too. */
    @Test
    void anOptionWithItsValueAfterAnEqualsSignIsTheSameAsWithItsValueAfter() {
        assertEquals(new Byline("Anna Ek", Optional.of("Chef"), Optional.of("Frivården Malmö")),
                CreateAuthorArgs.parse(List.of("--role=Chef", "--office=Frivården Malmö", "Anna", "Ek")).profile());
        for (List<String> twice : List.of(List.of("--office", "Malmö", "--office", "Lund", "Åsa"), List.of("--office=Malmö", "--office", "Lund", "Åsa"),
                List.of("--role=A", "--role", "B", "Åsa"))) {
            assertEquals("--role and --office are each given once",
                    assertThrows(UsageException.class, () -> CreateAuthorArgs.parse(twice), twice.toString()).getMessage());
        }
    }
}
