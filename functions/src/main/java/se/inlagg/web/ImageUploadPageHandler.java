package se.inlagg.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.inlagg.auth.Tokens;
import se.inlagg.http.Caching;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.http.Problem;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;
import se.inlagg.images.ImageService;
import se.inlagg.images.UploadForm;
import se.inlagg.posts.FieldError;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.Refusal;
import se.inlagg.posts.Seen;
import se.inlagg.posts.SwedishDates;
import se.inlagg.web.templates.JteerrorGenerated;
import se.inlagg.web.templates.JteimageGenerated;
import se.inlagg.web.templates.JteimagetextGenerated;

/**
 * Adding a picture to a post, in three steps that need no JavaScript. GET /posts/{slug}/image shows
 * a form that posts the file straight to the bucket (never through a function, whose payload could
 * not hold 10 MB); the bucket sends the browser back to GET /posts/{slug}/image/uploaded, where the
 * file is read: a file that is no picture is deleted and the form shown again with why; a picture
 * is shown with fields for its alt text and caption, which POST /posts/{slug}/image saves on the
 * post at the version the author started from.
 */
public final class ImageUploadPageHandler extends PostAuthorPage {

    public ImageUploadPageHandler() {
        super("GET", "image");
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Optional<Viewer> viewer = viewer(request);
        String slug = slug(request);
        if (request.method().equals("GET")) {
            if (viewer.isEmpty()) {
                return toSignIn(request);
            }
            ImageService images = images();
            Post post = ownPost(slug, viewer.get());
            PictureWords words = PictureWords.of(request);
            return request.path().endsWith("/uploaded") ? uploaded(request, viewer.get(), post, images, words)
                    : uploadPage(request, 200, viewer.get(), post, images, Optional.empty(), words);
        }
        FormData form = FormData.of(request).pasted(Set.of(), Set.of());
        Optional<String> refused = FormGuard.refusal(request, viewer, form, app().settings());
        if (refused.isPresent() && viewer.isEmpty()) {
            return signedOut(request, slug, form);
        }
        ImageService images = images();
        if (refused.isPresent()) {
            return again(request, 403, viewer.get(), ownPost(slug, viewer.get()), images, form, List.of(), refused, FormGuard.version(form));
        }
        return save(request, viewer.get(), slug, images, form);
    }

    /**
     * Where the post's form sends the author to upload its picture: the upload page, carrying any words typed for the
     * picture about to be uploaded (WriteForm#wordsForUpload), which the form has checked fit ({@link PictureWords#refusal}).
     */
    static String pageFor(String slug, FormData form) {
        String words = WriteForm.wordsForUpload(form) ? PictureWords.forUpload(form).carried().parameters() : "";
        return Views.postPath(slug) + "/image" + (words.isEmpty() ? "" : "?" + words);
    }

    /**
     * Signed out when saving a picture's words: the upload is still there, and only its owner may be shown it. The page
     * says they are signed out (not "Det här får du inte göra", nor to choose the picture again), gives
     * back what was typed, and signs in back to the description page, the words filled in. Nothing is read or written.
     */
    private HttpResponse signedOut(HttpRequest request, String slug, FormData form) {
        PictureWords words = PictureWords.of(form);
        String typed = typedWords(words);
        String page = describingPage(slug, form);
        // The words in the address too when it stays short enough to be one of ours (LocalPath). Else they are only above, to
        // copy: the page says so, and its sign-in links open a new tab, which leaves this page holding them (it must not
        // promise the words filled in when the link dropped them, nor lead away from the only place they are).
        Optional<String> withWords = words.isEmpty() ? Optional.empty() : LocalPath.of(page + "&" + words.parameters());
        boolean dropped = !words.isEmpty() && withWords.isEmpty();
        String signIn = withWords.or(() -> LocalPath.of(page)).map(PageFunction::signInThen).orElse("/signin");
        ErrorView view = new ErrorView(403, "Du är inte inloggad", "Inloggningen har gått ut (eller du har loggat ut), så bilden är inte sparad"
                + " på inlägget än." + typed + " Bilden du laddade upp finns kvar: " + (words.isEmpty() ? "logga in, så kommer du tillbaka till den."
                : dropped ? "kopiera det du skrev, logga in i en ny flik (den här sidan finns kvar) och klistra in det på bildens sida där."
                : "logga in, så kommer du tillbaka till den med texten ifylld."),
                Optional.empty(), Optional.of(new Link("Logga in och spara bilden", signIn)));
        Frame frame = textKept(Frame.unlisted(view.heading(), Optional.empty()).failedIf(true), dropped);
        return page(request, 403, frame, Templates.render(out -> JteerrorGenerated.render(out, null, frame, view)))
                .withHeader("cache-control", Caching.NO_STORE);
    }

