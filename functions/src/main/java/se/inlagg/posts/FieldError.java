package se.inlagg.posts;

/** One reason a request was refused, named by the field a client would fix. */
public record FieldError(String field, String message) {
}
