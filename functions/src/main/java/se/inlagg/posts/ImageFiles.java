package se.inlagg.posts;

/**
 * The files behind the site's own pictures, as the rules of posts need them: a write that drops a
 * picture (a new one, none, or a deleted post) deletes its file once the write committed. Nothing is
 * done to the file before: marked for the bucket's lifecycle before a write that then never runs to
 * its end (a function timed out between the two), it would be taken two days later from a post that
 * still shows it. If nothing after the commit runs, the file stays
 * where no post shows it: a few kilobytes kept, never a picture lost.
 */
public interface ImageFiles {

    /** The write committed: the file of this name goes now. */
    void discard(String name);

    /** Where no bucket is configured: only pictures elsewhere, nothing to do. */
    ImageFiles NONE = name -> {
    };
}
