package se.inlagg.posts;

/**
 * The files behind the site's own pictures, as the rules of posts need them: a write that drops a
 * picture (a new one, none, or a deleted post) marks its file unattached first, so the bucket's
 * lifecycle takes it even if nothing after the write runs; it deletes it once the write committed,
 * and marks it attached again if the write did not happen.
 */
public interface ImageFiles {

    /** Before a write that drops the picture of this name. */
    void release(String name);

    /** The write did not happen: the picture is the post's again. */
    void keep(String name);

    /** The write committed: the file goes now (the lifecycle would take it anyway). */
    void discard(String name);

    /** Where no bucket is configured: only pictures elsewhere, nothing to do. */
    ImageFiles NONE = new ImageFiles() {
        @Override
        public void release(String name) {
        }

        @Override
        public void keep(String name) {
        }

        @Override
        public void discard(String name) {
        }
    };
}
