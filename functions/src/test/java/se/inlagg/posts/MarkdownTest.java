package se.inlagg.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void paragraphsListsAndLinksRender() {
        String html = Markdown.toHtml("Vi ses **i morgon**.\n\n- fika\n- möte\n\n[Läs mer](https://www.kriminalvarden.se/)");
        assertTrue(html.contains("<p>Vi ses <strong>i morgon</strong>.</p>"));
        assertTrue(html.contains("<ul>\n<li>fika</li>\n<li>möte</li>\n</ul>"));
        assertTrue(html.contains("<a href=\"https://www.kriminalvarden.se/\">Läs mer</a>"), html);
    }

    /** What the list of a post's earlier versions shows of each, to tell apart those of one title. */
    @Test
    void aBodysWordsAreCountedAsAReaderCountsThemNotItsMarkup() {
        assertEquals(10, Markdown.wordCount("Första stycket om **Årsmöte** i Östersund.\n\n- en punkt\n- en till"));
        assertEquals(6, Markdown.wordCount("## Läs mer\n\n[Intranätet](https://intra.example/) – 2026 års plan"));
        assertEquals(0, Markdown.wordCount("- \n\n---\n\n"));
    }

    /** No link is rel="nofollow", the blog's own pages included: staff are no strangers. */
    @Test
    void theStaffsLinksAreFollowedTheSitesOwnAndOthers() {
        assertEquals("<p><a href=\"/tags/frivard\">Frivård</a> och <a href=\"https://www.kriminalvarden.se/\">källan</a></p>\n",
                Markdown.toHtml("[Frivård](/tags/frivard) och [källan](https://www.kriminalvarden.se/)"));
    }

    @Test
    void deeplyNestedQuotesListsAndEmphasisRenderWithoutOverflowingTheStack() {
        // 4,000 nested quotes must not overflow the stack (the function would die, the reader get a gateway
        // error): commonmark renders them; so must the words for search.
        for (String body : new String[] {"> ".repeat(50_000) + "djupt", "- ".repeat(50_000) + "djupt", "1. ".repeat(30_000) + "djupt",
                "*a ".repeat(15_000) + "djupt" + " b*".repeat(15_000)}) {
            assertTrue(Markdown.toHtml(body).contains("djupt"));
            assertTrue(Markdown.toWords(body).toLowerCase(Locale.ROOT).contains("djupt"),
                    "the word kept (a list's first item starts a sentence: Djupt)");
        }
    }

    /** An address pasted bare is a link, not text to copy by hand; an e-mail address too. */
    @Test
    void aBareWebOrEmailAddressIsALinkAndAScriptIsNot() {
        String html = Markdown.toHtml("Läs mer på https://www.kriminalvarden.se/om-oss. Eller www.frivarden.se, eller skriv till asa@example.se.");
        assertTrue(html.contains("<a href=\"https://www.kriminalvarden.se/om-oss\">https://www.kriminalvarden.se/om-oss</a>."), html);
        assertTrue(html.contains("<a href=\"http://www.frivarden.se\">www.frivarden.se</a>,"), html);
        assertTrue(html.contains("skriv till <a href=\"mailto:asa@example.se\">asa@example.se</a>.</p>"), html);
        assertEquals("<p><code>asa@example.se</code> och <a href=\"https://x.se\">mejla asa@example.se</a> och anna@intra</p>\n",
                Markdown.toHtml("`asa@example.se` och [mejla asa@example.se](https://x.se) och anna@intra"),
                "not in code, not a link inside a link, not without a domain's dot");
        assertEquals("Skriv till asa@example.se.", Markdown.toWords("Skriv till asa@example.se."), "the words are as written");
        // "//anna@…" is linked as "mailto://anna@…", whose "anna" a mail program takes, no server: no user name
        // to refuse, and the link kept.
        assertEquals(Optional.empty(), Markdown.firstAddressWithUserInfo("Skriv till //anna@intra.example.se."));
        assertTrue(Markdown.toHtml("Skriv till //anna@intra.example.se.").contains("href=\"mailto://anna@intra.example.se\""));
        for (String odd : List.of("javascript://alert(1)", "htps://a.se", "file:///etc/passwd")) {
            String text = Markdown.toHtml("Se " + odd + " här");
            assertFalse(text.contains("<a"), "text, not a link to nowhere (from a review): " + text);
        }
        assertEquals("<p><a href=\"/posts/x\">inne</a> och klicka</p>\n", Markdown.toHtml("[inne](/posts/x) och [klicka](javascript:x)"),
                "a written link with a target it may not have is its text too");
        assertEquals("Läs mer på https://e.se.", Markdown.toWords("Läs mer på https://e.se."), "the words are as written");
    }

    /** A body's "# Rubrik" is no second first-level heading beside the post's title. */
    @Test
    void aBodysHeadingsSitUnderThePostsTitleWithTheirOutlineKept() {
        String html = Markdown.toHtml("# Bakgrund\n\nText.\n\n## Så gör vi\n\nMer.\n\nRubrik\n======\n\n###### Djupast");
        assertFalse(html.contains("<h1"), html);
        assertTrue(html.contains("<h2>Bakgrund</h2>"), html);
        assertTrue(html.contains("<h3>Så gör vi</h3>"), "under its section, as written (from a review): " + html);
        assertTrue(html.contains("<h2>Rubrik</h2>"), "a setext heading too: " + html);
        assertTrue(html.contains("<h6>Djupast</h6>"), html);
        String usual = Markdown.toHtml("## Bakgrund\n\nText.\n\n### Detalj");
        assertTrue(usual.contains("<h2>Bakgrund</h2>") && usual.contains("<h3>Detalj</h3>"), "a body that starts at ## keeps its levels: " + usual);
        String quoted = Markdown.toHtml("## Bakgrund\n\n> # Citat\n\nText.");
        assertTrue(quoted.contains("<h2>Bakgrund</h2>"), "a heading in a quote moves nothing else (from a review): " + quoted);
    }

    /** A table written as GitHub writes it is a table, not lines of bars. */
    @Test
    void aTableIsATableAndReadsAsSentencesOfItsCells() {
        String body = "Tider i veckan:\n\n| Dag | Tid | Var |\n|---|:---:|---|\n| Måndag | 9.00 | Malmö |\n| Tisdag | | <b>Ystad</b> |\n\nVälkomna!";
        String html = Markdown.toHtml(body);
        assertTrue(html.contains("<table>") && html.contains("<th>Dag</th>") && html.contains("<td>Måndag</td>"), html);
        assertTrue(html.contains("&lt;b&gt;Ystad&lt;/b&gt;"), "raw HTML in a cell is text, as everywhere: " + html);
        assertEquals("Tider i veckan: Dag, Tid, Var. Måndag, 9.00, Malmö. Tisdag, <b>Ystad</b>. Välkomna!", Markdown.toWords(body));
        assertEquals("<p>| inte | en tabell |</p>\n", Markdown.toHtml("| inte | en tabell |"), "bars without the line under them stay text");
    }

    @Test
    void rawHtmlIsShownAsTextNeverRun() {
        String html = Markdown.toHtml("<script>alert('hej')</script>\n\nText <img src=x onerror=alert(1)>");
        assertFalse(html.contains("<script>"));
        assertFalse(html.contains("<img"));
        assertTrue(html.contains("&lt;script&gt;"));
    }

    @Test
    void scriptLinksLoseTheirTarget() {
        assertEquals("<p>klicka</p>\n", Markdown.toHtml("[klicka](javascript:alert(1))"), "the link's text, as text: no link, no address");
    }

    /**
     * A link or a picture at "https://user:pw@…" rendered with its user info would send it in every page, feed and API
     * answer. Such a link is its text, as a link to javascript: is; a bare address shows without its
     * user info; such a picture is its alt text. Bodies are refused so when written: these are the ones stored before.
     */
    @Test
    void linksAndPicturesWithAUserNameOrPasswordAreNotLinkedAndTheirPasswordIsNotShown() {
        String body = "Se [rapporten](https://anna:hemligt@intra.example/rapport), https://anna:hemligt@intra.example/lista och "
                + "www.anna:hemligt@intra.example.\n\n![Kartan](http://anna:hemligt@bilder.example/karta.jpg)\n\n"
                + "[a](https:\\\\anna:hemligt@intra.example/) [b](//anna:hemligt@intra.example/) [c](/\\anna:hemligt@intra.example/) "
                + "[d](https://anna%40x:hemligt@intra.example/) [e](<https://anna\themligt@intra.example/>) [f](ftp://anna:hemligt@filer.example/)";
        String html = Markdown.toHtml(body);
        assertFalse(html.contains("hemligt") || html.contains("anna"), html);
        assertEquals("<p>Se rapporten, https://intra.example/lista och http://intra.example.</p>\n<p>Kartan</p>\n"
                + "<p>a b c d e f</p>\n", html);
        String words = Markdown.toWords(body);
        assertFalse(words.contains("hemligt") || words.contains("anna"), "excerpts and search snippets: " + words);
        assertEquals("<p><a href=\"https://intra.example/a@b\">a</a> <a href=\"mailto:anna@intra.example\">b</a></p>\n",
                Markdown.toHtml("[a](https://intra.example/a@b) [b](mailto:anna@intra.example)"), "an @ elsewhere is linked");
    }

    /**
     * "ssh://git@github.com/org/repo" in a body stored before must not show as "ssh://github.com/org/repo", a different
     * command: the page shows an address of such a scheme as text and no browser follows it, so such an
     * address is shown, and read for excerpts and search, as written.
     */
    @Test
    void anAddressOfASchemeThePageNeverLinksIsShownAsWritten() {
        String body = "Klona ssh://git@github.com/org/repo, hämta ftp://anonymous@ftp.sunet.se/pub och öppna smb://anna@filserver/delat.";
        assertEquals("<p>" + body + "</p>\n", Markdown.toHtml(body));
        assertEquals(body, Markdown.toWords(body));
    }

    @Test
    void onlyWebAndMailLinksSurvive() {
        // data: links pass commonmark's default sanitizer.
        String html = Markdown.toHtml("[a](data:text/html;base64,PHNjcmlwdD4=) [b](vbscript:x) [c](https://e.se) "
                + "[d](/posts/x) [e](mailto:a@e.se) [f](#rubrik) ![g](data:image/png;base64,AAAA) [h](java\tscript:x)"
                + " [i](java&#9;script:alert(1)) [j](java&#x0A;script:x)");
        assertFalse(html.contains("data:"), html);
        assertFalse(html.contains("vbscript:"), html);
        // A tab or newline written as a reference is in the address commonmark hands on, and a browser drops it before it
        // reads the scheme: "java\tscript:" is javascript:.
        assertFalse(html.contains("href=\"java"), html);
        assertTrue(html.endsWith("</a> g [h](java\tscript:x) i j</p>\n"), "the links' text stays, as text: " + html);
        assertTrue(html.contains("href=\"https://e.se\"") && html.contains("href=\"/posts/x\"")
                && html.contains("href=\"mailto:a@e.se\"") && html.contains("href=\"#rubrik\""), html);
    }

    /**
     * A picture the page may not show is its alt text, which says what it was, not {@code <img src="">}, a broken picture.
     * One inside a link the page may not follow is judged too; a picture with no alt text leaves nothing.
     */
    @Test
    void aPictureThePageMayNotShowIsItsAltText() {
        assertEquals("<p>Före Karta över <em>Malmö</em> efter.</p>\n", Markdown.toHtml("Före ![Karta över *Malmö*](javascript:alert(1)) efter."),
                "no picture: its alt text, as written");
        assertEquals("<p>Logga</p>\n", Markdown.toHtml("[![Logga](data:image/png;base64,AAAA)](javascript:x)"));
        assertEquals("<p>Före  efter.</p>\n", Markdown.toHtml("Före ![](vbscript:x) efter."));
        assertEquals("<p><img src=\"https://e.se/a.jpg\" alt=\"Karta\" loading=\"lazy\" decoding=\"async\" /></p>\n", Markdown.toHtml("![Karta](https://e.se/a.jpg)"),
                "a picture it may show is shown");
        assertEquals("Före Karta över Malmö efter.", Markdown.toWords("Före ![Karta över Malmö](javascript:x) efter."));
    }

    /**
     * A link may write mail, a picture may not: no browser shows a picture from a mailto: address, so a reader would see a
     * broken picture where the author's words for it say what it was.
     */
    @Test
    void aPictureFromAMailAddressIsItsAltTextThoughALinkToItIsALink() {
        assertEquals("<p>Skriv till Åsa</p>\n", Markdown.toHtml("![Skriv till Åsa](mailto:asa@kriminalvarden.se)"));
        assertEquals("<p><a href=\"mailto:asa@kriminalvarden.se\">Skriv till Åsa</a></p>\n",
                Markdown.toHtml("[Skriv till Åsa](mailto:asa@kriminalvarden.se)"));
    }

    /**
     * A picture's alt text is visited too: else an address with a password the autolinker linked in it keeps the password
     * (in the alt text, or as a link once the picture is unwrapped), and a link in it to javascript: becomes a link to
     * nowhere.
     */
    @Test
    void aPicturesAltTextIsJudgedAsTextIs() {
        assertEquals("<p><img src=\"https://e.se/a.png\" alt=\"Se https://intra.example/x\" loading=\"lazy\" decoding=\"async\" /></p>\n",
                Markdown.toHtml("![Se https://anna:hemligt@intra.example/x](https://e.se/a.png)"));
        assertEquals("<p>Se https://intra.example/x</p>\n", Markdown.toHtml("![Se https://anna:hemligt@intra.example/x](javascript:x)"));
        assertEquals("Se https://intra.example/x.", Markdown.toWords("![Se https://anna:hemligt@intra.example/x](javascript:x)"));
        assertEquals("<p>klick</p>\n", Markdown.toHtml("![[klick](javascript:alert(1))](javascript:x)"));
    }

    @Test
    void plainTextDropsTheMarkup() {
        assertEquals("Vi ses i morgon. Fika.", Markdown.toWords("Vi ses **i morgon**.\n\n- fika"));
    }

    @Test
    void listItemsAndParagraphsEndTheirSentencesSoTheyDoNotRunTogether() {
        assertEquals("Rutiner vid frigivning. Punkt ett; punkt två! Till sist: se bilagan.",
                Markdown.toWords("# Rutiner vid frigivning\n\n- punkt ett\n- punkt två!\n\nTill sist:\n\n1. se bilagan"));
    }

    /** List items read as one sentence, not as sentences with no capital ("frigivning. en kontaktperson."). */
    @Test
    void aListReadsAsOneSentenceOfClauses() {
        assertEquals("Vi kom överens om tre saker: gemensamma rutiner vid frigivning; en kontaktperson per klient; uppföljning varje kvartal.",
                Markdown.toWords("Vi kom överens om tre saker:\n\n- gemensamma rutiner vid frigivning\n- en kontaktperson per klient\n"
                        + "- uppföljning varje kvartal"));
        assertEquals("Ta med: Kanel; kardemumma, socker. Ålänningar välkomna.",
                Markdown.toWords("Ta med:\n\n1. Kanel\n2. kardemumma, socker\n\nÅlänningar välkomna."));
        assertEquals("Ägg; mjöl.", Markdown.toWords("- ägg\n- mjöl"), "a list that opens the text opens a sentence");
        // Only a plain lower-case word gets a capital: code, markup, links, numbers and "iPhone" stay as written.
        assertEquals("Så här. ls -la listar; 2 kg mjöl; iPhone; <kbd>Ctrl</kbd>; https://e.se/a; e-post.", Markdown.toWords(
                "Så här.\n\n- `ls -la` listar\n- 2 kg mjöl\n- [iPhone](https://e.se)\n- <kbd>Ctrl</kbd>\n- https://e.se/a\n- e-post"));
        assertEquals("Så här. 2 kg mjöl; socker.", Markdown.toWords("Så här.\n\n- 2 kg mjöl\n- socker"));
        assertEquals("Ett. A; b. Två.", Markdown.toWords("- ett\n  - a\n  - b\n- två"), "a nested list, and the item after it");
        assertEquals("Ett. Mer; två.", Markdown.toWords("- ett\n\n  mer\n- två"), "an item of two paragraphs");
    }

    /** What parses as a tag stays in excerpts and search, as the page shows it as text. */
    @Test
    void whatThePageShowsAsTextIsWordsTooTagLikeTextAndCodeIncluded() {
        assertEquals("Tryck på <Enter> för att spara, och skriv a<b eller x>y i formeln.",
                Markdown.toWords("Tryck på <Enter> för att spara, och skriv a<b eller x>y i formeln."));
        assertEquals("Före <script>alert(1)</script>.", Markdown.toWords("Före <script>alert(1)</script>"));
        assertEquals("Kör så här: ./inlagg seed. <div>Klart</div>.",
                Markdown.toWords("Kör så här:\n\n```\n./inlagg seed\n```\n\n<div>Klart</div>"));
        assertEquals("Indraget: kod här.", Markdown.toWords("Indraget:\n\n    kod här"));
    }

    /**
     * The rules refuse a control character typed in a body, but a character reference to one ("&#x1;") makes it anyway,
     * in the body's HTML and its excerpt, which would make the site's feed unreadable for every subscriber. CommonMark
     * makes "&#0;" U+FFFD; so is every character no page or feed may carry.
     */
    @Test
    void aCharacterReferenceToWhatNoPageMayCarryIsTheReplacementCharacter() {
        String body = "Hej &#x1; då &#xFFFE; e &#xD800; f &#0; g &#129; å &#xE5; &#x1F600;";
        for (String out : List.of(Markdown.toHtml(body), Markdown.toWords(body))) {
            assertEquals(out, MarkupText.fit(out), out);
            assertTrue(out.contains("Hej \uFFFD då \uFFFD e \uFFFD f \uFFFD g \uFFFD å å " + Character.toString(0x1F600)), out);
        }
        // A reference to a C1 control is what a browser reads it as, the windows-1252 character, as old HTML from Word meant it.
        // Both ends of the C1 range: &#128; is "€", &#159; "Ÿ" (a French place name in capitals), not U+FFFD.
        String word = "Mötet &#150; kl. 9 &#133; &#147;Välkomna&#148; &#128;5 i L&#146;HA&#159;-LES-ROSES";
        for (String out : List.of(Markdown.toHtml(word), Markdown.toWords(word))) {
            assertTrue(out.contains("Mötet – kl. 9 … “Välkomna” €5 i L’HAŸ-LES-ROSES"), out);
        }
    }
}
