package se.inlagg.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.inlagg.posts.Byline;
import se.inlagg.posts.FieldError;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostDraft;
import se.inlagg.posts.PostRules;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.Refusal;
import se.inlagg.posts.SiteTime;
import se.inlagg.posts.Slugs;
import se.inlagg.posts.Status;
import se.inlagg.posts.SwedishDates;
import se.inlagg.posts.Tag;

/**
 * The authoring form's fields, their labels, and how the rules' messages find their field. It
 * works without JavaScript; after an error it is shown again with every value as typed and each
 * message beside its field, so an author never loses a long text. Writing and editing share it.
 */
final class WriteForm {

    /** A field of the form: its name, its label, its height (1 is a line) and whether it must be filled. */
    record Spec(String name, String label, int rows, boolean required, Optional<String> hint) {
    }

    static final List<Spec> FIELDS = List.of(
            new Spec("title", "Rubrik", 1, true, Optional.empty()),
            new Spec("body", "Text", 16, true, Optional.of(
                    "Markdown: tom rad mellan stycken, två mellanslag sist på en rad för en radbrytning, - punkt för listor, **fet**, [länktext](https://…), | Dag | Tid | med |---|---| under för en tabell; en webb- eller e-postadress blir en länk av sig själv.")),
            new Spec("authorName", "Namn", 1, true, Optional.empty()),
            new Spec("authorRole", "Roll", 1, false, Optional.empty()),
            new Spec("authorOffice", "Kontor", 1, false, Optional.empty()),
            // Short labels, the how in the hint (else the error summary and the conflict's list repeat the label's
            // parenthesis, "Kategorier (skilj med komma): …").
            new Spec("tags", "Kategorier", 1, false, Optional.of("Skilj dem åt med komma, till exempel: Frivård, Samverkan.")),
            new Spec("publishedAt", "Publiceringsdatum", 1, false, Optional.of(
                    "Till exempel 2019-01-30, 2026-12-24 15:00 eller 24 december 2026 kl. 15.00 (svensk tid). Lämnar du fältet"
                    + " tomt blir det tiden då du sparar; ett publicerat inlägg behåller sitt datum.")),
            new Spec("imageUrl", "Bildens adress", 1, false, Optional.of(
                    "En bild på webben (https://…), eller ladda upp en egen med knappen som slutar med ”välj bild…” nedan.")),
            new Spec("imageAlt", "Bildens alt-text", 1, false, Optional.of("Beskriv bilden för den som inte ser den.")),
            new Spec("imageCaption", "Bildtext", 1, false, Optional.empty()),
            new Spec("excerpt", "Ingress", 3, false, Optional.of("Lämnar du den tom visas början av texten.")));

    private static final Pattern TAG_AT = Pattern.compile("tags\\[(\\d{1,2})\\]");

    /** The fields that are text areas, where pasted text keeps its lines ({@link FormData#pasted}). */
    static final Set<String> TEXT_AREAS = Set.of("body", "excerpt");
    /**
     * The fields an earlier version gives back to the form (EditPageHandler): what its author wrote, not its date or
     * picture, which stay the post's own.
     */
    static final List<String> WORDS = List.of("title", "excerpt", "body", "tags", "authorName", "authorRole", "authorOffice");
    /** Of those, the ones written in Markdown: the excerpt is plain text. */
    static final Set<String> MARKDOWN = Set.of("body");

    /** The button that saves first and then goes on to upload a picture, which cannot share this form. */
    static final FormView.Button CHOOSE_IMAGE = new FormView.Button("image", "Spara och välj bild…", true);
    /** The picture's address, on a form that offers no upload. */
    static final String IMAGE_URL_ONLY = "En bild på webben (https://…).";

    private WriteForm() {
    }

