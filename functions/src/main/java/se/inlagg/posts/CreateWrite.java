package se.inlagg.posts;

/**
 * What a create's conditional write found: what any {@link Write} may find, or that its slug was taken. Only a create
 * claims a slug, so only it can find that; an update, an edit or a delete answers a {@link Write}.
 */
public sealed interface CreateWrite<T> permits Write, CreateWrite.SlugTaken {

    /** The slug was claimed by another post first. */
    record SlugTaken<T>() implements CreateWrite<T> {
    }
}
