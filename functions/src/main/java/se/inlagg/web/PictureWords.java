package se.inlagg.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import se.inlagg.http.HttpRequest;
import se.inlagg.posts.FieldError;
import se.inlagg.posts.PostRules;

/**
 * The words of a picture typed before it is saved: on the description form, or on the post's form before its upload
 * ("Spara och välj bild…" with no address). They travel in the addresses of the upload (the bucket's way back to the
 * site included) and of the sign-in, so the description page comes filled in however the author gets there; words that
 * do not fit those addresses ({@link #carried}) never travel.
 */
record PictureWords(String alt, String caption) {

    /**
     * The most the words may take in an address, percent-encoded: a letter a–z is one byte there, a space three, an
     * "å" six, an emoji twelve, so 300 + 500 emoji make 9.7 KB. They ride in the 303 to the upload
     * page, in the upload form's success_action_redirect (twice: as the field, and inside the base64 policy, 4/3 as
     * long) and in the address the bucket sends the browser back to. S3 refuses a POST whose fields before the file
     * pass 20,480 bytes (MaxPostPreDataLengthExceededError, in English, the words lost), and Lambda's session token
     * (~1.3 KB) is among them twice too; CloudFront takes at most 8,192 bytes of URL, and API Gateway 10,240 of request
     * line and headers, cookies included. 2,000 bytes of words make ~4,700 of the upload form beside ~3,000 of token and
     * ~1,500 of key, credential, signature and policy, under half of S3's limit, and addresses of under a quarter of
     * CloudFront's. Ordinary Swedish within the character limits (300 + 500) fits.
     */
    static final int MAX_IN_ADDRESS = 2_000;
    /** What a field's words too long for the addresses get (Swedish says it on the form). */
    static final String TOO_LONG_TO_CARRY = "too long to take along to the picture's upload";

    static final PictureWords NONE = new PictureWords("", "");

    /** The words in a page's address (?alt=…&caption=…); none where they could not have come by the site's own ways. */
    static PictureWords of(HttpRequest request) {
        return new PictureWords(request.strictQuery("alt").orElse(""), request.strictQuery("caption").orElse("")).carried();
    }

    /** The words on the description form. */
    static PictureWords of(FormData form) {
        return new PictureWords(form.value("alt"), form.value("caption"));
    }

    /** The words typed on the post's form for a picture about to be uploaded. */
    static PictureWords forUpload(FormData form) {
        return new PictureWords(form.value("imageAlt"), form.value("imageCaption"));
    }

    /** "alt=…&caption=…" of those typed, spaces as %20 (which a path back after signing in may hold: LocalPath); empty for none. */
    String parameters() {
        StringJoiner joined = new StringJoiner("&");
        if (!alt.isBlank()) {
            joined.add("alt=" + URLEncoder.encode(alt, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        if (!caption.isBlank()) {
            joined.add("caption=" + URLEncoder.encode(caption, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return joined.toString();
    }

    /**
     * Why these words, typed on the post's form, cannot go along to the upload, under the post form's fields: over a
     * picture's limits, or (the limits kept) too long together for the addresses they travel in. None when they can.
     */
    List<FieldError> refusal() {
        List<FieldError> limits = PostRules.imageTextLimits(Optional.of(alt), Optional.of(caption));
        if (!limits.isEmpty() || parameters().length() <= MAX_IN_ADDRESS) {
            return limits;
        }
        List<FieldError> errors = new ArrayList<>();
        if (!alt.isBlank()) {
            errors.add(new FieldError("image.alt", TOO_LONG_TO_CARRY));
        }
        if (!caption.isBlank()) {
            errors.add(new FieldError("image.caption", TOO_LONG_TO_CARRY));
        }
        return errors;
    }

    /** These words where they may travel in an address, else none: the one check before any address holds them. */
    PictureWords carried() {
        return refusal().isEmpty() ? this : NONE;
    }

    /** The words as the description form's fields. */
    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("alt", alt);
        fields.put("caption", caption);
        return fields;
    }

    /** None typed: what {@link #parameters} leaves out, without encoding the words to know it. */
    boolean isEmpty() {
        return alt.isBlank() && caption.isBlank();
    }

    /** What the upload page says of the words going along, naming those typed; none for none. */
    Optional<String> kept() {
        boolean a = !alt.isBlank();
        boolean c = !caption.isBlank();
        return a && c ? Optional.of("Alt-texten och bildtexten du skrev följer med: de står ifyllda när bilden är uppladdad.")
                : a || c ? Optional.of((a ? "Alt-texten" : "Bildtexten") + " du skrev följer med: den står ifylld när bilden är uppladdad.")
                : Optional.empty();
    }
}
