package se.inlagg.posts;

import java.time.Duration;
import java.util.List;

/**
 * Why an operation did not happen, when that is not a bug: the client asked for something that
 * cannot be done now. The edge maps each kind to one HTTP status in exactly one place.
 */
public sealed interface Refusal {

    /** The request itself is malformed or breaks a limit; nothing was changed. */
    record Invalid(List<FieldError> errors) implements Refusal {
        public Invalid {
            errors = List.copyOf(errors);
        }

        public static Invalid of(String field, String message) {
            return new Invalid(List.of(new FieldError(field, message)));
        }
    }

    /** No such thing, or not one this reader may see. */
    record NotFound(Missing what) implements Refusal {
    }

    /** The change is well-formed but would break a rule given what is stored now. */
    record Unprocessable(Rule rule, String message, String field) implements Refusal {
    }

    /** The client's copy is out of date: the post changed since the version it named. */
    record Stale() implements Refusal {
    }

    /** The client may not do this to this thing (another author's post, for one). */
    record Forbidden(String reason, String swedish) implements Refusal {

        /** Posts are changed by the author who wrote them, and by nobody else. */
        public static Forbidden notTheAuthor() {
            return new Forbidden("Only the author of this post may change it.",
                    "Bara den som skrev inlägget kan ändra eller ta bort det.");
        }

        /** Another author's post's earlier versions, which are read, not changed. */
        public static Forbidden notTheAuthorsVersions() {
            return new Forbidden("Only the author of this post may read its earlier versions.",
                    "Bara den som skrev inlägget kan se dess tidigare versioner.");
        }
    }

    /** Nothing was written, and the same request sent again after {@code retryAfter} may well be: a form keeps what was typed. */
    sealed interface TryLater extends Refusal {
        Duration retryAfter();
    }

    /** Others kept winning the race for the same items, or the store is throttling; trying later will work. */
    record Busy(Duration retryAfter) implements TryLater {
    }

    /** The author has written all an hour allows (the stack's AuthorWriteUnitsPerHour); the next hour will take it. */
    record AllowanceSpent(Duration retryAfter) implements TryLater {
    }

    /** What was not found, in both languages the service speaks. */
    enum Missing {
        POST("post", "Inlägget finns inte, eller har tagits bort."),
        TAG_ON_POST("tag on this post", "Inlägget har inte den kategorin."),
        POST_DELETED_SINCE("post (it was created with this key and deleted since)", "Inlägget har tagits bort."),
        CATEGORY("category", "Det finns ingen sådan kategori."),
        PERSON("person", "Det finns inga inlägg av den skribenten."),
        OFFICE("office", "Det finns inga inlägg från det kontoret."),
        MONTH("month", "Det finns inga inlägg från den månaden."),
        /** An address whose month is none (2019-13, 2019): said so, not that the month has no posts. */
        NO_SUCH_MONTH("month (write it as 2019-01)", "Det finns ingen sådan månad. En månad skrivs som år och månad, till exempel 2019-01."),
        IMAGE("image", "Bilden finns inte."),
        /** An earlier version by a number the post never had, or one no longer kept (PostVersion#KEPT_FOR). */
        VERSION("earlier version of this post (none by that number is kept)",
                "Inlägget har ingen sådan tidigare version, eller så är den äldre än ett år och inte längre sparad."),
        UPLOAD("upload (it expired or was used already)", "Den uppladdade filen finns inte längre. Välj bilden igen.");

        private final String english;
        private final String swedish;

        Missing(String english, String swedish) {
            this.english = english;
            this.swedish = swedish;
        }

        public String english() {
            return english;
        }

        public String swedish() {
            return swedish;
        }
    }

    /** A rule a well-formed change can still break. */
    enum Rule {
        TOO_MANY_TAGS("too_many_tags", "Ett inlägg kan ha högst " + Tag.MAX_PER_POST + " kategorier."),
        IDEMPOTENCY_KEY_REUSED("idempotency_key_reused", "Formuläret skickades redan med annat innehåll. Ladda om sidan och försök igen."),
        NOT_AN_IMAGE("not_an_image", "Filen är inte en bild i JPEG, PNG eller WebP. Typen läses ur filens innehåll, inte ur dess namn.",
                "The file is not a JPEG, PNG or WebP image; its type is read from its content, not its name."),
        IMAGE_TOO_LARGE("image_too_large", "Bilden är större än 10 MB. Välj en mindre bild.", "The image is larger than 10 MB."),
        IMAGE_TOO_MANY_PIXELS("image_too_many_pixels",
                "Bilden är för stor: den får vara högst 30\u00A0000 pixlar bred och hög och ha högst 100 miljoner pixlar. Välj en mindre bild.",
                "The image is over 30,000 pixels wide or high, or over 100 megapixels."),
        EMPTY_FILE("empty_file", "Filen är tom. Välj en bild.", "The file is empty."),
        IMAGE_CUT_SHORT("image_cut_short", "Bildfilen är ofullständig: den tar slut innan bilden är hel. Den avbröts troligen när"
                + " den sparades eller laddades ner; spara den på nytt och ladda upp den igen.",
                "The image file is cut short: it ends before the picture is whole.");

        private final String code;
        private final String swedish;
        private final String english;

        Rule(String code, String swedish) {
            this(code, swedish, "");
        }

        /** With the API's own message, for rules no caller states one for (the pictures' checks). */
        Rule(String code, String swedish, String english) {
            this.code = code;
            this.swedish = swedish;
            this.english = english;
        }

        /** What the API says (it speaks English to programs); empty where the refusal brings its own message. */
        public String english() {
            return english;
        }

        public String code() {
            return code;
        }

        public String swedish() {
            return swedish;
        }
    }
}
