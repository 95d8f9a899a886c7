package se.inlagg.posts;

import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The limits README.md promises ("The API by example", Limits) applied to a draft. They keep every item far below DynamoDB's 400 KB
 * and every list page below the 1 MB Query limit, so no write can fail halfway for size.
 */
public final class PostRules {

    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY_CHARS = 100_000;
    public static final int MAX_BODY_BYTES = 300_000;
    public static final int MAX_EXCERPT = 500;
    public static final int MAX_NAME = 100;
    public static final int MAX_URL = 2_048;
    /** A picture's address longer than {@link #MAX_URL} once its letters beyond ASCII are written as escapes, as it is stored. */
    public static final String URL_TOO_LONG_AS_STORED = "must be at most " + MAX_URL
            + " characters as a web address (a letter beyond a-z counts as up to twelve)";
    public static final int MAX_ALT = 300;
    public static final int MAX_CAPTION = 500;
    static final int DERIVED_EXCERPT = 280;

    private PostRules() {
    }

    /**
     * A draft that passed every rule, with its values in their domain types.
     *
     * @param dateCleared the date given empty ("" in a form, or null in a patch): "now", where leaving it out keeps it
     */
    public record Checked(String title, String body, Byline byline, List<Tag> tags,
                          Optional<Instant> publishedAt, Optional<Image> image, String excerpt,
                          Status status, boolean dateCleared) {
    }

    public static Outcome<Checked> check(PostDraft d, SiteTime time) {
        return check(d, time, Optional.empty());
    }