    /** The form field an error of the post's rules belongs to ("author.name" is "authorName"). */
    static String fieldOf(FieldError e) {
        String f = e.field();
        if (f.startsWith("tags")) {
            return "tags";
        }
        return switch (f) {
            case "author.name" -> "authorName";
            case "author.role" -> "authorRole";
            case "author.office" -> "authorOffice";
            case "image.url" -> "imageUrl";
            case "image.alt" -> "imageAlt";
            case "image.caption" -> "imageCaption";
            default -> FIELDS.stream().anyMatch(s -> s.name().equals(f)) ? f : "title";
        };
    }

    /**
     * What the form refuses of a picture's words before the rules see the post, with whatever else the rules find wrong,
     * so the form says it all at once. A picture given by its address needs its alt text on the pages, as an uploaded one
     * always has (else the form is a way round the upload's rule); the API still
     * takes a picture with none, which marks it decorative. Words typed for a picture about to be uploaded
     * ({@link #wordsForUpload}) must fit it, and the addresses they go along in: the form says so rather than save the post
     * and leave them behind.
     */
    static List<FieldError> pictureWordsRefused(FormData form, PostDraft draft, SiteTime time,
                                                Optional<PostSummary> current) {
        List<FieldError> own = wordsForUpload(form) ? PictureWords.forUpload(form).refusal()
                : !form.value("imageUrl").isBlank() && form.value("imageAlt").isBlank() ? List.of(new FieldError("image.alt", "must not be empty"))
                : List.of();
        if (own.isEmpty()) {
            return List.of();
        }
        List<FieldError> errors = new ArrayList<>();
        if (PostRules.check(draft, time, current) instanceof Outcome.Refused<?> r && r.refusal() instanceof Refusal.Invalid i) {
            errors.addAll(i.errors());
        }
        own.stream().filter(e -> !errors.contains(e)).forEach(errors::add);
        return errors;
    }

    /**
     * "Spara och välj bild…" with no picture's address but an alt text or caption typed: the words of the picture about
     * to be uploaded. They go with the author to the upload, and fill in the description page after it; the post is saved
     * without them, as a post's words need a picture (rather than refused for want of the address of a picture about to
     * be uploaded).
     */
    static boolean wordsForUpload(FormData form) {
        return form.value("action").equals(CHOOSE_IMAGE.value()) && form.value("imageUrl").isBlank()
                && !(form.value("imageAlt").isBlank() && form.value("imageCaption").isBlank());
    }

    /**
     * A rule's refusal as an error under the field it is about, or none when it is about no field of
     * the form (a form sent again with other content names the Idempotency-Key): the notice above the
     * form says it in Swedish, and the English of the API belongs under no field.
     */
    static List<FieldError> fieldErrorsOf(Refusal.Unprocessable refusal) {
        String f = refusal.field();
        boolean onTheForm = f.startsWith("tags") || f.startsWith("author.") || f.startsWith("image.")
                || FIELDS.stream().anyMatch(s -> s.name().equals(f));
        return onTheForm ? List.of(new FieldError(f, refusal.message())) : List.of();
    }

    /**
     * The new-post form. Enter in a field sends the form with its first button (HTML's default button), so
     * the first saves a draft: a title typed and Enter pressed never publishes a half-written post. Publishing
     * comes last, as the step that ends the writing.
     */
    static FormView view(Map<String, String> values, List<FieldError> errors, Optional<String> notice, String csrf, String formId) {
        return view("Skriv ett inlägg", "/write", values, errors, notice, csrf, formId, List.of(
                new FormView.Button("draft", "Spara som utkast", true),
                new FormView.Button("preview", "Spara som utkast och förhandsgranska", true),
                new FormView.Button("image", "Spara som utkast och välj bild…", true),
                new FormView.Button("publish", "Publicera", false)));
    }