    /** " Det du skrev: alt-text ”…”, bildtext ”…”." for words typed, to copy; empty for none. */
    private static String typedWords(PictureWords words) {
        String alt = words.alt().strip();
        String caption = words.caption().strip();
        return alt.isEmpty() && caption.isEmpty() ? ""
                : " Det du skrev: " + (caption.isEmpty() ? "alt-text " + Views.quotedAtEnd(alt) : "alt-text ”" + alt + "”, bildtext " + Views.quotedAtEnd(caption));
    }

    /** The page that describes the upload this form sent, at the version the author started from. */
    private static String describingPage(String slug, FormData form) {
        return Views.postPath(slug) + "/image/uploaded?version=" + FormGuard.version(form) + "&key="
                + URLEncoder.encode(form.value("key"), StandardCharsets.UTF_8);
    }

    /**
     * A picture's words AWS failed to save: said back, to copy, with a way to the picture's page with them filled in,
     * without asking AWS again (the page needs the post and the upload; from a review). Whether the first sending landed
     * is unknown, so the author is told to look at the post first.
     */
    @Override
    protected Optional<HttpResponse> formAgain(HttpRequest request, Problem problem) {
        Optional<Sent> sent = sent(request, Set.of(), Set.of());
        if (sent.isEmpty()) {
            return Optional.empty();
        }
        String slug = slug(request);
        FormData form = sent.get().form();
        PictureWords words = PictureWords.of(form);
        String page = describingPage(slug, form);
        Optional<String> withWords = words.isEmpty() ? Optional.empty() : LocalPath.of(page + "&" + words.parameters());
        boolean unknown = problem.code().equals(Problems.OUTCOME_UNKNOWN) && sent.get().viewer().isPresent();
        ErrorView view = new ErrorView(problem.status(), unknown ? "Det är oklart om bilden sparades" : "Bilden sparades inte",
                (unknown ? "Vi fick inte svar i tid, så det är oklart om bilden sparades på inlägget: se efter där först."
                        : "Svaret dröjde för länge, så bilden är inte sparad på inlägget.") + typedWords(words)
                        + (withWords.isPresent() ? " Bildens sida, med texten ifylld, finns kvar en stund." : " Kopiera det du skrev."),
                Optional.empty(), Optional.of(new Link("Till bildens sida", withWords.or(() -> LocalPath.of(page)).orElse(Views.postPath(slug)))));
        Frame frame = textKept(Frame.unlisted(view.heading(), sent.get().viewer()).failedIf(true), withWords.isEmpty());
        return Optional.of(givenBack(page(request, problem.status(), frame, Templates.render(out -> JteerrorGenerated.render(out, null, frame, view)))
                .withHeader("cache-control", Caching.NO_STORE), problem));
    }

    /** The pictures service; 503 where no bucket is configured (a picture elsewhere can still be linked by its address). */
    private ImageService images() {
        return app().images().orElseThrow(() -> new ProblemException(Problems.imagesUnavailable()));
    }

    /** Where the bucket sent the browser: the file is read, and what it is decides the next page. */
    private HttpResponse uploaded(HttpRequest request, Viewer viewer, Post post, ImageService images, PictureWords words) {
        String key = request.query("key").orElse("");
        long version = request.query("version").filter(v -> v.matches("\\d{1,18}")).map(Long::parseLong).orElse(post.version());
        return switch (images.inspect(viewer.authorId(), key)) {
            case Outcome.Refused<ImageService.Uploaded> r -> uploadPage(request, status(r.refusal()), viewer, post, images,
                    Optional.of(Problems.of(r.refusal()).swedish()), words);
            case Outcome.Done<ImageService.Uploaded> d -> textPage(request, 200, viewer, post, images, d.value(), version,
                    words.fields(), List.of(), Optional.empty(), Optional.empty());
        };
    }

