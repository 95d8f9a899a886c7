package se.inlagg.posts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a create asks for, as one SHA-256: the post it would make, read from the draft as the rules checked it, not
 * from how the request spelled it. A default spelled out ({@code "status": "published"}, {@code "tags": []}, a
 * field given as null or "" rather than left out), a title with spaces around it, a tag named twice or a date
 * written another way make the same post, so they are one request under one Idempotency-Key. Else a retry that
 * fills in the defaults is refused as another request (422), and a client told so may send it again under a new key
 * and make a second post.
 */
final class CreateFingerprint {

    /** Hashed first, so that a later recipe can never match this one by chance. */
    private static final String RECIPE = "create/1";

    private CreateFingerprint() {
    }

    /**
     * Every field a create makes the post from ({@code dateCleared} is an edit's alone: a create without a date is
     * dated when it is made either way), each written with its length, so two different posts never write one text.
     */
    static String of(PostRules.Checked c) {
        List<Optional<String>> fields = new ArrayList<>();
        fields.add(Optional.of(c.title()));
        fields.add(Optional.of(c.body()));
        fields.add(Optional.of(c.byline().name()));
        fields.add(c.byline().role());
        fields.add(c.byline().office());
        fields.add(Optional.of(Integer.toString(c.tags().size())));
        c.tags().forEach(tag -> fields.add(Optional.of(tag.name())));
        fields.add(c.publishedAt().map(Object::toString));
        fields.add(c.image().map(Image::url));
        fields.add(c.image().map(Image::alt));
        fields.add(c.image().flatMap(Image::caption));
        fields.add(c.image().flatMap(Image::size).map(s -> s.width() + "x" + s.height()));
        fields.add(Optional.of(c.excerpt()));
        fields.add(Optional.of(c.status().wire()));
        StringBuilder text = new StringBuilder(RECIPE);
        fields.forEach(f -> text.append(f.map(v -> "+" + v.length() + ":" + v).orElse("-")));
        // In hex, as the hash of a request as sent is.
        return Sha256.hex(text.toString());
    }
}
