package se.inlagg.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.inlagg.posts.PostRules;
import se.inlagg.posts.SwedishDates;
import se.inlagg.posts.SwedishNumbers;
import se.inlagg.posts.Tag;

/**
 * The rules' messages in Swedish, for the form. The JSON API speaks English to programs; people
 * at the form read Swedish. Unknown messages pass through unchanged rather than vanish.
 */
final class Swedish {

    private static final Map<Pattern, Function<MatchResult, String>> MESSAGES = new LinkedHashMap<>();

    /** Where the form shows a control it was sent, and what to do. */
    private static final String CONTROLS_SHOWN = " (osynliga tecken, ofta från inklistrad text: de visas här som \uFFFD, ta bort dem)";

    static {
        add("must not be empty", "får inte vara tom");
        add("must be at most (\\d+) characters", "får vara högst $1 tecken");
        add("must be at most (\\d+) bytes of UTF-8", "är för lång (högst $1 byte: å, ä, ö och många tecken tar två eller fler)");
        // The examples are the form's own hint's (2026-12-24 15:00), so the two agree.
        add("must be a real date like .*", "måste vara ett datum, med eller utan klockslag, till exempel 2026-12-24, 2026-12-24 15:00 eller"
                + " 24 december 2026 kl. 15.00 (årtal med högst fyra siffror)");
        // SiteTime.Reading.Skipped's message; the day as Swedish writes it.
        // Times with a point (9.15), as SwedishDates writes them; each message a sentence, with its full stop.
        MESSAGES.put(Pattern.compile("does not exist in \\S+: on (\\d{4}-\\d{2}-\\d{2}) the clocks go forward from (\\S+) to (\\S+), so (\\S+) never comes;.*"),
                m -> "Kl. " + time(m.group(4)) + " finns inte den " + SwedishDates.date(LocalDate.parse(m.group(1)))
                        + ", för då ställs klockan fram från " + time(m.group(2)) + " till " + time(m.group(3)) + ". Välj en annan tid.");
        // SiteTime.Reading.NoSuchDay's message: the day as Swedish writes it, though no calendar has it.
        MESSAGES.put(Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2}) does not exist: \\S+ has (\\d+) days"), m -> {
            YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            return SwedishDates.writtenDay(month, Integer.parseInt(m.group(3))) + " finns inte – " + SwedishDates.monthInText(month)
                    + " har bara $4 dagar. Välj en annan dag.";
        });
        // SiteTime.Reading.OtherSeason's message.
        MESSAGES.put(Pattern.compile("(\\d{4}-\\d{2}-\\d{2})T(\\d{2}:\\d{2})\\S* is (\\S+) \\(.*\\) in \\S+, not (\\S+); the clocks show it once.*"),
                m -> SwedishDates.date(LocalDate.parse(m.group(1))) + " kl. " + time(m.group(2)) + " är $3, inte $4: klockan visar"
                        + " den tiden en gång. Skriv tiden utan ”($4)”.");
        add("must be an http or https address", "måste vara en giltig webbadress som börjar med http:// eller https://");
        add("must not be empty when the image has alt text or a caption", "behövs när bilden har alt-text eller bildtext");
        add(Pattern.quote(PostRules.ANOTHER_POSTS_PICTURE),
                "får inte vara filen till en bild som inlägget inte visar nu (en som laddats upp till ett annat inlägg, här eller på en "
                        + "annan webbplats med Inlägg, eller en som inlägget visade förut), för den tas bort när inget inlägg visar den: "
                        + "ladda upp filen till det här inlägget");
        add(Pattern.quote(PostRules.NOT_THIS_POSTS_PICTURE) + "(.+)", "får inte visa en uppladdad bild som inte är inläggets egen bild,"
                + " för filen tas bort när inget inlägg har den som sin bild: ladda upp filen som det här inläggets bild, eller ta bort"
                + " den ur texten ($1)");
        add(Pattern.quote(PostRules.URL_WITH_CREDENTIALS),
                "får inte innehålla användarnamn eller lösenord (det som står före @ i adressen): alla som läser inlägget skulle få dem");
        add(Pattern.quote(PostRules.LINK_WITH_CREDENTIALS) + "(.+)", "får inte länka till eller visa en adress med användarnamn eller "
                + "lösenord (det som står före @ i adressen): alla som läser inlägget skulle få dem. Ta bort dem ur adressen till $1");
        add(Pattern.quote(PostRules.URL_WITH_NO_SUCH_PORT),
                "måste vara en giltig webbadress: portnumret efter kolonet måste vara ett tal från 1 till 65535");
        add(Pattern.quote(PostRules.URL_TOO_LONG_AS_STORED),
                "får vara högst " + PostRules.MAX_URL + " tecken som webbadress (en bokstav utöver a–z räknas som upp till tolv)");
        add(Pattern.quote(PictureWords.TOO_LONG_TO_CARRY), "är för lång för att följa med till bildvalet (å, ä, ö och tecken som"
                + " emoji tar mer plats). Skriv kortare, eller lämna fältet tomt och skriv texten när du har valt bilden");
        // Where they are: the form shows each as U+FFFD, which the rules take, so sent again unread the text keeps "�"
        // (else nothing says what the "�" are).
        add("must be one line without control characters", "får bara vara en rad, utan kontrolltecken" + CONTROLS_SHOWN);
        add("must not contain control characters", "får inte innehålla kontrolltecken" + CONTROLS_SHOWN);
        add(Pattern.quote(PostRules.SEPARATOR_IN_LINE), "får bara vara en rad, utan rad- eller styckebrytningar");
        add("must be valid Unicode text", "innehåller ogiltiga tecken");
        add("must contain a letter or a digit", "måste innehålla en bokstav eller en siffra");
        add(Pattern.quote(Tag.LETTER_OR_DIGIT),
                "måste innehålla en bokstav a–ö eller en siffra (é, ü och andra bokstäver med accent räknas också), eftersom namnet"
                        + " blir en del av en webbadress");
        add("a post has at most (\\d+) tags", "ett inlägg har högst $1 kategorier");
        add("must be \"published\" or \"draft\"", "måste vara ”publicerat” eller ”utkast”");
    }

    private Swedish() {
    }

    /** "02:30" (or "02:30:15", as java.time writes it) as "2.30". */
    private static String time(String clock) {
        return SwedishDates.time(LocalTime.parse(clock));
    }

    /** The message as a sentence of its own, with its full stop: "måste vara ett datum …." */
    static String sentence(String message) {
        return message.endsWith(".") ? message : message + ".";
    }

    private static void add(String english, String swedish) {
        MESSAGES.put(Pattern.compile(english), m -> swedish);
    }

    private static final Pattern LARGE_NUMBER = Pattern.compile("\\d{5,}");

    /** Each large number in the text grouped as Swedish writes it ({@link SwedishNumbers#grouped}): 100 000, not 100000. */
    static String grouped(String text) {
        return LARGE_NUMBER.matcher(text).replaceAll(n -> SwedishNumbers.grouped(n.group()));
    }

    /** "1 inlägg", "12 345 inlägg": a number of posts, grouped; the word is the same in the plural. */
    static String posts(long count) {
        return grouped(Long.toString(count)) + " inlägg";
    }

    /** The rules' fields whose Swedish name is an "ett" word: Namn (ett namn), so "tomt", not "tom". */
    private static final Set<String> NEUTER = Set.of("author.name");

    /**
     * A rule's message about one field, in Swedish: "får inte vara tom" of a title, a text or an alt text, "tomt" of a
     * name (not "Namn: får inte vara tom").
     */
    static String message(String field, String english) {
        String swedish = message(english);
        return NEUTER.contains(field) && swedish.equals("får inte vara tom") ? "får inte vara tomt" : swedish;
    }

    static String message(String english) {
        for (var e : MESSAGES.entrySet()) {
            Matcher m = e.getKey().matcher(english);
            if (m.matches()) {
                return grouped(m.replaceAll(e.getValue()));
            }
        }
        return english;
    }
}