    private HttpResponse save(HttpRequest request, Viewer viewer, String slug, ImageService images, FormData form) {
        String key = form.value("key");
        long version = FormGuard.version(form);
        return switch (images.attach(viewer.authorId(), slug, key, form.value("alt"), form.value("caption"), Seen.atVersion(version))) {
            case Outcome.Done<Post> d -> HttpResponse.seeOther(Notice.after(Views.postPath(d.value().slug()) + "/edit", Notice.Done.IMAGE,
                    Optional.of(d.value().slug())));
            case Outcome.Refused<Post> r -> switch (r.refusal()) {
                case Refusal.Invalid i -> again(request, 400, viewer, ownPost(slug, viewer), images, form, i.errors(), Optional.empty(), version);
                case Refusal.Stale s -> {
                    // The picture is still there: shown again with the post's new version, one click saves it on that.
                    Post now = ownPost(slug, viewer);
                    yield again(request, 409, viewer, now, images, form, List.of(), Optional.of(
                            "Inlägget har ändrats sedan du började, så bilden sparades inte än. Kontrollera inlägget och spara sedan bilden igen."),
                            now.version());
                }
                case Refusal.TryLater t -> again(request, Problems.of(t).status(), viewer, ownPost(slug, viewer), images, form, List.of(),
                        Optional.of(Problems.of(t).swedish()), version)
                        .withRetryAfter(t.retryAfter());
                case Refusal.NotFound n when n.what() == Refusal.Missing.UPLOAD -> uploadPage(request, 404, viewer, ownPost(slug, viewer),
                        images, Optional.of(Problems.of(n).swedish()), PictureWords.of(form));
                case Refusal.Unprocessable u -> uploadPage(request, 422, viewer, ownPost(slug, viewer), images, Optional.of(u.rule().swedish()),
                        PictureWords.of(form));
                case Refusal.NotFound n -> throw new ProblemException(Problems.of(n));
                case Refusal.Forbidden f -> throw new ProblemException(Problems.of(f));
            };
        };
    }

    /** "https://bucket.s3.eu-north-1.amazonaws.com" of the form's address: what a CSP source names. */
    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static int status(Refusal refusal) {
        return Problems.of(refusal).status();
    }


    /** The upload form, signed now for this author; the bucket sends the browser back with the file's key and the words typed. */
    private HttpResponse uploadPage(HttpRequest request, int status, Viewer viewer, Post post, ImageService images, Optional<String> problem,
                                    PictureWords typed) {
        // Words from the description form, given back after a refusal, are checked here as the post form's are there.
        PictureWords words = typed.carried();
        String back = SiteUrls.origin(app().settings(), request) + Views.postPath(post.slug()) + "/image/uploaded?version=" + post.version()
                + (words.isEmpty() ? "" : "&" + words.parameters());
        var time = app().posts().time();
        // One moment for the page: the form is signed for it, and the picture shown is the post's at it.
        Instant now = time.now();
        UploadForm upload = images.uploadForm(viewer.authorId(), Optional.of(back), now);
        // The time of day an upload form is good until, as the pages write a time: "15.32", "9.05", "2.10 (vintertid)".
        String validUntil = SwedishDates.timeOfDay(upload.expiresAt(), time.zone());
        // Back to the edit form without a picture, the words typed for it go along too, as the page says they will.
        String toEditForm = Views.postPath(post.slug()) + "/edit" + (words.isEmpty() ? "" : "?" + words.parameters());
        UploadView view = new UploadView(post.summary().title(), upload, validUntil, problem,
                Views.post(post, time.zone(), now).figure(), words.kept(), toEditForm);
        // Given back after a refused save, it holds the words typed for the picture (words.kept()).
        Frame frame = textKept(Frame.unlisted("Välj en bild: " + post.summary().title(), Optional.of(viewer)).failedIf(status >= 400), status != 200 && !words.isEmpty());
        // This one form posts to the bucket: the page's policy must let it, and nothing else new.
        return page(request, status, frame, Templates.render(out -> JteimageGenerated.render(out, null, frame, view)))
                .withHeader("cache-control", Caching.NO_STORE)
                .withHeader("content-security-policy", AUTHORS_POLICY.replace("form-action 'self'",
                        "form-action 'self' " + origin(upload.url())));
    }

