package se.inlagg.web;

import java.time.Instant;
import java.util.Optional;
import se.inlagg.http.HttpRequest;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.Slugs;
import se.inlagg.posts.Status;

/**
 * The Swedish confirmation a page shows after an author's action redirected to it. The action
 * names what happened in the address (?done=published&post=slug), so a reload shows it again
 * and changes nothing; only these words can appear, never text from the address. A confirmation
 * takes the focus as the page opens, so a screen reader reads what was done (WCAG 4.1.3); a notice
 * of the state the page is in does not ({@code focused} false), and leaves the page to be read
 * from its start.
 */
public record Notice(String text, Optional<Link> link, boolean focused) {

    public Notice(String text, Optional<Link> link) {
        this(text, link, true);
    }

    /** What an action did, as it is named in the address it redirects to. */
    enum Done {
        SAVED("saved", "Ändringarna är sparade."),
        PUBLISHED("published", "Inlägget är publicerat och syns för alla."),
        PUBLISHED_DATED("dated", "Inlägget är publicerat med sitt eget datum, inte dagens, och syns för alla."),
        DRAFTED("drafted", "Utkastet är sparat. Det syns bara för dig tills du publicerar det."),
        SCHEDULED("scheduled", "Inlägget är schemalagt: det syns för alla från den tid du valde, och till dess bara för dig."),
        UNPUBLISHED("unpublished", "Inlägget är ett utkast igen och syns inte längre för läsarna."),
        DELETED("deleted", "Inlägget är borttaget."),
        IMAGE("image", "Bilden är sparad på inlägget."),
        PROFILE("profile", "Din profil är sparad. Nya inlägg får det namnet, den rollen och det kontoret."),
        SIGNED_OUT("signedout", "Du är utloggad."),
        /** Signed in from the link of a page that holds a signed-out author's text, in a tab of its own (Frame#holdingText). */
        SIGNED_IN("signedin", "Du är inloggad. Det du skrev finns kvar i den andra fliken: gå tillbaka dit och spara där.");

        final String word;
        final String swedish;

        Done(String word, String swedish) {
            this.word = word;
            this.swedish = swedish;
        }
    }

    /** Where to go after an action: the page, with what was done (and to which post) in its address. */
    static String after(String path, Done done, Optional<String> slug) {
        return path + (path.contains("?") ? "&" : "?") + "done=" + done.word + slug.map(s -> "&post=" + s).orElse("");
    }

    /** What a post just saved now is, as its confirmation says it: a draft, published, or published for a time to come. */
    static Done stateOf(PostSummary post, Instant now) {
        return post.status() == Status.DRAFT ? Done.DRAFTED : post.visibleAt(now) ? Done.PUBLISHED : Done.SCHEDULED;
    }

    /**
     * What the address says was just done to this post, on its own page, if that is how the post is now: a link
     * made up to say "published" of a draft shows nothing. Only what the writing form sends there.
     */
    static Optional<Notice> onPost(HttpRequest request, PostSummary post, Instant now) {
        Done is = stateOf(post, now);
        return request.query("done").filter(is.word::equals).map(word -> new Notice(is.swedish, Optional.empty()));
    }

    /**
     * The sign-in page's confirmation of a sign-out, with the way back to the site, so an author on a shared computer
     * can tell it worked.
     */
    static Optional<Notice> signedOut(HttpRequest request) {
        return request.query("done").filter(Done.SIGNED_OUT.word::equals)
                .map(w -> new Notice(Done.SIGNED_OUT.swedish, Optional.of(new Link("Till startsidan", "/"))));
    }

    /**
     * The sign-in page to someone signed in already: signing in again changes who is signed in, and "Mina inlägg" is a
     * click away. Not focused: nothing was just done, and someone who came to switch tokens would otherwise be taken past
     * the page's heading to it on every visit.
     */
    static Notice alreadySignedIn() {
        return new Notice("Du är redan inloggad. Logga in nedan bara om du vill byta till en annan inloggningsnyckel.",
                Optional.of(new Link("Till Mina inlägg", "/drafts")), false);
    }

    /** The confirmation the address names, with a link to the post where there is one to show. */
    static Optional<Notice> of(HttpRequest request) {
        Optional<String> word = request.query("done");
        for (Done d : Done.values()) {
            if (word.filter(d.word::equals).isPresent()) {
                Optional<Link> link = request.query("post").filter(Slugs::isSlug).filter(s -> d != Done.DELETED)
                        .map(s -> new Link(d == Done.UNPUBLISHED ? "Förhandsgranska det" : "Visa inlägget",
                                Views.postPath(s) + (d == Done.UNPUBLISHED ? "/preview" : "")));
                return Optional.of(new Notice(d.swedish, link));
            }
        }
        return Optional.empty();
    }
}
