package se.inlagg.web;

import se.inlagg.http.BundledFile;
import se.inlagg.posts.Sha256;

/**
 * The one script of the site (web/utkast.js), on every page a signed-in author sees: on a post's form it keeps what the
 * author types in their browser until the site has it, and offers it back when the form opens again; on a page saying a
 * save was done it lets the words sent go. The forms work without it. Read once, where a page or its asset asks for it.
 */
public final class DraftScript {

    static final BundledFile FILE = BundledFile.read("/web/utkast.js", "text/javascript; charset=utf-8");

    private DraftScript() {
    }

    /** Its address, by its content: cached for a year, and a new one after a change. */
    public static String path() {
        return "/assets/utkast." + FILE.hash() + ".js";
    }

    /**
     * Whose drafts a form's are, as the script keys them: a hash of the author's id, so that another author signed in
     * in the same browser is never offered them, and the page shows no id.
     */
    public static String owner(Viewer viewer) {
        return Sha256.hex("utkast\u0000" + viewer.authorId()).substring(0, 16);
    }
}