    /**
     * The edit form of a post; with a conflict, saving is saving over the stored version. Its first button
     * (Enter's) keeps the post's status. The others offer what changes it: publishing a draft, or taking a
     * published or scheduled post back to a draft, said as such. Where the status is not known (the form
     * given back to an author signed out meanwhile, nothing read), both are offered.
     */
    static FormView edit(String slug, Map<String, String> values, List<FieldError> errors, Optional<String> notice, String csrf,
                         String formId, boolean conflict, Optional<Status> stored) {
        List<FormView.Button> buttons = new ArrayList<>();
        if (conflict) {
            buttons.add(new FormView.Button("save", "Spara min version ändå", false));
            if (stored.filter(s -> s == Status.DRAFT).isPresent()) {
                // A draft's: "Publicera" sent from a new post's form that made it comes here too, and the author who chose their
                // version may still mean to publish it ("save" alone would keep it a draft).
                buttons.add(new FormView.Button("publish", "Spara min version ändå och publicera", true));
            }
        } else {
            buttons.add(new FormView.Button("save", "Spara", false));
            buttons.add(new FormView.Button("preview", "Spara och förhandsgranska", true));
            if (stored.filter(s -> s != Status.DRAFT).isEmpty()) {
                buttons.add(new FormView.Button("publish", "Spara och publicera", true));
            }
            if (stored.filter(s -> s == Status.DRAFT).isEmpty()) {
                buttons.add(new FormView.Button("draft", "Spara och gör till utkast", true));
            }
            buttons.add(CHOOSE_IMAGE);
        }
        return view("Redigera inlägget", Views.postPath(slug) + "/edit", values, errors, notice, csrf, formId, buttons);
    }

    private static FormView view(String heading, String action, Map<String, String> values, List<FieldError> errors,
                                 Optional<String> notice, String csrf, String formId, List<FormView.Button> buttons) {
        Map<String, String> messages = new LinkedHashMap<>();
        List<String> typedTags = WriteHandler.tagsTyped(values.getOrDefault("tags", ""));
        for (FieldError e : errors) {
            String message = Swedish.message(e.field(), e.message());
            // The rules name a tag by its place ("tags[2]"); the form names it as it was typed.
            Matcher tag = TAG_AT.matcher(e.field());
            if (tag.matches() && Integer.parseInt(tag.group(1)) < typedTags.size()) {
                message = "”" + typedTags.get(Integer.parseInt(tag.group(1))).strip() + "” " + message;
            }
            messages.merge(fieldOf(e), message, (a, b) -> a + "; " + b);
        }
        List<FormView.Field> fields = new ArrayList<>();
        List<Link> summary = new ArrayList<>();
        for (Spec spec : FIELDS) {
            Optional<String> message = Optional.ofNullable(messages.get(spec.name()));
            message.ifPresent(m -> summary.add(new Link(spec.label() + ": " + m, "#" + spec.name())));
            // A form without the picture's button (a conflict's) does not point at it.
            Optional<String> hint = spec.name().equals("imageUrl") && buttons.stream().noneMatch(b -> b.value().equals(CHOOSE_IMAGE.value()))
                    ? Optional.of(IMAGE_URL_ONLY) : spec.hint();
            fields.add(new FormView.Field(spec.name(), spec.label(), values.getOrDefault(spec.name(), ""), spec.rows(),
                    spec.required(), hint, message));
        }
        return new FormView(heading, action, fields, notice, "Inlägget sparades inte. Rätta det som är markerat:",
                summary, csrf, formId, buttons);
    }

    /** The fields as typed into a form that was sent. */
    static Map<String, String> typed(FormData form) {
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach(spec -> values.put(spec.name(), form.value(spec.name())));
        return values;
    }

