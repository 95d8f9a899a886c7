package se.inlagg.api;

/**
 * A function of the JSON API on the post its path names (/api/posts/{slug}…): it reads that post by
 * its slug, a BatchGetItem it is granted, so its priming reads a post by slug too. Functions that never
 * read a post by slug are not granted BatchGetItem, and their priming does not ask for it.
 */
abstract class PostApiFunction extends ApiFunction {

    @Override
    protected final boolean readsPostsBySlug() {
        return true;
    }
}