    /** The form for an upload that came back as typed, after a refusal, with the upload read again to show it. */
    private HttpResponse again(HttpRequest request, int status, Viewer viewer, Post post, ImageService images, FormData form,
                               List<FieldError> errors, Optional<String> notice, long version) {
        String key = form.value("key");
        return switch (images.inspect(viewer.authorId(), key)) {
            case Outcome.Refused<ImageService.Uploaded> r -> uploadPage(request, status(r.refusal()), viewer, post, images,
                    Optional.of(Problems.of(r.refusal()).swedish()), PictureWords.of(form));
            case Outcome.Done<ImageService.Uploaded> d -> {
                Map<String, String> typed = PictureWords.of(form).fields();
                Optional<String> conflict = status == 409 ? notice : Optional.empty();
                yield textPage(request, status, viewer, post, images, d.value(), version, typed, errors,
                        status == 409 ? Optional.empty() : notice, conflict);
            }
        };
    }

    private HttpResponse textPage(HttpRequest request, int status, Viewer viewer, Post post, ImageService images,
                                  ImageService.Uploaded upload, long version, Map<String, String> values, List<FieldError> errors,
                                  Optional<String> notice, Optional<String> conflict) {
        List<FormView.Field> fields = new ArrayList<>();
        List<Link> summary = new ArrayList<>();
        for (String[] f : new String[][] {{"alt", "Alt-text", "image.alt", "Beskriv bilden för den som inte ser den: vad visar den?"},
                {"caption", "Bildtext", "image.caption", "Visas under bilden, till exempel vem som tog den."}}) {
            Optional<String> message = errors.stream().filter(e -> e.field().equals(f[2])).map(e -> Swedish.message(e.field(), e.message())).findFirst();
            message.ifPresent(m -> summary.add(new Link(f[1] + ": " + m, "#" + f[0])));
            fields.add(new FormView.Field(f[0], f[1], values.getOrDefault(f[0], ""), 1, f[0].equals("alt"), Optional.of(f[3]), message));
        }
        String href = Views.postPath(post.slug());
        // What the rest of the post says against the new picture (its text showing the picture it replaces) is fixed on the
        // edit form, which the summary links to: this page has no field for it.
        errors.stream().filter(e -> e.field().equals("body")).forEach(e -> summary.add(new Link("Text: " + Swedish.message(e.field(),
                e.message()), href + "/edit")));
        FormView form = new FormView("Beskriv bilden", href + "/image", fields, notice, "Bilden sparades inte. Rätta det som är markerat:",
                summary, viewer.csrf(), Tokens.newToken(), List.of(new FormView.Button("save", "Spara bilden på inlägget", false)));
        // Five digits and more grouped, as Swedish writes them ("12 288 kB").
        String description = Swedish.grouped(upload.type().label() + ", " + upload.size().width() + " × " + upload.size().height()
                + " pixlar, " + Math.max(1, (upload.bytes() + 512) / 1024) + " kB");
        String preview = images.readUrl(viewer.authorId(), upload.key()).map(Object::toString).orElse("");
        ImageTextView view = new ImageTextView(post.summary().title(), href, preview, upload.size().width(), upload.size().height(),
                description, upload.key(), version, form, post.summary().image().isPresent(), conflict);
        Frame frame = textKept(Frame.unlisted("Beskriv bilden: " + post.summary().title(), Optional.of(viewer)).failedIf(status >= 400), status != 200);
        return page(request, status, frame, Templates.render(out -> JteimagetextGenerated.render(out, null, frame, view)))
                .withHeader("cache-control", Caching.NO_STORE);
    }

    /** A save's making of its picture for readers, which no priming request reaches (none has an upload to save). */
    @Override
    protected void primeMadeUp() {
        ImageService.primeMaking();
    }
}
