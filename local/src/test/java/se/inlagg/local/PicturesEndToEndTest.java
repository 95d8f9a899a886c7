package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.inlagg.app.Wiring;
import se.inlagg.images.BucketSettings;
import se.inlagg.images.ImageType;
import se.inlagg.images.S3ImageBucket;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.SwedishDates;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A picture from the author's disk to the readers' page, through the bucket (the stand-in for the
 * embedded S3 by default, LocalStack's S3 with -Dinlagg.backend=localstack), and every way it can
 * go wrong: a file that is no picture or lies about its type, one too big or empty, no alt text, a
 * forged or stale form, a double click, another author. Each is said in Swedish on the same form
 * with what was typed, changes nothing, and leaves no file behind.
 */
class PicturesEndToEndTest extends AuthorPagesTest {

    static PictureUploads uploads;

    @BeforeAll
    static void uploads() {
        uploads = new PictureUploads(env);
    }

    static String write(String title) {
        Map<String, String> form = new LinkedHashMap<>(AuthorBrowser.fields(asa.get("/write").body()));
        form.put("title", title);
        form.put("body", "Text om " + title + ".");
        form.put("action", "publish");
        var written = asa.post("/write", form);
        assertEquals(303, written.status(), written.body());
        return written.header("location").substring("/posts/".length()).replaceFirst("\\?.*", "");
    }

    /** A new post's form with words typed for its picture and "Spara som utkast och välj bild…" pressed, not sent yet. */
    static Map<String, String> wordsBeforeThePicture(String title, String alt, String caption) {
        return with(AuthorBrowser.fields(asa.get("/write").body()), "title", title, "body", "Text om " + title + ".",
                "imageAlt", alt, "imageCaption", caption, "action", "image");
    }

    static Http.Reply save(String slug, Map<String, String> altPage, String alt, String caption) {
        Map<String, String> form = new LinkedHashMap<>(altPage);
        form.put("alt", alt);
        form.put("caption", caption);
        return asa.post("/posts/" + slug + "/image", form);
    }

    static String pictureOf(String slug) {
        Matcher img = Pattern.compile("<figure>\\n<img src=\"(/images/[a-z2-7]{26}\\.[a-z]+)\"").matcher(http.get("/posts/" + slug).body());
        assertTrue(img.find(), "no picture of the site's own on the post");
        return img.group(1);
    }

    /**
     * An upload form puts to its key for an hour, so other bytes could take the key between a save's check of the upload
     * and its copy, and be served as the type the check found. The bucket reads on and copies only the version that was
     * read first: in the embedded S3 as in S3 (and LocalStack), by If-Match and x-amz-copy-source-if-match.
     */
    @Test
    void theBucketReadsOnAndCopiesOnlyTheVersionOfAnUploadThatWasChecked() {
        LocalBucket local = env.server.bucket();
        var bucket = new RecordingS3().bucket(local);
        String key = "uploads/version-" + UUID.randomUUID() + "/fil";
        String copy = "images/version-" + UUID.randomUUID() + ".png";
        byte[] png = TestPictures.png(64, 32);
        try (var s3 = local.client()) {
            s3.putObject(r -> r.bucket(local.name()).key(key), RequestBody.fromBytes(png));
            var first = bucket.read(key, Optional.empty(), 0, 16).orElseThrow();
            assertArrayEquals(Arrays.copyOf(png, 16), first.bytes());
            assertTrue(bucket.read(key, Optional.of(first.version()), 16, 16).isPresent(), "the same file reads on");

            s3.putObject(r -> r.bucket(local.name()).key(key),
                    RequestBody.fromString("<html><script>alert(1)</script></html>"));
            assertEquals(Optional.empty(), bucket.read(key, Optional.of(first.version()), 16, 16),
                    "another file at the key is not read as the rest of the first");
            assertFalse(bucket.copy(key, first.version(), copy, ImageType.PNG), "nor copied as the picture checked");
            assertEquals(List.of(), uploads.keys(copy));

            var second = bucket.read(key, Optional.empty(), 0, 16).orElseThrow();
            assertTrue(bucket.copy(key, second.version(), copy, ImageType.PNG), "the version read is copied");
            assertEquals(List.of(copy), uploads.keys(copy));
        } finally {
            bucket.delete(copy);
            bucket.delete(key);
        }
    }

    /**
     * S3 answers 403 both for a file gone (the functions have no s3:ListBucket) and for a copy the function may not make (a
     * policy or key mistake). The second is an error, logged and answered 5xx, not "upload again" for ever.
     */
    @Test
    void aCopyRefusedWhileItsSourceIsThereIsAnErrorNotAFileGone() {
        LocalBucket local = env.server.bucket();
        String key = "uploads/nekad-" + UUID.randomUUID() + "/fil";
        try (var s3 = local.client()) {
            var denied = Intercepted.of(S3Client.class, s3).replace("copyObject", call -> {
                throw S3Exception.builder().statusCode(403).message("Access Denied").build();
            }).client();
            var bucket = new S3ImageBucket(new BucketSettings(local.name(), Optional.of(local.endpoint())),
                    new S3ImageBucket.Parts(denied, null, null, Region.of(LocalDynamo.REGION)));
            s3.putObject(r -> r.bucket(local.name()).key(key), RequestBody.fromBytes(TestPictures.png(8, 8)));
            String version = bucket.read(key, Optional.empty(), 0, 16).orElseThrow().version();
            var refused = assertThrows(S3Exception.class,
                    () -> bucket.copy(key, version, "images/nekad.png", ImageType.PNG));
            assertEquals(403, refused.statusCode());
            s3.deleteObject(r -> r.bucket(local.name()).key(key));
            assertFalse(bucket.copy(key, version, "images/nekad.png", ImageType.PNG), "gone: a 403 then is the file gone");
        }
    }

    @Test
    void aPictureGoesStraightToTheBucketAndReadersGetItFromTheSitesOwnAddress() throws Exception {
        var start = uploads.snapshot();
        String slug = write("Med en egen bild");
        byte[] png = TestPictures.png(640, 320);
        var uploadPage = asa.get("/posts/" + slug + "/image");
        // The form is good for an hour, and says until when in the site's time, so an author looking for a picture does not
        // meet S3's English "Policy expired".
        var policy = Http.JSON.readTree(Base64.getDecoder().decode(PictureUploads.form(uploadPage.body()).fields().get("policy")));
        var expires = Instant.parse(policy.path("expiration").asText());
        assertTrue(Duration.between(Instant.now(), expires).toMinutes() >= 58, expires.toString());
        String until = DateTimeFormatter.ofPattern("H.mm").format(expires.atZone(ZoneId.of("Europe/Stockholm")))
                + SwedishDates.seasonAfter(expires, ZoneId.of("Europe/Stockholm")); // in the hour that comes twice
        assertTrue(uploadPage.body().contains("Formuläret gäller till kl. " + until + "."), uploadPage.body());
        URI bucket = PictureUploads.form(uploadPage.body()).url();
        assertTrue(uploadPage.header("content-security-policy").contains("form-action 'self' " + bucket.getScheme() + "://"
                + bucket.getRawAuthority() + ";"), "the page lets its one form post to the bucket: " + uploadPage.header("content-security-policy"));
        var altPage = uploads.upload(asa, slug, "mote.png", "image/png", png);
        assertEquals(200, altPage.status(), altPage.body());
        String html = altPage.body();
        assertTrue(html.contains("PNG, 640 × 320 pixlar"), html);
        assertTrue(html.contains("width=\"640\" height=\"320\""));
        assertEquals("no-store", altPage.header("cache-control"));
        assertTrue(uploads.added(start, "images/").isEmpty(), "nothing is a picture of the post before it is saved");

        var saved = save(slug, AuthorBrowser.fields(html), "Deltagarna runt mötesbordet", "Månadsmötet i Ystad. Foto: Åsa Öberg");
        assertEquals("/posts/" + slug + "/edit?done=image&post=" + slug, saved.header("location"), saved.body());
        assertTrue(asa.get(saved.header("location")).body().contains("Bilden är sparad på inlägget."));

        String page = http.get("/posts/" + slug).body();
        String src = pictureOf(slug);
        assertTrue(page.contains("<img src=\"" + src + "\" alt=\"Deltagarna runt mötesbordet\" width=\"640\" height=\"320\" fetchpriority=\"high\">"), page);
        assertTrue(page.contains("<figcaption>Månadsmötet i Ystad. Foto: Åsa Öberg</figcaption>"));

        var redirect = http.get(src);
        assertEquals(302, redirect.status());
        assertTrue(redirect.header("cache-control").startsWith("public"), "readers and a CDN may keep the redirect a while");
        var file = http.fetch(URI.create(redirect.header("location")));
        assertEquals(200, file.statusCode());
        assertArrayEquals(png, file.body(), "the very bytes uploaded");
        assertEquals("image/png", file.headers().firstValue("content-type").orElse(""), "the type read from the bytes");
        assertEquals("public, max-age=3600", file.headers().firstValue("cache-control").orElse(""),
                "CloudFront and browsers keep it an hour, so a deleted post's picture is soon served nowhere");

        String key = "images/" + src.substring("/images/".length());
        assertEquals(List.of(key), uploads.added(start, "images/"));
        assertFalse("unattached".equals(uploads.tags(key).get("state")), "attached: the lifecycle leaves it");
        assertEquals(List.of(), uploads.added(start, "uploads/"), "the upload is gone");
        var json = http.get("/api/posts/" + slug).json().path("image");
        assertEquals(src, json.path("url").asText());
        assertEquals(640, json.path("width").asInt());
        assertEquals(320, json.path("height").asInt());
    }

    @Test
    void aFileThatIsNoPictureOrLiesAboutItsTypeIsDeletedAndTheFormSaysWhy() {
        var start = uploads.snapshot();
        String slug = write("Fel sorts fil");
        var lie = uploads.upload(asa, slug, "semesterbild.jpg", "image/jpeg",
                "Det här är ett textdokument, inte en bild.".getBytes(StandardCharsets.UTF_8));
        assertEquals(422, lie.status());
        assertTrue(lie.body().contains("Filen är inte en bild i JPEG, PNG eller WebP. Typen läses ur filens innehåll"), lie.body());
        assertTrue(lie.body().contains("enctype=\"multipart/form-data\""), "the upload form again");
        // Beside the field too, and tied to it, as every form's message is, not "invalid" alone; the tab's title names the
        // post, so picture pages are not titled alike.
        assertTrue(lie.body().contains("aria-describedby=\"file-hint file-error\" aria-invalid=\"true\"")
                && lie.body().contains("<span class=\"error\" id=\"file-error\">Filen är inte en bild"), lie.body());
        assertTrue(lie.body().contains("<title>Fel: Välj en bild: Fel sorts fil – Inlägg</title>"), lie.body());
        var svg = uploads.upload(asa, slug, "logga.png", "image/png",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8));
        assertEquals(422, svg.status());
        // A PNG's header claiming 2^31 - 1 pixels a side: no photo a browser shows, said so in Swedish.
        var huge = ByteBuffer.allocate(33).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}).putInt(13)
                .put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(Integer.MAX_VALUE).putInt(Integer.MAX_VALUE).array();
        var tooMany = uploads.upload(asa, slug, "jättebild.png", "image/png", huge);
        assertEquals(422, tooMany.status());
        assertTrue(tooMany.body().contains("Bilden är för stor: den får vara högst 30\u00A0000 pixlar bred och hög"), tooMany.body());
        // Cut short after its header: a picture no browser draws.
        var cut = uploads.upload(asa, slug, "avbruten.png", "image/png", Arrays.copyOf(TestPictures.png(64, 32), 30));
        assertEquals(422, cut.status());
        assertTrue(cut.body().contains("Bildfilen är ofullständig: den tar slut innan bilden är hel."), cut.body());
        assertEquals(List.of(), uploads.added(start, "uploads/"), "deleted at once: no orphan stays");
        assertEquals(List.of(), uploads.added(start, "images/"));
        assertFalse(http.get("/posts/" + slug).body().contains("<figure>"), "the post is unchanged");
    }

    @Test
    void aFileOverTenMegabytesOrAnEmptyOneIsNeverTaken() {
        var start = uploads.snapshot();
        String slug = write("För stor fil");
        var form = uploads.form(asa, slug);
        // A camera's photo over 10 MB gets past the bucket, to be told apart by the site in Swedish, and deleted.
        byte[] tooBig = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(TestPictures.png(8, 8), 0, tooBig, 0, 40);
        var big = uploads.back(asa, uploads.send(form, "kamerabild.png", "image/png", tooBig));
        assertEquals(422, big.status(), big.body());
        assertTrue(big.body().contains("Bilden är större än 10 MB. Välj en mindre bild."), big.body());
        assertTrue(big.body().contains("enctype=\"multipart/form-data\""), "the upload form again");
        assertEquals(List.of(), uploads.added(start, "uploads/"), "deleted at once: nothing is kept");
        // Past what the bucket stores at all, S3 refuses it by the policy's content-length-range before storing anything.
        byte[] huge = new byte[50 * 1024 * 1024 + 1];
        var refused = uploads.send(form, "jattestor.png", "image/png", huge);
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("EntityTooLarge"), refused.body());
        assertEquals(List.of(), uploads.added(start, "uploads/"), "nothing was stored");
        // An empty file gets past the bucket too (S3's own answer is XML), and is deleted.
        var empty = uploads.back(asa, uploads.send(form, "tom.png", "image/png", new byte[0]));
        assertEquals(422, empty.status(), empty.body());
        assertTrue(empty.body().contains("Filen är tom."), empty.body());
        assertEquals(List.of(), uploads.added(start, "uploads/"), "nothing is kept");
    }

    @Test
    void aFormTamperedWithIsRefusedByTheBucket() {
        var start = uploads.snapshot();
        String slug = write("Manipulerat formulär");
        var form = uploads.form(asa, slug);
        Map<String, String> otherKey = new LinkedHashMap<>(form.fields());
        otherKey.put("key", "images/" + "a".repeat(26) + ".png");
        var refused = http.multipart(form.url(), otherKey, "x.png", "image/png", TestPictures.png(8, 8));
        assertEquals(403, refused.status(), "outside the author's prefix: " + refused.body());
        Map<String, String> notImage = new LinkedHashMap<>(form.fields());
        notImage.put("Content-Type", "text/html");
        assertEquals(403, http.multipart(form.url(), notImage, "x.html", "text/html", "<h1>x</h1>".getBytes(StandardCharsets.UTF_8)).status());
        Map<String, String> untagged = new LinkedHashMap<>(form.fields());
        untagged.remove("tagging");
        untagged.remove("x-amz-signature");
        untagged.put("x-amz-signature", "0".repeat(64));
        assertEquals(403, http.multipart(form.url(), untagged, "x.png", "image/png", TestPictures.png(8, 8)).status());
        assertEquals(List.of(), uploads.added(start, ""), "nothing was stored anywhere");
    }

    @Test
    void aPictureWithoutAltTextOrFromAForgedFormIsNotSavedAndTheFormKeepsWhatWasTyped() {
        var start = uploads.snapshot();
        String slug = write("Utan alt-text");
        var altPage = AuthorBrowser.fields(uploads.upload(asa, slug, "bild.jpg", "image/jpeg", TestPictures.jpeg(300, 200)).body());
        var noAlt = save(slug, altPage, "   ", "En bildtext som ska finnas kvar");
        assertEquals(400, noAlt.status());
        assertTrue(noAlt.body().contains("Alt-text: får inte vara tom"), noAlt.body());
        assertTrue(noAlt.body().contains("value=\"En bildtext som ska finnas kvar\""), "the caption is kept");
        assertTrue(noAlt.body().contains("JPEG, 300 × 200 pixlar"), "the picture is shown again");

        Map<String, String> forged = new LinkedHashMap<>(AuthorBrowser.fields(noAlt.body()));
        forged.put("csrf", "fel");
        forged.put("alt", "Förfalskad");
        var refused = asa.post("/posts/" + slug + "/image", forged);
        assertEquals(403, refused.status());
        assertTrue(refused.body().contains("Formuläret kom inte från den här sidan") && refused.body().contains("value=\"Förfalskad\""));
        assertFalse(http.get("/posts/" + slug).body().contains("<figure>"), "nothing saved");
        assertEquals(List.of(), uploads.added(start, "images/"), "no copy left behind");
        // Signed out meanwhile: the page gives back what was typed, to copy.
        Map<String, String> signedOutForm = new LinkedHashMap<>(AuthorBrowser.fields(refused.body()));
        signedOutForm.put("alt", "Text skriven utloggad");
        var signedOut = http.form("/posts/" + slug + "/image", null, signedOutForm);
        assertEquals(403, signedOut.status());
        assertTrue(signedOut.body().contains("alt-text ”Text skriven utloggad”"), signedOut.body());

        var saved = save(slug, AuthorBrowser.fields(refused.body()), "Två personer vid ett bord", "");
        assertEquals(303, saved.status(), "the same upload, saved at last: " + saved.body());
    }

    /**
     * Words carried back from an upload page (?alt=…) fill in the edit form of a post with no picture only: a post that has
     * one, given one in another tab meanwhile, keeps its own picture's words in the form, which the carried ones were not
     * written for and a plain save would otherwise put on it.
     */
    @Test
    void wordsCarriedBackFromTheUploadPageLeaveAPicturesOwnWordsAlone() {
        String slug = write("Har redan en bild", "publish");
        assertEquals(303, asa.post("/posts/" + slug + "/edit", with(asa.editForm(slug), "imageUrl", "https://example.com/bild.jpg",
                "imageAlt", "Bildens egen alt-text", "action", "save")).status());
        String backPage = asa.get("/posts/" + slug + "/edit?alt=Ord%20till%20en%20annan%20bild").body();
        assertFalse(backPage.contains("Alt-texten och bildtexten du skrev står ifyllda"), backPage);
        assertEquals("Bildens egen alt-text", AuthorBrowser.fields(backPage).get("imageAlt"));
    }

    /**
     * "Spara som utkast och välj bild…" with the alt text and caption filled in and no address is not refused for want of
     * the address of a picture about to be uploaded. The draft is saved, and the words fill in the description page after
     * the upload.
     */
    @Test
    void wordsTypedBeforeThePictureIsChosenFillInItsDescriptionAfterTheUpload() {
        var form = wordsBeforeThePicture("Orden före bilden", "Två personer & en kaffekopp vid ett bord", "Foto: Åsa Öberg, 50 % ljus");
        var written = asa.post("/write", form);
        assertEquals(303, written.status(), written.body());
        String slug = written.header("location").replaceFirst("^/posts/([^/]+)/image\\?.*", "$1");
        var uploadPage = asa.get(written.header("location"));
        assertEquals(200, uploadPage.status(), uploadPage.body());
        assertTrue(uploadPage.body().contains("Alt-texten och bildtexten du skrev följer med"), uploadPage.body());
        assertEquals("Orden före bilden", asa.editForm(slug).get("title"), "the draft is saved");
        // Back to the edit form without a picture, the words come along, as the page says.
        var m = Pattern.compile("<a href=\"([^\"]+)\">Tillbaka till redigeringen</a>").matcher(uploadPage.body());
        assertTrue(m.find(), uploadPage.body());
        String backPage = asa.get(m.group(1).replace("&amp;", "&")).body();
        assertTrue(backPage.contains("Alt-texten och bildtexten du skrev står ifyllda nedan men är inte sparade"), "and says so: " + backPage);
        var back = AuthorBrowser.fields(backPage);
        assertEquals("Två personer & en kaffekopp vid ett bord", back.get("imageAlt"));
        assertEquals("Foto: Åsa Öberg, 50 % ljus", back.get("imageCaption"));
        assertEquals("", asa.editForm(slug).get("imageAlt"), "filled in, not saved");
        var described = AuthorBrowser.fields(uploads.back(asa, uploads.send(PictureUploads.form(uploadPage.body()), "bild.png", "image/png",
                TestPictures.png(64, 48))).body());
        assertEquals("Två personer & en kaffekopp vid ett bord", described.get("alt"));
        assertEquals("Foto: Åsa Öberg, 50 % ljus", described.get("caption"));
        assertEquals(303, asa.post("/posts/" + slug + "/image", described).status());
        assertEquals("Två personer & en kaffekopp vid ett bord", asa.editForm(slug).get("imageAlt"));
        assertEquals("Foto: Åsa Öberg, 50 % ljus", asa.editForm(slug).get("imageCaption"));

        // The edit form likewise; and words a picture cannot take are said as such, never as a missing address.
        String other = write("Orden före bilden, redigerad");
        var edit = with(asa.editForm(other), "imageAlt", "x".repeat(301), "action", "image");
        var tooLong = asa.post("/posts/" + other + "/edit", edit);
        assertEquals(400, tooLong.status());
        assertTrue(tooLong.body().contains("Bildens alt-text: får vara högst 300 tecken"), tooLong.body());
        assertFalse(tooLong.body().contains("behövs när bilden har alt-text"), tooLong.body());
        var toUpload = asa.post("/posts/" + other + "/edit", with(edit, "imageAlt", "Ett kontor i Ystad"));
        assertEquals("/posts/" + other + "/image?alt=Ett%20kontor%20i%20Ystad", toUpload.header("location"), toUpload.body());
    }

    /**
     * Signed out while saving a picture's words, the author is not told "Det här får du inte göra" and to choose the
     * picture again, which is still there: the page says they are signed out, and signs them in back to it.
     */
    @Test
    void signedOutWhileDescribingAPictureSignsInBackToItWithTheWordsFilledIn() {
        String slug = write("Utloggad vid bildtexten");
        Map<String, String> typed = new LinkedHashMap<>(AuthorBrowser.fields(
                uploads.upload(asa, slug, "bild.png", "image/png", TestPictures.png(80, 60)).body()));
        typed.put("alt", "Skriven utloggad");
        typed.put("caption", "Foto: Bertil & Åsa");
        var signedOut = http.form("/posts/" + slug + "/image", null, typed);
        assertEquals(403, signedOut.status());
        String page = signedOut.body();
        assertTrue(page.contains("<h1>Du är inte inloggad</h1>"), page);
        assertFalse(page.contains("Det här får du inte göra") || page.contains("välj sedan bilden igen"), page);
        assertTrue(page.contains("alt-text ”Skriven utloggad”, bildtext ”Foto: Bertil &amp; Åsa”"), "what was typed, to copy: " + page);
        Matcher link = Pattern.compile("<a href=\"/signin\\?next=([^\"]+)\">Logga in och spara bilden</a>").matcher(page);
        assertTrue(link.find(), page);
        String next = URLDecoder.decode(AuthorBrowser.unescape(link.group(1)), StandardCharsets.UTF_8);
        assertTrue(next.startsWith("/posts/" + slug + "/image/uploaded?version=1&key="), next);
        assertTrue(next.endsWith("&alt=Skriven%20utloggad&caption=Foto%3A%20Bertil%20%26%20%C3%85sa"), "the words go along: " + next);
        assertTrue(page.contains("logga in, så kommer du tillbaka till den med texten ifylld."), page);
        assertFalse(page.contains("target=\"_blank\""), "the words go along, so this tab may: " + page);
        assertEquals(next, http.signIn(ServerExtension.TOKEN, Map.of(), next).header("location"), "signed in, back to the picture");
        var back = AuthorBrowser.signIn(http, ServerExtension.TOKEN);
        var described = back.get(next);
        assertEquals(200, described.status(), described.body());
        var fields = AuthorBrowser.fields(described.body());
        assertEquals("Skriven utloggad", fields.get("alt"));
        assertEquals("Foto: Bertil & Åsa", fields.get("caption"));
        assertEquals(303, back.post("/posts/" + slug + "/image", fields).status(), "saved without choosing the picture again");
        assertTrue(http.get("/posts/" + slug).body().contains("alt=\"Skriven utloggad\""));
    }

    /**
     * Words too long for the sign-in link's address (LocalPath) are left out of it, so the page does not promise them filled
     * in, nor lead away from the only page that holds them: it says to copy them, and signs in in a new tab.
     */
    @Test
    void signedOutWithWordsTooLongForTheSignInLinkTheyAreToCopyAndItOpensANewTab() {
        String slug = write("Utloggad med en lång bildtext");
        Map<String, String> typed = new LinkedHashMap<>(AuthorBrowser.fields(
                uploads.upload(asa, slug, "bild.png", "image/png", TestPictures.png(80, 60)).body()));
        String caption = "Foto: Åsa Öberg på väg över ängen vid gården i Ödeshög, där vårens första ärtor såddes. ".repeat(5).strip();
        typed.put("alt", "En åker i maj");
        typed.put("caption", caption);
        var signedOut = http.form("/posts/" + slug + "/image", null, typed);
        assertEquals(403, signedOut.status());
        String page = signedOut.body();
        assertTrue(page.contains("bildtext ”" + caption + "”"), "what was typed, to copy: " + page);
        assertFalse(page.contains("ifylld"), "no promise the link cannot keep: " + page);
        assertTrue(page.contains("kopiera det du skrev, logga in i en ny flik"), page);
        Matcher link = Pattern.compile("<a href=\"/signin\\?next=([^\"]+)\" target=\"_blank\" rel=\"noopener\">Logga in och spara bilden"
                + "<span class=\"visually-hidden\"> \\(öppnas i en ny flik\\)</span></a>").matcher(page);
        assertTrue(link.find(), "signs in in a new tab: " + page);
        String next = URLDecoder.decode(AuthorBrowser.unescape(link.group(1)), StandardCharsets.UTF_8);
        assertTrue(next.startsWith("/posts/" + slug + "/image/uploaded?version=1&key=") && !next.contains("alt="), next);
        assertTrue(page.contains("target=\"_blank\" rel=\"noopener\">Logga in<span"), "the page's own sign-in link too: " + page);
    }

    /**
     * Words within the character limits can make addresses too long for the bucket's upload form (300 + 500 emoji: 9.7 KB,
     * twice in it), which S3 would refuse in English, the words lost. The form says so, keeping all, saving nothing; and
     * words in an upload page's address that the site would not have put there are not carried.
     */
    @Test
    void wordsTooLongToTakeAlongToTheUploadAreSaidOnTheFormWithEverythingKept() {
        String title = "Emojier till bilden " + UUID.randomUUID();
        var form = wordsBeforeThePicture(title, "🌍".repeat(300), "📷".repeat(500));
        var refused = asa.post("/write", form);
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("Bildens alt-text: är för lång för att följa med till bildvalet"), refused.body());
        assertTrue(refused.body().contains("Bildtext: är för lång för att följa med till bildvalet"), refused.body());
        assertTrue(refused.body().contains("lämna fältet tomt och skriv texten när du har valt bilden"), refused.body());
        var kept = AuthorBrowser.fields(refused.body());
        assertEquals(title, kept.get("title"));
        assertEquals("Text om " + title + ".", kept.get("body"));
        assertEquals("🌍".repeat(300), kept.get("imageAlt"));
        assertEquals("📷".repeat(500), kept.get("imageCaption"));
        assertFalse(asa.allPages("/drafts").contains(title), "nothing saved");

        // The edit form likewise.
        String slug = write("Emojier vid redigering");
        var edit = with(asa.editForm(slug), "imageAlt", "🌍".repeat(300), "action", "image");
        var editRefused = asa.post("/posts/" + slug + "/edit", edit);
        assertEquals(400, editRefused.status(), editRefused.body());
        assertTrue(editRefused.body().contains("Bildens alt-text: är för lång för att följa med till bildvalet"), editRefused.body());
        assertEquals("🌍".repeat(300), AuthorBrowser.fields(editRefused.body()).get("imageAlt"));

        // Made up in an address, the words are not carried into the upload form's policy.
        String encoded = URLEncoder.encode("📷".repeat(500), StandardCharsets.UTF_8);
        var page = asa.get("/posts/" + slug + "/image?alt=Ett%20f%C3%A4lt&caption=" + encoded);
        assertEquals(200, page.status(), page.body());
        assertFalse(page.body().contains("följer med"), page.body());
        String redirect = PictureUploads.form(page.body()).fields().get("success_action_redirect");
        assertFalse(redirect.contains("alt=") || redirect.contains("caption="), redirect);
    }

    /**
     * The budget's edge: words of just 2,000 bytes in an address go through the bucket (its limit on the fields before the
     * file included) and fill in the description page; a byte more is said on the form. The upload page names the words
     * that go along.
     */
    @Test
    void wordsJustWithinTheBudgetGoThroughTheBucketAndOneByteMoreIsSaid() {
        String alt = "å".repeat(300);
        // alt=…&caption=…: 4 + 300 × 6 + 1 + 8 + 187 = 2,000 bytes.
        String caption = "x".repeat(187);
        var form = wordsBeforeThePicture("Orden till gränsen", alt, caption + "x");
        var over = asa.post("/write", form);
        assertEquals(400, over.status(), over.body());
        assertTrue(over.body().contains("Bildtext: är för lång för att följa med till bildvalet"), over.body());
        form.put("imageCaption", caption);
        var written = asa.post("/write", form);
        assertEquals(303, written.status(), written.body());
        String slug = written.header("location").replaceFirst("^/posts/([^/]+)/image\\?.*", "$1");
        var uploadPage = asa.get(written.header("location"));
        assertTrue(uploadPage.body().contains("Alt-texten och bildtexten du skrev följer med: de står ifyllda"), uploadPage.body());
        var fromBucket = uploads.send(PictureUploads.form(uploadPage.body()), "bild.png", "image/png", TestPictures.png(64, 48));
        var described = AuthorBrowser.fields(uploads.back(asa, fromBucket).body());
        assertEquals(alt, described.get("alt"));
        assertEquals(caption, described.get("caption"));

        // One of them typed, the page names that one.
        var toUpload = asa.post("/write", wordsBeforeThePicture("Bara en bildtext", "", "Foto: Åsa"));
        assertEquals(303, toUpload.status(), toUpload.body());
        String hint = asa.get(toUpload.header("location")).body();
        assertTrue(hint.contains("Bildtexten du skrev följer med: den står ifylld när bilden är uppladdad."), hint);
        assertFalse(hint.contains("Alt-texten"), hint);
    }

    @Test
    void aPostChangedSinceTheUploadBeganIsNotOverwrittenAndTheSecondClickSaves() {
        var start = uploads.snapshot();
        String slug = write("Ändras under uppladdningen");
        var altPage = AuthorBrowser.fields(uploads.upload(asa, slug, "bild.png", "image/png", TestPictures.png(120, 80)).body());
        var edit = new LinkedHashMap<>(asa.editForm(slug));
        edit.put("title", "Ändrad i en annan flik");
        edit.put("action", "save");
        assertEquals(303, asa.post("/posts/" + slug + "/edit", edit).status());

        var stale = save(slug, altPage, "Bild", "Bildtext");
        assertEquals(409, stale.status());
        assertTrue(stale.body().contains("Inlägget har ändrats sedan du började, så bilden sparades inte än"), stale.body());
        // The words typed stay in this tab: the way to the post opens another (followed here, Back would lead to the
        // browser's "Confirm Form Resubmission" and the words be gone).
        assertTrue(stale.body().contains("/preview\" target=\"_blank\" rel=\"noopener\">Förhandsgranska inlägget<span class=\"visually-hidden\">"
                + " (öppnas i en ny flik)</span></a>"), stale.body());
        assertFalse(http.get("/posts/" + slug).body().contains("<figure>"));
        assertEquals(List.of(), uploads.added(start, "images/"), "the copy was deleted again");
        assertEquals(1, uploads.added(start, "uploads/").size(), "the upload waits for the second click");

        var again = save(slug, AuthorBrowser.fields(stale.body()), "Bild", "Bildtext");
        assertEquals(303, again.status(), again.body());
        assertTrue(http.get("/posts/" + slug).body().contains("<h1>Ändrad i en annan flik</h1>"), "the other tab's title stays");
        pictureOf(slug);
    }

    @Test
    void aDoubleClickSavesOnePictureAndAReplacedOneIsDeleted() {
        var start = uploads.snapshot();
        String slug = write("Dubbelklick och byte");
        var altPage = AuthorBrowser.fields(uploads.upload(asa, slug, "forsta.png", "image/png", TestPictures.png(50, 50)).body());
        assertEquals(303, save(slug, altPage, "Första", "").status());
        assertEquals(303, save(slug, altPage, "Första", "").status(), "the second click finds it saved");
        String first = pictureOf(slug);
        assertEquals(1, uploads.added(start, "images/").size());
        // Back to the same page, the alt text changed and saved again: the change is saved, not answered "saved" and
        // dropped. The picture stays the one file.
        assertEquals(303, save(slug, altPage, "Första, rättad", "Foto: Åsa").status());
        assertTrue(http.get("/posts/" + slug).body().contains("alt=\"Första, rättad\""), "the new alt text");
        assertTrue(http.get("/posts/" + slug).body().contains("<figcaption>Foto: Åsa</figcaption>"));
        assertEquals(first, pictureOf(slug));
        assertEquals(1, uploads.added(start, "images/").size());
        // Changed since in the edit form: that page sent once more writes nothing over it.
        var edited = asa.post("/posts/" + slug + "/edit", with(asa.editForm(slug), "imageAlt", "Från redigeringen",
                "action", "save"));
        assertEquals(303, edited.status(), edited.body());
        assertFalse(save(slug, altPage, "Gammal sida igen", "").status() == 303, "not saved over the edit");
        assertTrue(http.get("/posts/" + slug).body().contains("alt=\"Från redigeringen\""));

        var second = AuthorBrowser.fields(uploads.upload(asa, slug, "andra.jpg", "image/jpeg", TestPictures.jpeg(60, 40)).body());
        assertTrue(asa.get("/posts/" + slug + "/image").body().contains("Nuvarande bild"));
        assertEquals(303, save(slug, second, "Andra", "").status());
        String replaced = pictureOf(slug);
        assertFalse(first.equals(replaced));
        assertEquals(List.of("images/" + replaced.substring("/images/".length())), uploads.added(start, "images/"), "the first one is deleted");
        assertEquals(List.of(), uploads.added(start, "uploads/"));

        var delete = asa.post("/posts/" + slug + "/delete", Map.of("csrf", asa.csrf, "version",
                AuthorBrowser.hidden(asa.get("/posts/" + slug + "/delete").body(), "version"), "confirm", "ja"));
        assertEquals(303, delete.status());
        assertEquals(List.of(), uploads.added(start, "images/"), "a deleted post's picture goes with it");
    }

    /**
     * A post's delete deletes its picture once the write committed, at best: a function stopped right after the commit
     * (a timeout), or S3 failing that one request, left the file at its address for good, where the post may have been
     * deleted to take the picture down (found by a probe of a blog's years). The table's stream takes it away too,
     * tried again with its batch until it is gone.
     */
    @Test
    void aDeletedPostsPictureItsDeleteLeftIsTakenAwayByTheStream() throws Exception {
        var start = uploads.snapshot();
        String slug = write("Bilden som skulle bort");
        var altPage = AuthorBrowser.fields(uploads.upload(asa, slug, "bort.png", "image/png", TestPictures.png(40, 40)).body());
        assertEquals(303, save(slug, altPage, "Bort", "").status());
        String key = "images/" + pictureOf(slug).substring("/images/".length());
        assertEquals(List.of(key), uploads.added(start, "images/"));
        // Deleted as by a function that stopped right after its write committed: the picture's file is not touched.
        try (var client = env.server.dynamoClient()) {
            var stopped = Wiring.withBuckets(client, Wirings.settings(env.server.tableName()),
                    Clock.systemUTC(), Optional::empty, () -> {
                        throw new AssertionError("a delete touches no search index");
                    });
            String author = stopped.authors().authenticate("Bearer " + ServerExtension.TOKEN).orElseThrow();
            assertTrue(stopped.posts().delete(slug, Optional.empty(), author) instanceof Outcome.Done);
        }
        assertEquals(List.of(key), uploads.added(start, "images/"), "the file is left by the delete");
        // The stream's record of the delete reaches the indexer, which deletes the file.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!uploads.added(start, "images/").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(List.of(), uploads.added(start, "images/"), "the deleted post's picture is in the bucket no more");
    }

    /** Doing what the edit form says under the picture is not refused for its alt text. */
    @Test
    void emptyingThePicturesAddressInTheEditFormTakesThePictureAway() {
        var start = uploads.snapshot();
        String slug = write("Bild som tas bort");
        var altPage = AuthorBrowser.fields(uploads.upload(asa, slug, "bort.png", "image/png", TestPictures.png(40, 40)).body());
        assertEquals(303, save(slug, altPage, "Tas bort", "Foto: Åsa").status());
        var form = asa.editForm(slug);
        assertTrue(asa.get("/posts/" + slug + "/edit").body().contains("Töm fältet Bildens adress och spara för att ta bort den."));
        assertEquals("Tas bort", form.get("imageAlt"), "the alt text is in the form, as stored");
        var saved = asa.post("/posts/" + slug + "/edit", with(form, "imageUrl", "", "action", "save"));
        assertEquals(303, saved.status(), saved.body());
        assertFalse(http.get("/posts/" + slug).body().contains("<figure>"), "the picture is gone");
        assertEquals(List.of(), uploads.added(start, "images/"), "and its file");
    }

    /**
     * The text shows only the post's own uploaded picture: pasted into another post's text, the address is refused with
     * the form kept, and a picture its own text shows is not replaced under it; the upload page says where to take it out
     * (found by a production pre-mortem: either way a post nobody touched showed a broken picture).
     */
    @Test
    void aPictureATextShowsIsNeitherBorrowedNorReplacedUnderIt() {
        String slug = write("Logotypen i texten");
        var altPage = AuthorBrowser.fields(uploads.upload(asa, slug, "logga.png", "image/png", TestPictures.png(40, 40)).body());
        assertEquals(303, save(slug, altPage, "Logotypen", "").status());
        String picture = pictureOf(slug);
        String text = "Så här ser den ut:\n\n![Logotypen](" + picture + ")";
        var shown = asa.post("/posts/" + slug + "/edit", with(asa.editForm(slug), "body", text, "action", "save"));
        assertEquals(303, shown.status(), "its own picture, in its text too: " + shown.body());

        var next = AuthorBrowser.fields(uploads.upload(asa, slug, "ny.png", "image/png", TestPictures.png(60, 30)).body());
        var replaced = save(slug, next, "Nya logotypen", "");
        assertEquals(400, replaced.status());
        assertTrue(replaced.body().contains("Text: får inte visa en uppladdad bild som inte är inläggets egen bild"), replaced.body());
        assertTrue(replaced.body().contains("href=\"/posts/" + slug + "/edit\""), "a way to the text");
        assertEquals(picture, pictureOf(slug), "the picture the text shows stays");

        String other = write("Månadsbrev med lånad logotyp");
        var borrowed = asa.post("/posts/" + other + "/edit", with(asa.editForm(other), "body",
                "![Logotypen](https://blogg.example.se" + picture + ")", "action", "save"));
        assertEquals(400, borrowed.status());
        assertTrue(borrowed.body().contains("ta bort den ur texten (" + picture + ")"), borrowed.body());
        assertTrue(borrowed.body().contains("![Logotypen](https://blogg.example.se" + picture + ")"), "what was typed is kept");
    }

    @Test
    void anotherAuthorCanNeitherUploadToNorPutTheirPictureOnYourPost() {
        var start = uploads.snapshot();
        String slug = write("Åsas bildinlägg");
        assertEquals(403, other.get("/posts/" + slug + "/image").status());
        var theirForm = PictureUploads.form(other.get("/posts/" + writeAs(other) + "/image").body());
        var theirUpload = uploads.send(theirForm, "bertil.png", "image/png", TestPictures.png(10, 10));
        assertEquals(303, theirUpload.status());
        String theirKey = theirForm.key();
        var page = asa.get("/posts/" + slug + "/image/uploaded?version=1&key=" + URLEncoder.encode(theirKey, StandardCharsets.UTF_8));
        assertEquals(404, page.status(), "Åsa cannot use Bertil's upload");
        assertTrue(page.body().contains("Den uppladdade filen finns inte längre"));
        var post = new LinkedHashMap<>(Map.of("csrf", other.csrf, "key", theirKey, "version", "1", "alt", "Kapad"));
        assertEquals(403, other.post("/posts/" + slug + "/image", post).status());
        assertFalse(http.get("/posts/" + slug).body().contains("<figure>"));
        assertEquals(List.of(theirKey), uploads.added(start, "uploads/"), "Bertil's upload is his own, untouched (the lifecycle takes it)");
    }

    static String writeAs(AuthorBrowser author) {
        Map<String, String> form = new LinkedHashMap<>(AuthorBrowser.fields(author.get("/write").body()));
        form.put("title", "Bertils inlägg " + UUID.randomUUID());
        form.put("body", "Text.");
        form.put("action", "draft");
        var written = author.post("/write", form);
        assertEquals(303, written.status(), written.body());
        return written.header("location").substring("/posts/".length()).replaceFirst("\\?.*", "");
    }

    /** The API's way: a presigned POST to the bucket (204), then the key put on the post with If-Match. */
    static String apiUpload(String slug, String filename, String type, byte[] file) {
        var answer = http.write("POST", "/api/posts/" + slug + "/image/upload-url", null);
        assertEquals(200, answer.status(), answer.body());
        var json = answer.json();
        assertEquals(10_485_760, json.path("maxBytes").asInt());
        assertEquals("no-store", answer.header("cache-control"));
        Map<String, String> fields = new LinkedHashMap<>();
        json.path("fields").properties().forEach(f -> fields.put(f.getKey(), f.getValue().asText()));
        var sent = http.multipart(URI.create(json.path("url").asText()), fields, filename, type, file);
        assertEquals(204, sent.status(), sent.body());
        return json.path("key").asText();
    }

    static Http.Reply attach(String slug, String body, String etag) {
        return http.sendWith("POST", "/api/posts/" + slug + "/image", "application/json", body, etag == null ? Map.of() : Map.of("If-Match", etag));
    }

    @Test
    void theApiTakesAPictureTheSameWay() {
        var start = uploads.snapshot();
        String slug = write("Bild genom API:t");
        String key = apiUpload(slug, "api.jpg", "image/jpeg", TestPictures.jpeg(800, 600));
        String etag = http.get("/api/posts/" + slug).header("etag");
        var attached = attach(slug, "{\"key\": \"" + key + "\", \"alt\": \"Kontoret i Malmö\", \"caption\": \"Foto: Åsa\"}", etag);
        assertEquals(200, attached.status(), attached.body());
        var image = attached.json().path("image");
        assertTrue(image.path("url").asText().matches("/images/[a-z2-7]{26}\\.jpg"), image.toString());
        assertEquals(800, image.path("width").asInt());
        assertEquals(600, image.path("height").asInt());
        assertEquals("Kontoret i Malmö", image.path("alt").asText());
        assertEquals(List.of(), uploads.added(start, "uploads/"));
        assertEquals(1, uploads.added(start, "images/").size());
        var edited = http.sendWith("PATCH", "/api/posts/" + slug, "application/merge-patch+json", "{\"image\": {\"alt\": \"Ny alt-text\"}}",
                Map.of("If-Match", attached.header("etag")));
        assertEquals(200, edited.status(), "a merge patch keeps the uploaded picture: " + edited.body());
        assertEquals(800, edited.json().path("image").path("width").asInt());

        // Another post must not take the picture by its full address, to show a broken one once this post lets it go. Its
        // own post may name it so (a client may have made the address whole); no other may.
        String whole = http.base().resolve(image.path("url").asText()).toString();
        var taken = http.write("POST", "/api/posts", "{\"title\": \"Lånad bild\", \"body\": \"Text.\", \"author\": {\"name\": \"Åsa\"},"
                + " \"image\": {\"url\": \"" + whole + "\", \"alt\": \"Lånad\"}}");
        ApiAsserts.assertError(taken, 400, "validation_failed", "image.url");
        var ownWhole = http.sendWith("PATCH", "/api/posts/" + slug, "application/merge-patch+json",
                "{\"image\": {\"url\": \"" + whole + "\", \"alt\": \"Hela adressen\"}}", Map.of("If-Match", edited.header("etag")));
        assertEquals(200, ownWhole.status(), ownWhole.body());
        assertEquals(image.path("url").asText(), ownWhole.json().path("image").path("url").asText(), "kept as its own picture");
        assertEquals(800, ownWhole.json().path("image").path("width").asInt());
    }

    /**
     * The upload's address says until when the bucket takes the file, as its signed policy says it: a client that waits
     * for a picture to be chosen, honouring expiresAt, is not sent back for a new address it did not need, nor let past
     * the time S3 refuses the file. (A probe of the tests: expiresAt written as the time asked left every test green.)
     */
    @Test
    void anUploadAddressSaysTheTimeItsPolicyEnds() throws Exception {
        String slug = write("Adress med sluttid");
        Instant asked = Instant.now();
        var answer = http.write("POST", "/api/posts/" + slug + "/image/upload-url", null);
        assertEquals(200, answer.status(), answer.body());
        Instant expiresAt = Instant.parse(answer.json().path("expiresAt").asText());
        String policy = new String(Base64.getDecoder().decode(answer.json().path("fields").path("policy").asText()), StandardCharsets.UTF_8);
        assertEquals(Instant.parse(Http.JSON.readTree(policy).path("expiration").asText()), expiresAt, "as the signed policy says: " + policy);
        assertTrue(expiresAt.isAfter(asked.plus(Duration.ofMinutes(10))), "ahead, for choosing a picture: " + expiresAt);
    }

    /**
     * A picture larger than readers need is saved as they get it, through the bucket's own put: no larger than 1,600
     * pixels, of its type, kept an hour by CloudFront and browsers like one copied as it was.
     */
    @Test
    void aPictureLargerThanReadersNeedIsSavedAsTheyGetIt() throws Exception {
        var start = uploads.snapshot();
        String slug = write("Stor skärmbild genom API:t");
        String key = apiUpload(slug, "skarm.png", "image/png", TestPictures.png(3000, 600));
        var attached = attach(slug, "{\"key\": \"" + key + "\", \"alt\": \"Skärmbild av intranätet\"}", http.get("/api/posts/" + slug).header("etag"));
        assertEquals(200, attached.status(), attached.body());
        assertEquals(1600, attached.json().path("image").path("width").asInt());
        assertEquals(320, attached.json().path("image").path("height").asInt());
        var file = http.fetch(URI.create(http.get(attached.json().path("image").path("url").asText()).header("location")));
        assertEquals(200, file.statusCode());
        var shown = ImageIO.read(new ByteArrayInputStream(file.body()));
        assertEquals(1600, shown.getWidth());
        assertEquals(320, shown.getHeight());
        assertEquals("image/png", file.headers().firstValue("content-type").orElse(""));
        assertEquals("public, max-age=3600", file.headers().firstValue("cache-control").orElse(""));
        assertEquals(List.of(), uploads.added(start, "uploads/"), "the upload is gone");
        assertFalse("unattached".equals(uploads.tags(uploads.added(start, "images/").getFirst()).get("state")), "kept");
    }

    @Test
    void theApiRefusesBadPicturesAndChangesNothing() {
        var start = uploads.snapshot();
        String slug = write("Felaktiga bilder genom API:t");
        String etag = http.get("/api/posts/" + slug).header("etag");
        String lie = apiUpload(slug, "bild.png", "image/png", "inte en bild".getBytes(StandardCharsets.UTF_8));
        var notAnImage = attach(slug, "{\"key\": \"" + lie + "\", \"alt\": \"Bild\"}", etag);
        ApiAsserts.assertError(notAnImage, 422, "not_an_image", null);
        assertTrue(notAnImage.json().path("error").path("message").asText().startsWith("The file is not a JPEG, PNG or WebP image"),
                "the API speaks English, as everywhere else: " + notAnImage.body());
        assertEquals(List.of(), uploads.added(start, "uploads/"), "deleted");
        String good = apiUpload(slug, "bild.png", "image/png", TestPictures.png(10, 10));
        ApiAsserts.assertError(attach(slug, "{\"key\": \"" + good + "\"}", etag), 400, "validation_failed", "alt");
        // Longer than the OpenAPI document's maxLength: 400, as it says, not a 404.
        ApiAsserts.assertError(attach(slug, "{\"key\": \"" + good + "x".repeat(201) + "\", \"alt\": \"Bild\"}", etag), 400,
                "validation_failed", "key");
        ApiAsserts.assertError(attach(slug, "{\"key\": \"" + good + "\", \"alt\": \"Bild\"}", null), 428, "precondition_required", null);
        // A date is no proof the client saw the post (it may name any time to come): If-Match it is.
        ApiAsserts.assertError(http.sendWith("POST", "/api/posts/" + slug + "/image", "application/json", "{\"key\": \"" + good
                + "\", \"alt\": \"Bild\"}", Map.of("If-Unmodified-Since", "Fri, 31 Dec 9999 23:59:59 GMT")), 428, "precondition_required", null);
        ApiAsserts.assertError(attach(slug, "{\"key\": \"" + good + "\", \"alt\": \"Bild\"}", "\"gammal\""), 412, "precondition_failed", null);
        ApiAsserts.assertError(attach(slug, "{\"key\": \"uploads/nagon-annan/" + "A".repeat(32) + "\", \"alt\": \"Bild\"}", etag),
                404, "not_found", null);
        // The caller's own mistake comes first, whatever the upload: no alt text is 400, not 404.
        ApiAsserts.assertError(attach(slug, "{\"key\": \"uploads/nagon-annan/" + "A".repeat(32) + "\", \"alt\": \" \"}", etag),
                400, "validation_failed", "alt");
        ApiAsserts.assertError(attach(slug, "{\"key\": \"" + good + "\", \"alt\": \"Bild\", \"url\": \"x\"}", etag), 400,
                "validation_failed", "url");
        // Every field to mend in one answer, as a post's names them.
        assertEquals(List.of("url", "alt", "key"), ApiAsserts.fields(attach(slug, "{\"url\": \"x\", \"alt\": 5}", etag)));
        var theirs = http.send("POST", "/api/posts/" + slug + "/image", "application/json",
                ("{\"key\": \"" + good + "\", \"alt\": \"Kapad\"}").getBytes(StandardCharsets.UTF_8), OTHER_API, Map.of("If-Match", etag));
        ApiAsserts.assertError(theirs, 403, "forbidden", null);
        assertEquals(etag, http.get("/api/posts/" + slug).header("etag"), "the post is unchanged");
        assertEquals(List.of(), uploads.added(start, "images/"), "no copy left");
        assertEquals(List.of(good), uploads.added(start, "uploads/"), "the good upload waits (the lifecycle takes it if never saved)");
    }

    /**
     * Another author is given no upload address for your published post through the API, as the pages give them no upload
     * form for it: 403, as for any change of it. (A probe of the tests: the address signed for any post its caller may read
     * left every test green.)
     */
    @Test
    void anotherAuthorIsGivenNoUploadAddressForYourPost() {
        String slug = write("Åsas inlägg utan främmande bilder");
        var theirs = http.send("POST", "/api/posts/" + slug + "/image/upload-url", null, null, OTHER_API, Map.of());
        ApiAsserts.assertError(theirs, 403, "forbidden", null);
        assertEquals(200, http.write("POST", "/api/posts/" + slug + "/image/upload-url", null).status(), "its author is given one");
    }

    /**
     * An empty key is the client's own mistake, said as such (400 naming "key"), as a missing one is: not looked up as an
     * upload that is gone. (A probe of the tests: an empty key let through to the lookup left every test green.)
     */
    @Test
    void anEmptyKeyIsRefusedNamingTheKey() {
        String slug = write("Bild med tom nyckel");
        String etag = http.get("/api/posts/" + slug).header("etag");
        var empty = attach(slug, "{\"key\": \"\", \"alt\": \"Bild\"}", etag);
        ApiAsserts.assertError(empty, 400, "validation_failed", "key");
        assertEquals(etag, http.get("/api/posts/" + slug).header("etag"), "the post is unchanged");
    }

    static final String OTHER_API = "bild-api-forfattare-" + UUID.randomUUID();

    @BeforeAll
    static void apiAuthor() {
        AuthorBrowser.newAuthor(env.server, "Cecilia Berg", OTHER_API);
    }
}