    /** A new post's byline, from the author's profile. */
    static Map<String, String> byline(Byline profile) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("authorName", profile.name());
        values.put("authorRole", profile.role().orElse(""));
        values.put("authorOffice", profile.office().orElse(""));
        return values;
    }

    /**
     * The post as stored, in the form's fields: the body as its Markdown source, times in the site's
     * zone to the minute. An excerpt made from the text shows empty, so a new text makes a new one.
     */
    static Map<String, String> of(Post post, ZoneId zone) {
        PostSummary s = post.summary();
        Map<String, String> values = new LinkedHashMap<>(byline(s.author()));
        values.put("title", s.title());
        values.put("body", post.body());
        values.put("tags", String.join(", ", s.tags().stream().map(Tag::name).toList()));
        values.put("publishedAt", shownTime(s, zone));
        values.put("imageUrl", s.image().map(i -> i.url()).orElse(""));
        values.put("imageAlt", s.image().map(i -> i.alt()).orElse(""));
        values.put("imageCaption", s.image().flatMap(i -> i.caption()).orElse(""));
        values.put("excerpt", post.excerptFromBody() ? "" : s.excerpt());
        return values;
    }

    /**
     * Where the stored post and the author's form differ, beyond the title and text a conflict shows in full: one
     * line a field, its label with both values, so a picture or a category added in another tab does not go, unsaid,
     * with "Spara min version ändå".
     */
    static List<String> differences(Map<String, String> stored, Map<String, String> typed,
                                    Function<String, Optional<Instant>> time, boolean emptyDateKeepsIt) {
        List<String> lines = new ArrayList<>();
        boolean pictureRemoved = typed.getOrDefault("imageUrl", "").isBlank();
        for (Spec spec : FIELDS) {
            String name = spec.name();
            String was = stored.getOrDefault(name, "").strip();
            String is = typed.getOrDefault(name, "").strip();
            // Only what saving would change: a date left empty keeps a published post's (not a draft's own date or a
            // scheduled post's time, which it takes away, so a date set in another tab is not lost unsaid), the same time
            // written otherwise is the same, categories count by their slugs, and a picture
            // taken away takes its words.
            boolean same = switch (name) {
                case "title", "body" -> true;
                case "publishedAt" -> is.isEmpty() ? was.isEmpty() || emptyDateKeepsIt : time.apply(is).equals(time.apply(was));
                case "tags" -> slugs(was).equals(slugs(is));
                case "imageAlt", "imageCaption" -> pictureRemoved || was.equals(is);
                default -> was.equals(is);
            };
            if (!same) {
                lines.add(spec.label() + ": sparat " + quoted(was) + ", i ditt formulär " + quoted(is));
            }
        }
        return lines;
    }

    private static Set<String> slugs(String tags) {
        Set<String> slugs = new HashSet<>();
        WriteHandler.tagsTyped(tags).forEach(t -> {
            if (!t.isBlank()) {
                slugs.add(Slugs.of(Tag.normalizeName(t)));
            }
        });
        return slugs;
    }

    private static String quoted(String value) {
        if (value.isEmpty()) {
            return "inget";
        }
        return "”" + (value.codePointCount(0, value.length()) > 80 ? value.substring(0, value.offsetByCodePoints(0, 80)) + "…" : value) + "”";
    }

    /**
     * The date the form shows for a stored post: its own date, a draft's too when it has one (its author's, or
     * its publication's before it was taken back): hidden, it would be used all the same by "Spara och publicera"
     * with the field as shown, empty ("Tomt betyder nu"). A draft nobody dated
     * has only the time it was started: it shows empty, and publishing publishes it now.
     */
    static String shownTime(PostSummary s, ZoneId zone) {
        return s.status() == Status.DRAFT && !s.dated() ? "" : fieldTime(s.publishedAt(), zone);
    }

    /**
     * "2026-12-24 15:00", and in the hour the clock shows twice as summer time ends, which of the two: "2026-10-25 02:30
     * (vintertid)", which reads back as that time. Without it the form would show both alike, and the second, typed again,
     * would be read as the first, an hour earlier.
     */
    static String fieldTime(Instant instant, ZoneId zone) {
        return siteTime(instant, zone) + SwedishDates.seasonAfter(instant, zone);
    }

    /**
     * "2026-12-24 15:00": the site's local time to the minute, as a form takes it back (the T a machine writes is read too),
     * and as the browser's date-and-time field holds it, which has no room for {@link #fieldTime}'s season.
     */
    static String siteTime(Instant instant, ZoneId zone) {
        return LocalDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' ');
    }
}
