package se.inlagg.posts;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.autolink.AutolinkType;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders post bodies. Raw HTML in Markdown is escaped, not passed through, and link targets
 * other than safe schemes are dropped, so an author's text can never inject script into a page.
 */
public final class Markdown {

    /**
     * A web address written bare ("Läs mer på https://www.kriminalvarden.se/") is a link, as readers expect, and so is an
     * e-mail address, as Word and Outlook link one ("skriv till asa@kriminalvarden.se"; the page shows the address either
     * way). A table as GitHub writes it ("| Dag | Tid |" over "|---|---|") is a table: staff put schedules and contacts in
     * posts, which would otherwise show as lines of bars.
     * Bodies stored before any of these keep their HTML until their text is edited: StoredHtml.VERSION is for rules that make a
     * stored page unsafe, and every old post read would otherwise be rendered again on the readers' path.
     */
    private static final List<Extension> EXTENSIONS = List.of(
            AutolinkExtension.builder().linkTypes(AutolinkType.URL, AutolinkType.WWW, AutolinkType.EMAIL).build(), TablesExtension.create());

    private static final Parser PARSER = Parser.builder()
            .extensions(EXTENSIONS)
            .postProcessor(document -> textOfUnsafeLinks(document, StoredHtml.VERSION))
            .postProcessor(Markdown::headingsUnderTheTitle)
            .build();