    /**
     * The rules for an edit of a post as stored: its own uploaded picture may stay (with its size), while no
     * other address of the site's may be set by hand, so no post can point at another's file (and delete it
     * with itself). A byline's name or office, and a date, that a later rule refuses pass as long as they
     * are the stored ones: a post by "Ольга Петренко", stored before such names were refused, stays editable,
     * not refused a PATCH of its text on a name nobody sent.
     */
    public static Outcome<Checked> check(PostDraft d, SiteTime time, Optional<PostSummary> stored) {
        Optional<Image> current = stored.flatMap(PostSummary::image);
        List<FieldError> errors = new ArrayList<>();
        String title = required(errors, "title", d.title(), MAX_TITLE, false);
        String body = required(errors, "body", d.body(), MAX_BODY_CHARS, true);
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            errors.add(new FieldError("body", "must be at most " + MAX_BODY_BYTES + " bytes of UTF-8"));
        }
        if (body != null) {
            Markdown.firstAddressWithUserInfo(body).ifPresent(address -> errors.add(new FieldError("body", linkWithCredentials(address))));
        }
        Byline byline = byline(errors, d.authorName(), d.authorRole(), d.authorOffice(), stored.map(PostSummary::author));
        List<Tag> tags = tags(errors, d.tags());
        Optional<Instant> publishedAt = d.publishedAt().filter(s -> !s.isBlank()).flatMap(s -> {
            Optional<Instant> asStored = stored.map(PostSummary::publishedAt).filter(at -> SiteTime.format(at).equals(s.strip()));
            if (asStored.isPresent()) {
                return asStored;
            }
            SiteTime.Reading read = time.read(s);
            if (read.instant().isEmpty()) {
                errors.add(new FieldError("publishedAt", timeProblem(read)));
            }
            return read.instant();
        });
        int noted = errors.size();
        Optional<Image> image = image(errors, d, current);
        if (body != null) {
            // Only the post's own picture, as it is after this write: another's file goes with that post's picture, and
            // this one's old file when it lets it go (found by a production pre-mortem). A picture refused for itself (its
            // alt text emptied) is still the one the text may show: its error is the one to put right (from a review).
            Optional<String> own = errors.size() > noted ? d.imageUrl().map(typed -> WebAddresses.ascii(typed.strip()))
                    .map(typed -> Image.storedPathOf(typed).orElse(typed)).filter(Image::isStoredHere)
                    : image.map(Image::url).filter(Image::isStoredHere);
            Markdown.uploadedPicturesShown(body).stream().filter(p -> !own.equals(Optional.of(p))).findFirst()
                    .ifPresent(p -> errors.add(new FieldError("body", NOT_THIS_POSTS_PICTURE + p)));
        }
        Optional<String> excerpt = optional(errors, "excerpt", d.excerpt(), MAX_EXCERPT, true);
        // An excerpt is read without such a user name or password (excerptAsRead), so one its author wrote would change
        // unseen: refused as the body's links are, so the author learns why.
        excerpt.filter(e -> e.indexOf('@') >= 0).flatMap(SafeUrls::firstBareAddressWithUserInfo)
                .ifPresent(address -> errors.add(new FieldError("excerpt", linkWithCredentials(address))));
        // A status given empty is refused, not read as left out: the default is published, so "status": "" would
        // publish a draft. The forms always send one.
        Status status = d.status().map(s -> Status.fromWire(s).orElseGet(() -> {
            errors.add(new FieldError("status", "must be \"published\" or \"draft\""));
            return Status.PUBLISHED;
        })).orElse(Status.PUBLISHED);
        if (!errors.isEmpty()) {
            return Outcome.refused(new Refusal.Invalid(errors));
        }
        return Outcome.done(new Checked(Blanks.trimmed(title), body, byline, tags,
                publishedAt, image, excerpt.orElseGet(() -> excerptOf(body)), status, d.publishedAt().filter(String::isBlank).isPresent()));
    }

    public static final String NOT_A_TIME = "must be a real date like 2019-01-30 or a time like 2019-01-30T09:15:00+01:00, in the years 1-9999";

    /**
     * Why a publication time as typed names no instant: a time the clocks skip, a season word that is not the time's and
     * a day its month lacks say so, anything else is no date.
     */
    public static String timeProblem(SiteTime.Reading read) {
        return switch (read) {
            case SiteTime.Reading.Skipped skipped -> skipped.english();
            case SiteTime.Reading.OtherSeason other -> other.english();
            case SiteTime.Reading.NoSuchDay missing -> missing.english();
            default -> NOT_A_TIME;
        };
    }

    /** An uploaded picture's words: its alt text, which it must have, and its caption, as a post's image fields. */
    public static List<FieldError> imageTextProblems(Optional<String> alt, Optional<String> caption) {
        List<FieldError> errors = new ArrayList<>();
        required(errors, "image.alt", alt, MAX_ALT, false);
        optional(errors, "image.caption", caption, MAX_CAPTION, false);
        return errors;
    }

    /**
     * A picture's words typed before its file is chosen (to fill in the description page after the upload): each within
     * its limits; the alt text is not required yet, as it is when the picture is saved.
     */
    public static List<FieldError> imageTextLimits(Optional<String> alt, Optional<String> caption) {
        List<FieldError> errors = new ArrayList<>();
        optional(errors, "image.alt", alt, MAX_ALT, false);
        optional(errors, "image.caption", caption, MAX_CAPTION, false);
        return errors;
    }

    /** A byline as typed (an author's profile): the same limits as a post's author fields. */
    public static Outcome<Byline> checkByline(Optional<String> name, Optional<String> role, Optional<String> office) {
        List<FieldError> errors = new ArrayList<>();
        Byline byline = byline(errors, name, role, office, Optional.empty());
        return errors.isEmpty() ? Outcome.done(byline) : Outcome.refused(new Refusal.Invalid(errors));
    }

    /**
     * One check for a post's byline and a profile's, so both store it alike (the spaces typed around "Malmö " go in
     * both). Null when the name is refused.
     */
    private static Byline byline(List<FieldError> errors, Optional<String> name, Optional<String> role, Optional<String> office,
                                 Optional<Byline> stored) {
        String n = required(errors, "author.name", name, MAX_NAME, false);
        Optional<String> r = optional(errors, "author.role", role, MAX_NAME, false);
        Optional<String> o = optional(errors, "author.office", office, MAX_NAME, false);
        // A name and an office are pages, feeds and filters, by an address made of their letters a–z: the posts of one of
        // none (only Cyrillic, say) no filter or search scope could find.
        // Refused as a category of no such letter is, with the same words.
        // A post stored before keeps such a name or office through its edits (check).
        if (n != null && addressless(n, stored.map(Byline::name))) {
            errors.add(new FieldError("author.name", Tag.LETTER_OR_DIGIT));
        }
        if (o.filter(typed -> !typed.isBlank() && addressless(typed, stored.flatMap(Byline::office))).isPresent()) {
            errors.add(new FieldError("author.office", Tag.LETTER_OR_DIGIT));
        }
        return n == null ? null : new Byline(Blanks.trimmed(n), r.map(Blanks::trimmed), o.map(Blanks::trimmed));
    }

    /** A name that makes no address (no letter a–z or digit), and is not the one the post has stored already. */
    private static boolean addressless(String typed, Optional<String> stored) {
        // The stored name read as a name typed now is (stored before spaces and marks nobody sees were taken off it): the
        // form and a PATCH send it back as it was, and it must not be refused then (from a review).
        return Slugs.of(typed).isEmpty() && !stored.map(PostRules::storedLine).equals(Optional.of(Blanks.trimmed(typed)));
    }

    /** Checks names typed for tags; the result has one tag per slug, in the order first typed. */
    public static Outcome<List<Tag>> checkTags(List<String> names) {
        List<FieldError> errors = new ArrayList<>();
        List<Tag> tags = tags(errors, names);
        return errors.isEmpty() ? Outcome.done(tags) : Outcome.refused(new Refusal.Invalid(errors));
    }

    private static List<Tag> tags(List<FieldError> errors, List<String> names) {
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String raw = names.get(i);
            String problem = raw == null ? "must be a string" : textProblem(raw, false);
            if (problem == null) {
                problem = Tag.problemWith(raw);
            }
            if (problem != null) {
                errors.add(new FieldError("tags[" + i + "]", problem));
            } else {
                tags.add(Tag.named(raw));
            }
        }
        List<Tag> distinct = Tag.distinct(tags);
        if (distinct.size() > Tag.MAX_PER_POST) {
            errors.add(new FieldError("tags", "a post has at most " + Tag.MAX_PER_POST + " tags"));
        }
        return distinct;
    }

    private static Optional<Image> image(List<FieldError> errors, PostDraft d, Optional<Image> current) {
        int noted = errors.size();
        Optional<String> url = optional(errors, "image.url", d.imageUrl(), MAX_URL, false);
        boolean urlRefused = errors.size() > noted;
        Optional<String> alt = optional(errors, "image.alt", d.imageAlt(), MAX_ALT, false);
        Optional<String> caption = optional(errors, "image.caption", d.imageCaption(), MAX_CAPTION, false);
        if (url.isEmpty()) {
            // Not when an address was sent and refused for itself: that error says what is wrong with it (one of 2,049
            // characters is not also empty).
            if ((alt.isPresent() || caption.isPresent()) && !urlRefused) {
                errors.add(new FieldError("image.url", "must not be empty when the image has alt text or a caption"));
            }
            return Optional.empty();
        }
        // An uploaded picture's file, named by its path or by a full address (which a client may have made of it).
        // A host of Swedish letters, or letters in the path, as the address bar shows them: in the form every reader takes.
        String typed = WebAddresses.ascii(url.get().strip());
        String address = Image.storedPathOf(typed).orElse(typed);
        Optional<Image> own = current.filter(i -> i.storedName().isPresent() && i.url().equals(address));
        if (own.isPresent()) {
            if (alt.isEmpty()) {
                // An uploaded picture always has its alt text: it was required when it was added.
                errors.add(new FieldError("image.alt", "must not be empty"));
                return Optional.empty();
            }
            return Optional.of(own.get().withText(alt.get(), caption));
        }
        if (Image.isStoredHere(address)) {
            // Another post's file goes when that post lets its picture go, and this one would show a broken picture
            // (named by its full address too, not only its path).
            errors.add(new FieldError("image.url", ANOTHER_POSTS_PICTURE));
            return Optional.empty();
        }
        Optional<String> authorityProblem = WebAddresses.authorityProblem(address);
        if (authorityProblem.isPresent()) {
            // Checked here, not by Image: a post stored with such an address before is still read and shown.
            errors.add(new FieldError("image.url", authorityProblem.get()));
            return Optional.empty();
        }
        if (!Image.isWebAddress(address)) {
            errors.add(new FieldError("image.url", "must be an http or https address"));
            return Optional.empty();
        }
        if (address.length() > MAX_URL) {
            // Measured as stored: each letter beyond ASCII is written as six or more characters, and an address stored
            // longer than the limit would be refused when an edit sends it back.
            errors.add(new FieldError("image.url", URL_TOO_LONG_AS_STORED));
            return Optional.empty();
        }
        return Optional.of(new Image(address, alt.orElse(""), caption));
    }

    private static String required(List<FieldError> errors, String field, Optional<String> value,
                                   int max, boolean multiline) {
        if (value.isEmpty() || showsNothing(value.get())) {
            errors.add(new FieldError(field, "must not be empty"));
            return null;
        }
        return optional(errors, field, value, max, multiline).orElse(null);
    }

    /**
     * A field's text as it is stored, before its ends are trimmed: composed; a one-line field (a title, a name), which
     * readers search and link by, also without the hints of a line break it cannot have ({@link BreakHints}). For what
     * compares a form's text with a stored post's too.
     */
    public static String asStored(String text, boolean multiline) {
        return Nfc.of(multiline ? text : DirectionControls.withoutMarks(BreakHints.removed(text)));
    }

    /** A title as typed, as a post stores it: {@link #asStored} with its ends trimmed, to compare with stored titles. */
    public static String storedTitle(String typed) {
        return Blanks.trimmed(asStored(typed, false));
    }

    /**
     * A picture's alt text or caption as typed on its own page, stored as a post's fields store it: composed, without the
     * hints of a line break or the spaces around it, and empty when it shows nothing (else soft hyphens, or a caption of
     * one no-break space, which the post's fields drop, would make saving the edit form unchanged a new version). Checked
     * first ({@link #imageTextProblems}).
     */
    public static String storedLine(String typed) {
        return showsNothing(typed) ? "" : storedTitle(typed);
    }

    private static Optional<String> optional(List<FieldError> errors, String field, Optional<String> value,
                                             int max, boolean multiline) {
        if (value.isEmpty() || showsNothing(value.get())) {
            return Optional.empty();
        }
        String problem = textProblem(value.get(), multiline);
        // Composed once it is known to be whole text (no broken pairs): what is measured, stored and shown.
        String v = problem == null ? asStored(value.get(), multiline) : value.get();
        // A one-line field is stored without the spaces around it, so they are not counted (a title of 200 characters
        // pasted with a space after it is not too long), and a picture's alt text and caption are kept without them too,
        // as a title and a byline are.
        String kept = problem != null || multiline ? v : Blanks.trimmed(v);
        if (problem == null && kept.codePointCount(0, kept.length()) > max) {
            problem = "must be at most " + max + " characters";
        }
        if (problem != null) {
            errors.add(new FieldError(field, problem));
            return Optional.empty();
        }
        return Optional.of(kept);
    }

    /**
     * Control characters, broken surrogate pairs and noncharacters corrupt pages, feeds and keys alike: XML
     * allows neither U+FFFE nor U+FFFF, and one of them in a post would make its feed unreadable for every
     * subscriber. Unicode keeps every noncharacter for a program's own use, never for text.
     */
    static String textProblem(String s, boolean multiline) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    if (isNoncharacter(Character.toCodePoint(c, s.charAt(i + 1)))) {
                        return "must be valid Unicode text";
                    }
                    i++;
                    continue;
                }
                return "must be valid Unicode text";
            }
            if (isNoncharacter(c)) {
                return "must be valid Unicode text";
            }
            if (Character.isLowSurrogate(c)) {
                return "must be valid Unicode text";
            }
            boolean allowedBreak = multiline && (c == '\n' || c == '\r' || c == '\t');
            if (Character.isISOControl(c) && !allowedBreak) {
                return multiline ? "must not contain control characters" : "must be one line without control characters";
            }
            // Unicode's line and paragraph separators break a line as a newline does (a title with U+2029 would end its
            // direction isolate early). The forms make them spaces.
            if (!multiline && (c == '\u2028' || c == '\u2029')) {
                return SEPARATOR_IN_LINE;
            }
        }
        return null;
    }

    /**
     * Nothing a reader would see: spaces of every kind (a no-break space, an ideographic one), format characters
     * (zero-width ones, a byte order mark, direction marks), Hangul fillers and variation selectors: a title, a text and
     * a byline of one no-break space would make a post nobody can see or name.
     */
    static boolean showsNothing(String s) {
        return s.codePoints().allMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.CONTROL
                || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)
                // Unicode's other ignorable marks (a combining grapheme joiner, Khmer's inherent vowels, Mongolian's
                // variation selectors) and the blank Braille cell, which every font draws as nothing (found by a probe).
                || cp == 0x034F || cp == 0x17B4 || cp == 0x17B5 || (cp >= 0x180B && cp <= 0x180F) || cp == 0x2800);
    }

    /** U+FDD0–U+FDEF, and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE, …). */
    public static boolean isNoncharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    public static final String SEPARATOR_IN_LINE = "must be one line without line or paragraph separators (U+2028, U+2029)";

    public static final String URL_WITH_CREDENTIALS = "must not contain a user name or password (what stands before @ in the address): "
            + "every reader of the post would be sent them";

    /** The start of the message naming a link or picture of the body with a user name or password; its host follows. */
    public static final String LINK_WITH_CREDENTIALS = "must not link to or show an address with a user name or password (what stands "
            + "before @ in it), which every reader of the post would be sent: take them out of the address at ";

    /**
     * Names the host, which the author finds the link by, and not the address: an answer echoes no password. A host
     * left empty ("https://user@/x") is named by the address.
     */
    private static String linkWithCredentials(WebAddresses.WithoutUserInfo address) {
        return LINK_WITH_CREDENTIALS + (address.host().isEmpty() ? address.address() : address.host());
    }

    /** Followed by the picture's path. */
    public static final String NOT_THIS_POSTS_PICTURE = "must not show an uploaded picture that is not this post's own picture, since its "
            + "file goes when no post has it as its picture: upload the file as this post's picture, or take it out of the text: ";

    public static final String URL_WITH_NO_SUCH_PORT = "must be a web address whose port number, after the colon, is from 1 to 65535";

    // Named so for any stored picture this post does not show now: another post's, or one this post showed before, which
    // the name alone cannot tell apart.
    public static final String ANOTHER_POSTS_PICTURE = "must not be the file of a picture this post does not show now (one uploaded to "
            + "another post, here or on another site running Inlägg, or one this post showed before), which goes when no post shows "
            + "it: upload the file to this post";

    /** The start of the body as plain text, cut at a word, for posts written without an excerpt. */
    public static String excerptOf(String body) {
        Made last = lastMade;
        if (last != null && last.body().equals(body)) {
            return last.excerpt();
        }
        String excerpt = cut(Markdown.toWords(body));
        lastMade = new Made(body, excerpt);
        return excerpt;
    }

    /**
     * The excerpt made last, with its text. A write makes the excerpt of a text sent without one, then marks the two
     * (ExcerptOrigin), which asks for it again: reading the text as Markdown twice cost a write's first answers in a new
     * container some 0.6 ms each, before the parser is compiled. Comparing the text is a fraction of reading it.
     */
    private record Made(String body, String excerpt) {
    }

    private static volatile Made lastMade;

    /**
     * A stored excerpt as it is read: each bare address in it a page would link but for a user name or password is without
     * them, as {@link #excerptOf} shows it. An excerpt made before StoredHtml.VERSION 2 from a body with
     * "https://anna:hemligt@…" keeps the password, which every list, feed, page description and API answer would send,
     * and, no longer equal to the excerpt made from the body, would stay through every edit as if its author had written it.
     * Stored anew by the next write of the post; the search index keeps it until a reindex.
     */
    public static String excerptAsRead(String stored) {
        // Most excerpts have no "@": nothing is looked at or loaded for them.
        return stored.indexOf('@') < 0 ? stored : SafeUrls.bareAddressesWithoutUserInfo(stored);
    }

    /**
     * Whether a post's excerpt (as {@link #excerptAsRead} reads it) is the one made from its body, not its author's: an edit
     * that sends no excerpt makes it anew, and the form shows it empty. One made before StoredHtml.VERSION 2 from a body with a
     * bare address's password counts: cut where the password's characters took room, it is not the one this code makes
     * from a long body. Its answer is stored with the text ({@link ExcerptOrigin}): a change that answers otherwise for
     * some pair raises {@link ExcerptOrigin#RULES}, or the edit form goes on taking the answers stored before.
     */
    public static boolean derivedExcerpt(String excerpt, String body) {
        // Read made fit, as the words are: one made before StoredHtml.VERSION 3, when a reference to a control ("&#150;",
        // "&#x1;") stayed that control, is then one made from the body (taken for its author's, it would stay through every
        // edit of the body, the form offering it, "�" and all, to keep, and every change through the API would be refused
        // for it, naming a field its client never sent). One its author typed with a noncharacter, which older rules took,
        // made fit, is still no words of the body: theirs.
        String seen = StoredHtml.fit(excerpt);
        String made = excerptOf(body);
        return seen.equals(made) || body.indexOf('@') >= 0 && (seen.equals(excerptAsRead(made))
                || seen.equals(excerptAsRead(cut(Markdown.wordsBeforeVersion2(body)))))
                || madeBefore(seen, body);
    }

    /**
     * Whether the excerpt is the one older rules made from this body: cut at a code point, each block's direction
     * left open (a body may write a control as a reference, "&#x202E;", so any body is read again; only for an excerpt
     * that is not the one this code makes), and read without an address's user name when the body has one.
     */
    private static boolean madeBefore(String excerpt, String body) {
        String before = cut(Markdown.wordsLeftOpen(body), false);
        return excerpt.equals(before) || body.indexOf('@') >= 0 && excerpt.equals(excerptAsRead(before));
    }

    /** The words cut at a word, with "…", when longer than an excerpt made from them may be. */
    private static String cut(String text) {
        return cut(text, true);
    }

    /** The same, cut between whole characters where no space is near when {@code whole}; else at a code point, as older rules cut. */
    private static String cut(String text, boolean whole) {
        if (text.codePointCount(0, text.length()) <= DERIVED_EXCERPT) {
            return text;
        }
        int end = text.offsetByCodePoints(0, DERIVED_EXCERPT);
        int space = text.lastIndexOf(' ', end);
        return text.substring(0, space > DERIVED_EXCERPT / 2 ? space : whole ? characterEnd(text, end) : end).strip() + "…";
    }

    /** How far past a cut the iterator reads: enough for any character a reader knows. */
    private static final int LONGEST_CHARACTER = 64;

    /**
     * Where a cut at {@code end} ends whole characters as a reader sees them: not inside an emoji of several code points
     * (a skin tone, a family joined by ZWJ, a flag) nor between a letter and its accent (a run of 👩🏾‍💻 without a space
     * must not end in 👩, another emoji). Only a cut without a space near it gets here. The iterator reads from the start,
     * as a run of flags pairs its letters from its start (a stretch around the cut could begin inside a flag), but not
     * the rest of the text (some milliseconds at a long body's end); a "character" as long as the
     * whole cut (a letter under hundreds of accents) is cut where it was.
     */
    private static int characterEnd(String text, int end) {
        BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
        characters.setText(text.substring(0, Math.min(text.length(), end + LONGEST_CHARACTER)));
        int at = characters.isBoundary(end) ? end : characters.preceding(end);
        return at > 0 ? at : end;
    }
}