    /**
     * The body as {@link #PARSER} read it for its words before StoredHtml.VERSION 2 ({@link #wordsBeforeVersion2}); built only when
     * asked, as few bodies are.
     */
    private static final class BeforeVersion2 {
        static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).postProcessor(document -> textOfUnsafeLinks(document, 1)).build();
    }

    /** The body as its author wrote it, every link and picture kept, for the rules to judge ({@link #firstAddressWithUserInfo}). */
    private static final Parser AS_WRITTEN = Parser.builder().extensions(EXTENSIONS).build();

    /**
     * The sanitizer marks every link rel="nofollow", as for comments from strangers: the authors are the organisation's own
     * staff, and their links (to the blog's own pages, to sources they cite) are the site's, so search engines may follow
     * them. The sanitizing of addresses stays. A body stored before keeps its HTML, with the mark,
     * until its text is edited: the mark is no danger, and StoredHtml.VERSION is for rules that make a stored page unsafe.
     * A picture in the text is fetched only as the reader nears it and decoded beside the page's drawing (a post with four
     * pictures in its text downloaded 0.9 MB before its first screen of text was read), likewise from the next edit on.
     */
    private static final HtmlRenderer HTML = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new SafeUrls())
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                if (node instanceof Link) {
                    attributes.remove("rel");
                } else if (node instanceof Image) {
                    attributes.put("loading", "lazy");
                    attributes.put("decoding", "async");
                }
            })
            .build();

    /**
     * A link whose target the sanitizer would empty is its text: the autolinker makes a link of any "word://"
     * (a typo such as "htps://", or "javascript://"), which would render as a link to nowhere, as an
     * explicit [text](javascript:…) would. After the autolinker, as the parser runs post-processors in order. A link
     * whose text is its own address (as the autolinker makes one, "http://" before "www.") with a user name or
     * password in it shows the address without them: the text would send them as the link would.
     * {@code version} 1 does as the renderer before StoredHtml.VERSION 2 did, which linked such an address and kept its text.
     */
    private static Node textOfUnsafeLinks(Node document, int version) {
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                if (version == 1 ? SafeUrls.linkAllowedBeforeVersion2(link.getDestination()) : SafeUrls.linkAllowed(link.getDestination())) {
                    visitChildren(link);
                    return;
                }
                if (version > 1 && link.getFirstChild() instanceof Text text && text.getNext() == null
                        && (text.getLiteral().equals(link.getDestination()) || ("http://" + text.getLiteral()).equals(link.getDestination()))) {
                    // "www.…" is linked to "http://www.…".
                    SafeUrls.shownWithoutUserInfo(link.getDestination()).ifPresent(text::setLiteral);
                }
                visitChildren(link); // a picture in it is judged too
                unwrap(link);
            }

            /**
             * A picture the page may not show is its alt text: the sanitizer would empty its source, and a reader would see
             * a broken picture (`<img src="">`) where the author's words for it say what it was.
             */
            @Override
            public void visit(Image image) {
                // Its alt text is judged as any text: an address the autolinker linked in it shows without its password,
                // and a link in it the page may not follow is its text (the unwrap below would leave them unvisited).
                visitChildren(image);
                if (!SafeUrls.imageAllowed(image.getDestination())) {
                    unwrap(image);
                }
            }
        });
        return document;
    }

    /** Puts the node's children where it stood, and takes it out. */
    private static void unwrap(Node node) {
        for (Node child = node.getFirstChild(); child != null; ) {
            Node next = child.getNext();
            node.insertBefore(child);
            child = next;
        }
        node.unlink();
    }

    /**
     * A body's headings sit under the post's title, the page's one first-level heading: a body that uses "# Rubrik"
     * has every heading moved one level down, so "#" is a second-level heading and "##" a third, its outline kept
     * (a second first-level heading would break the outline a screen reader's user moves through, and making "#" alone
     * second-level would put it level with the "##" under it). A body whose top headings are "##",
     * as most are written under a title, keeps its levels. Bodies stored before keep their HTML until edited: StoredHtml.VERSION
     * re-renders only for what makes a stored page unsafe.
     */
    private static Node headingsUnderTheTitle(Node document) {
        int top = 7;
        // The body's own headings, not one inside a quote or a list ("> # Citat" keeps the body's levels).
        for (Node child = document.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Heading heading) {
                top = Math.min(top, heading.getLevel());
            }
        }
        if (top == 1) {
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(Heading heading) {
                    heading.setLevel(Math.min(6, heading.getLevel() + 1));
                }
            });
        }
        return document;
    }

    private Markdown() {
    }

    /** The body's HTML; a character reference to a character no page or feed may carry ("&#x1;") is U+FFFD there. */
    public static String toHtml(String markdown) {
        return StoredHtml.fit(HTML.render(PARSER.parse(markdown)));
    }

    /**
     * The first link or picture of the body (a bare address the autolinker links counts) whose address has a user name
     * or password a browser reads in it, without them; empty when none has. Only an address the page would link or show
     * counts ({@link SafeUrls#userInfoOfLink}): "ssh://git@…" is shown as text. The page shows such a link as its text and
     * such a picture as its alt text; the rules refuse the body, so its author learns why rather than finds a link gone.
     */
    static Optional<WebAddresses.WithoutUserInfo> firstAddressWithUserInfo(String markdown) {
        List<WebAddresses.WithoutUserInfo> found = new ArrayList<>(1);
        AS_WRITTEN.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                check(SafeUrls.userInfoOfLink(link.getDestination()));
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                check(SafeUrls.userInfoOfImage(image.getDestination()));
                visitChildren(image);
            }

            private void check(Optional<WebAddresses.WithoutUserInfo> userInfo) {
                if (found.isEmpty()) {
                    userInfo.ifPresent(found::add);
                }
            }
        });
        return found.stream().findFirst();
    }

    /**
     * The site's uploaded pictures the body's own pictures show ("/images/….png"), by a path or by a full address on any
     * site running this code, in their order: such a file goes when the post that has it as its picture lets it go, and
     * a text showing it would show a broken picture.
     */
    static List<String> uploadedPicturesShown(String markdown) {
        List<String> found = new ArrayList<>();
        AS_WRITTEN.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                uploadedPicture(image.getDestination()).filter(p -> !found.contains(p)).ifPresent(found::add);
                visitChildren(image);
            }
        });
        return found;
    }

    /**
     * The uploaded picture an address in a post's text reaches, read as a browser fetches it from the post's page
     * ("../images/…", a space or a "|" in its query, a backslash for a slash, a host of Swedish letters): the page writes
     * the address as typed, and URI alone refused such addresses, which let them through (from a review).
     */
    private static Optional<String> uploadedPicture(String destination) {
        try {
            return se.inlagg.posts.Image.storedPathOf(PAGE.resolve(WebAddresses.asFetched(destination)).toString());
        } catch (IllegalArgumentException e) {
            // Still no address to read: one that names an uploaded picture is taken to show it, on the safe side.
            Matcher named = NAMED_PICTURE.matcher(destination);
            return named.find() ? Optional.of(se.inlagg.posts.Image.SITE_PATH + named.group(1)) : Optional.empty();
        }
    }

    /** "/images/" (or with backslashes, which a browser reads as slashes) and a name the upload steps make, anywhere. */
    private static final Pattern NAMED_PICTURE = Pattern.compile("[/\\\\]images[/\\\\]([a-z2-7]{26}\\.(?:jpg|png|webp))");

    /** A post's page, which a relative address in its text is read from. */
    private static final URI PAGE = URI.create("https://inlagg.invalid/posts/inlagg");

    /**
     * The words of the body as plain prose, for excerpts written by nobody and for search: each
     * paragraph, heading and list item ends a sentence ("punkt ett. punkt två."), so blocks do not
     * run together into one sentence that was never written. What looks like HTML and code blocks are
     * words too: the page shows them as text (raw HTML is escaped), so "Tryck på <Enter>" is not cut to
     * "Tryck på" in an excerpt, and is found by a search for "enter".
     */
    public static String toWords(String markdown) {
        return words(PARSER.parse(markdown), true);
    }

    /**
     * How many words a reader counts in the body: each run between spaces of its words ({@link #toWords}) that holds a
     * letter or a digit, so a list's bullet, a dash or the sentence end put between blocks is none, and a link is its text.
     */
    public static int wordCount(String markdown) {
        int count = 0;
        for (String run : SPACES.split(toWords(markdown))) {
            if (run.codePoints().anyMatch(Character::isLetterOrDigit)) {
                count++;
            }
        }
        return count;
    }

    private static final Pattern SPACES = Pattern.compile("\\s+");

    /**
     * The words as made before each block closed the direction controls it left open: what an excerpt made then from a
     * body with such a control holds (PostRules.derivedExcerpt), so that it is still known as made from the body.
     */
    static String wordsLeftOpen(String markdown) {
        return words(PARSER.parse(markdown), false);
    }

    /**
     * The words the renderer before StoredHtml.VERSION 2 made of the body, a bare address's user name and password kept: what an excerpt
     * made of it before holds (PostRules.derivedExcerpt).
     */
    static String wordsBeforeVersion2(String markdown) {
        return words(BeforeVersion2.PARSER.parse(markdown), false);
    }

    private static String words(Node document, boolean closeDirections) {
        StringBuilder out = new StringBuilder();
        document.accept(new AbstractVisitor() {
            /** Where the block being read began in {@code out}. */
            private int block;

            /**
             * A block's end, by {@code how}; then what the block left open of the direction controls is closed right after
             * what it wrote, before the mark {@code how} adds, as its end on the page closes it ({@link DirectionControls#closers}).
             * Closed after {@code how} looked: closed before, it would hide a block's own full stop from it, and "slut."
             * would read "slut.\u202C.".
             */
            private void ended(Consumer<StringBuilder> how) {
                String closers = closeDirections ? DirectionControls.closers(out.subSequence(block, out.length())) : "";
                int written = trimmedEnd(out);
                how.accept(out);
                out.insert(written, closers);
                block = out.length();
            }

            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                out.append(code.getLiteral());
            }

            @Override
            public void visit(HtmlInline html) {
                out.append(html.getLiteral());
            }

            @Override
            public void visit(HtmlBlock html) {
                out.append(html.getLiteral());
                ended(o -> endSentence(o, closeDirections));
            }

            @Override
            public void visit(FencedCodeBlock code) {
                out.append(code.getLiteral());
                ended(o -> endSentence(o, closeDirections));
            }

            @Override
            public void visit(IndentedCodeBlock code) {
                out.append(code.getLiteral());
                ended(o -> endSentence(o, closeDirections));
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                out.append(' ');
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                out.append(' ');
            }

            /**
             * A paragraph ends its sentence. The items of a list run on as one, "a; b; c." (not "rutiner vid
             * frigivning. en kontaktperson.", sentences with no capital), and an item that
             * opens a sentence opens it with a capital when it starts with a plain lower-case word (not code,
             * markup, a link, a number, nor a word like "iPhone"): the excerpt and the snippet read as prose.
             */
            @Override
            public void visit(Paragraph paragraph) {
                boolean inItem = paragraph.getParent() instanceof ListItem;
                boolean opensSentence = inItem && endsSentence(out, closeDirections);
                int start = out.length();
                visitChildren(paragraph);
                if (opensSentence && paragraph.getFirstChild() instanceof Text first) {
                    capitalizeFirstWord(out, start, first.getLiteral());
                }
                if (inItem && paragraph.getNext() == null && paragraph.getParent().getNext() != null) {
                    ended(o -> endClause(o, closeDirections));
                } else {
                    ended(o -> endSentence(o, closeDirections));
                }
            }

            @Override
            public void visit(Heading heading) {
                visitChildren(heading);
                ended(o -> endSentence(o, closeDirections));
            }

            /** A table's row reads as a sentence of its cells: "Måndag, 9.00, Malmö." */
            @Override
            public void visit(CustomNode node) {
                visitChildren(node);
                if (node instanceof TableCell cell) {
                    if (cell.getNext() != null) {
                        ended(o -> end(o, ',', ".!?…:;,", closeDirections));
                    } else {
                        ended(o -> endSentence(o, closeDirections));
                    }
                }
            }
        });
        return StoredHtml.fit(out.toString().strip().replaceAll("\\s+", " "));
    }

    /** Whether what is written so far is nothing, or ends a sentence; with blocks {@code closed}, closings aside. */
    private static boolean endsSentence(StringBuilder out, boolean closed) {
        int last = lastWritten(out, trimmedEnd(out), closed);
        return last < 0 || ".!?…".indexOf(out.charAt(last)) >= 0;
    }

    /**
     * Where the last character written before {@code end} is, -1 for none; when blocks are {@code closed}, the closings of
     * direction (U+202C, U+2069) aside, so a block's own full stop is seen behind them (else "slut.\u202C" makes the
     * next list item start in lower case, and an empty cell after it adds a second full stop).
     */
    private static int lastWritten(StringBuilder out, int end, boolean closed) {
        int last = end - 1;
        while (closed && last >= 0 && (out.charAt(last) == '\u202C' || out.charAt(last) == '\u2069')) {
            last--;
        }
        return last;
    }

    /**
     * The word a paragraph's text starts with, written at {@code start}, with a capital: only a word of lower-case
     * letters, so "2 kg", "iPhone" and "e-post" stay as written ("e-post" is not all letters).
     */
    private static void capitalizeFirstWord(StringBuilder out, int start, String text) {
        int end = 0;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        String word = text.substring(0, end).replaceAll("[.,;:!?…]+$", "");
        if (word.isEmpty() || !word.codePoints().allMatch(Character::isLowerCase) || start >= out.length()
                || out.codePointAt(start) != word.codePointAt(0)) {
            return;
        }
        int first = out.codePointAt(start);
        out.replace(start, start + Character.charCount(first), Character.toString(Character.toTitleCase(first)));
    }

    /** A semicolon unless the item already ends in a mark of its own, then a space: the list goes on. */
    private static void endClause(StringBuilder out, boolean closed) {
        end(out, ';', ".!?…:;,", closed);
    }

    /** Where what is written ends, without the spaces after it. */
    private static int trimmedEnd(StringBuilder out) {
        int end = out.length();
        while (end > 0 && Character.isWhitespace(out.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** A full stop unless the block already ends in one (or in ! ? … : ;), then a space. */
    private static void endSentence(StringBuilder out, boolean closed) {
        end(out, '.', ".!?…:;", closed);
    }

    /**
     * The spaces after what is written dropped, then {@code mark} unless it already ends in one of {@code kept}, then a space;
     * with blocks {@code closed}, closings aside ({@link #lastWritten}).
     */
    private static void end(StringBuilder out, char mark, String kept, boolean closed) {
        int end = trimmedEnd(out);
        out.setLength(end);
        int last = lastWritten(out, end, closed);
        if (last >= 0 && kept.indexOf(out.charAt(last)) < 0) {
            out.append(mark);
        }
        out.append(' ');
    }
}
