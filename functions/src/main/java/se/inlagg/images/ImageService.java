package se.inlagg.images;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import se.inlagg.ops.Log;
import se.inlagg.posts.FieldError;
import se.inlagg.posts.Image;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostRules;
import se.inlagg.posts.PostService;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.Refusal;
import se.inlagg.posts.Seen;

/**
 * Pictures uploaded straight to the bucket and put on a post. An upload is checked by its bytes
 * (JPEG, PNG or WebP, up to 10 MB, its size read from its header) and deleted at once when it is
 * not a picture; a good one is stored under the post's picture key before the post's write, with no tag: kept, as
 * readers get it (PictureForReaders: made smaller, upright, without its metadata) or copied as it is. Every save of one
 * upload (one version of its bytes) to one post stores the same bytes under the same key, so "the copy" below is either. Its
 * upload is deleted once the write committed. A save whose write is refused by its conditions
 * marks the copy unattached for the lifecycle only if the post, read after its write, does not
 * show it, and reads the post once more after marking it, since another save of the same upload (every
 * save of one upload to one post shares its key) may have committed in between: then it marks it attached
 * again, as a save that committed always does. A save whose write is of unknown fate (an error, or DynamoDB still
 * applying it when the save gave up) never marks the copy: the write may commit after any read. A copy is never deleted here.
 *
 * <p>So a save alone loses nothing the post shows to a function stopped after its commit (a timeout) or to
 * a mark that fails, as a copy tagged until a mark after the commit took the tag off would: either would leave
 * a shown picture to be deleted two days later. What a stopped or failing save leaves instead is a copy no post
 * shows, kept untagged: a picture's worth of storage.
 *
 * <p>The gap left takes two saves of one upload to one post with different versions (an API client's retry
 * with a fresh ETag while its first request is still in flight: the pages' clicks share one version, so a
 * refused click finds the picture shown): the refused one tags the copy after the other's copy and reads the
 * post before the other commits, and the other is then stopped, or S3 fails its mark, before it takes the tag
 * off. Tagging only the version a save copied itself would narrow it further.
 */
public final class ImageService {

    /** The first read: a PNG's or WebP's size is in its first 30 bytes, a JPEG's after its metadata. */
    static final int CHUNK = 64 * 1024;
    /** A JPEG whose frame header is not within this many chunks is not read further. */
    static final int MAX_CHUNKS = 16;
    /** What a read through a JPEG's data to its end takes at a time. */
    static final int SCAN = 1 << 20;
    /** How long an address to read a file is good for: long enough to load a page, short enough not to be shared. */
    public static final Duration READ_URL_LIFETIME = Duration.ofMinutes(10);

    /**
     * An upload that is a picture: what it is, how big, its size in pixels, and which version of the file was checked (its
     * ETag then), the one a save copies.
     */
    public record Uploaded(String key, ImageType type, long bytes, Image.Size size, String version) {
    }

    private final ImageBucket bucket;
    private final PostService posts;

    public ImageService(ImageBucket bucket, PostService posts) {
        this.bucket = bucket;
        this.posts = posts;
    }

    /**
     * The file of an uploaded picture a change of this post left behind (the table's stream says which: the post
     * deleted, or its picture replaced or taken away), taken away unless the post shows it again now (an earlier version
     * taken back). The write deletes it itself once it commits, at best (posts.ImageFiles); this is the second time,
     * failing loudly, so the stream's batch is tried again (five times, then SearchIndexFailures and its alarm): a file
     * left is served at its address for good, where a post may have been deleted to take the picture down. One already
     * gone is nothing to delete.
     */
    public void pictureLeft(String postId, String name) {
        if (Image.isStoredName(name) && !posts.showsPicture(postId, name)) {
            bucket.delete(ObjectKeys.image(name));
        }
    }

    /** Loads and compiles the making of a saved picture for readers (PictureForReaders) before a SnapStart snapshot. */
    public static void primeMaking() {
        PictureForReaders.prime();
    }

    /** A form for one upload of this author's, valid for {@link UploadPolicy#LIFETIME}. */
    public UploadForm uploadForm(String authorId, Optional<String> redirect, Instant now) {
        return bucket.uploadForm(ObjectKeys.uploadPrefix(authorId), ObjectKeys.newUpload(authorId), redirect, now);
    }

    /**
     * Reads an upload of this author's: a picture it knows, or a refusal, in which case the file is
     * deleted already (it is no use to anyone, and the author is told why).
     */
    public Outcome<Uploaded> inspect(String authorId, String key) {
        if (!ObjectKeys.isUploadOf(authorId, key)) {
            return Outcome.refused(new Refusal.NotFound(Refusal.Missing.UPLOAD));
        }
        Optional<ImageBucket.Chunk> first = bucket.read(key, Optional.empty(), 0, CHUNK);
        if (first.isEmpty()) {
            return Outcome.refused(new Refusal.NotFound(Refusal.Missing.UPLOAD));
        }
        long size = first.get().size();
        if (size == 0 || size > UploadPolicy.MAX_BYTES) {
            return rejected(key, size == 0 ? Refusal.Rule.EMPTY_FILE : Refusal.Rule.IMAGE_TOO_LARGE);
        }
        ChunkedBytes bytes = new ChunkedBytes(key, first.get());
        Optional<ImageHeader> header = ImageHeader.read(bytes);
        if (header.isEmpty()) {
            return bytes.replaced ? Outcome.refused(new Refusal.NotFound(Refusal.Missing.UPLOAD))
                    // One that starts as a picture and ends before its size is said (a JPEG of 30 bytes) is one cut short.
                    : rejected(key, bytes.ranOut && ImageHeader.startsAsAPicture(bytes) ? Refusal.Rule.IMAGE_CUT_SHORT : Refusal.Rule.NOT_AN_IMAGE);
        }
        ImageHeader h = header.get();
        if (h.width() > UploadPolicy.MAX_SIDE_PIXELS || h.height() > UploadPolicy.MAX_SIDE_PIXELS
                || (long) h.width() * h.height() > UploadPolicy.MAX_PIXELS) {
            return rejected(key, Refusal.Rule.IMAGE_TOO_MANY_PIXELS);
        }
        boolean whole = ImageHeader.reachesPictureData(h.type(), bytes, size);
        if (bytes.replaced) {
            // Another file took the key while this one was read: neither is judged, and the newer one is not deleted.
            return Outcome.refused(new Refusal.NotFound(Refusal.Missing.UPLOAD));
        }
        if (!whole) {
            return rejected(key, Refusal.Rule.IMAGE_CUT_SHORT);
        }
        return Outcome.done(new Uploaded(key, h.type(), size, new Image.Size(h.width(), h.height()), first.get().version()));
    }

    private Outcome<Uploaded> rejected(String key, Refusal.Rule rule) {
        bucket.delete(key);
        return Outcome.refused(new Refusal.Unprocessable(rule, rule.english(), "file"));
    }

    /**
     * Puts an upload on the author's post, if the post is still as the author saw it (a form's version,
     * the API's If-Match). The alt text and caption are checked first, then the upload is read (its header bytes),
     * then the post, once: a request
     * for a post that is gone, another's or changed since is refused before anything is copied, and the
     * write is conditioned on the version read. Sent twice (a double click, a retry after a lost answer),
     * the second finds its upload gone and the picture on the post, read after it: done.
     */
    public Outcome<Post> attach(String authorId, String slug, String key, String alt, String caption, Seen seen) {
        // What the author typed first: a missing alt text is theirs to fix (400), whatever the upload.
        List<FieldError> problems = PostRules.imageTextProblems(Optional.of(alt), Optional.of(caption));
        if (!problems.isEmpty()) {
            return Outcome.refused(new Refusal.Invalid(problems));
        }
        String altText = PostRules.storedLine(alt);
        String captionText = PostRules.storedLine(caption);
        Uploaded upload;
        switch (inspect(authorId, key)) {
            case Outcome.Refused<Uploaded> r -> {
                return r.refusal() instanceof Refusal.NotFound ? alreadyOnThePost(authorId, slug, post -> shows(post, key), r.refusal(), altText, captionText, seen)
                        : Outcome.refused(r.refusal());
            }
            case Outcome.Done<Uploaded> d -> upload = d.value();
        }
        Post current;
        switch (posts.getToChange(slug, authorId)) {
            case Outcome.Refused<Post> r -> {
                return r;
            }
            case Outcome.Done<Post> d -> current = d.value();
        }
        if (!seen.matches(current.summary())) {
            // Changed since the author saw it: by this very picture's save (its upload not yet let go), or by something else.
            return showsVersion(current, upload) ? withTextAsTyped(current, authorId, altText, captionText, seen)
                    : Outcome.refused(new Refusal.Stale());
        }
        Optional<Stored> stored = storedForReaders(upload, current.summary().id());
        if (stored.isEmpty()) {
            // Gone since it was read (the same save sent twice), or replaced by another put to its key: never copied unchecked.
            return alreadyOnThePost(authorId, slug, post -> showsVersion(post, upload), new Refusal.NotFound(Refusal.Missing.UPLOAD), altText,
                    captionText, seen);
        }
        String picture = ObjectKeys.image(stored.get().name());
        Image image = Image.stored(stored.get().name(), altText, Optional.of(captionText), stored.get().size());
        Outcome<Post> written;
        try {
            written = posts.attachImage(current, authorId, image);
        } catch (RuntimeException e) {
            try {
                afterUnknownFate(authorId, slug, key, picture);
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        return switch (written) {
            case Outcome.Done<Post> d -> {
                attached(key, picture);
                yield d;
            }
            case Outcome.Refused<Post> r -> {
                // Busy: DynamoDB may still be applying the write when the save gave up on it.
                boolean fateUnknown = r.refusal() instanceof Refusal.Busy;
                Outcome<Post> now;
                try {
                    now = fateUnknown ? afterUnknownFate(authorId, slug, key, picture) : keptIfShown(authorId, slug, key, picture);
                } catch (RuntimeException e) {
                    // The refusal stands, the words typed kept on its page (a 500 would lose them). The copy is left
                    // untagged: a picture's worth of storage, never a shown one lost.
                    Log.warn(fateUnknown ? "image_left_untagged" : "image_let_go_failed", "key", picture, "error", e.getClass().getSimpleName());
                    yield Outcome.refused(r.refusal());
                }
                yield answer(now, authorId, post -> showsFile(post, picture), r.refusal(), altText, captionText, seen);
            }
        };
    }

    /**
     * The checked version of the upload under the picture's key as readers get it (PictureForReaders: no larger than they
     * need, upright, without its camera's metadata) or, when it is fit as it is or is not made, as uploaded (copied); and
     * its size so. Empty, storing nothing, when the upload is gone or is no longer that version. Every save of one upload to one
     * post stores the same file under the same key, as copies did; other bytes put to its key since, another.
     */
    private Optional<Stored> storedForReaders(Uploaded upload, String postId) {
        Optional<ImageBucket.Chunk> whole = bucket.read(upload.key(), Optional.of(upload.version()), 0, (int) upload.bytes());
        if (whole.isEmpty()) {
            return Optional.empty();
        }
        Optional<PictureForReaders.Made> made = PictureForReaders.of(whole.get().bytes(), upload.type());
        if (made.isPresent()) {
            String name = ObjectKeys.imageName(upload.key(), upload.version(), postId, made.get().type());
            bucket.put(ObjectKeys.image(name), made.get().bytes(), made.get().type());
            return Optional.of(new Stored(name, made.get().size()));
        }
        String name = ObjectKeys.imageName(upload.key(), upload.version(), postId, upload.type());
        return bucket.copy(upload.key(), upload.version(), ObjectKeys.image(name), upload.type())
                ? Optional.of(new Stored(name, upload.size())) : Optional.empty();
    }

    /** A picture stored for a post: its name (of the type stored: a photo sent as a PNG is stored as a JPEG) and its size. */
    private record Stored(String name, Image.Size size) {
    }

    /**
     * After a save's write was refused by its conditions: the copy stays, attached, if the post shows it (another
     * click's save committed it), and is marked for the lifecycle if not. Every save of one upload's version to one post
     * copies it to the same key, so the copy is never this request's alone to delete (with saves at once, deleting it could take
     * the picture the post shows). Marked, the post is read once more: a save of it that committed in
     * between, and marked it attached before this marked it unattached, would otherwise leave its picture to the
     * lifecycle. The post as last read.
     */
    private Outcome<Post> keptIfShown(String authorId, String slug, String key, String picture) {
        Outcome<Post> now = posts.getToChange(slug, authorId);
        if (!shownBy(now, picture)) {
            bucket.markUnattached(picture);
            now = posts.getToChange(slug, authorId);
        }
        if (shownBy(now, picture)) {
            attached(key, picture);
        }
        return now;
    }

    /**
     * After a save's write of unknown fate (an error, or busy: DynamoDB may still be applying it when the save gave up
     * on it): the copy is never marked for the lifecycle, since the write may commit after any read made now, and the
     * post would then show a picture the lifecycle deletes. Attached if the post, read now, shows it; otherwise left
     * untagged, and logged: a picture's worth of storage, with its upload kept for a second try. The post as read.
     */
    private Outcome<Post> afterUnknownFate(String authorId, String slug, String key, String picture) {
        Outcome<Post> now = posts.getToChange(slug, authorId);
        if (shownBy(now, picture)) {
            attached(key, picture);
        } else {
            Log.warn("image_left_untagged", "key", picture);
        }
        return now;
    }

    /** Whether the post, as read, shows this very file (this version of the upload, made for it). */
    private static boolean shownBy(Outcome<Post> read, String picture) {
        return read instanceof Outcome.Done<Post> d && showsFile(d.value(), picture);
    }

    /**
     * The post, read now, shows this upload's picture already (an earlier click saved it: {@code ours} tells), or the
     * refusal stands.
     */
    private Outcome<Post> alreadyOnThePost(String authorId, String slug, Predicate<Post> ours, Refusal refusal, String alt, String caption,
                                           Seen seen) {
        return answer(posts.getToChange(slug, authorId), authorId, ours, refusal, alt, caption, seen);
    }

    /** What a save answers, given the post as read after its own attempt: done if it shows this save's picture. */
    private Outcome<Post> answer(Outcome<Post> now, String authorId, Predicate<Post> ours, Refusal refusal, String alt, String caption,
                                 Seen seen) {
        return switch (now) {
            case Outcome.Done<Post> d when ours.test(d.value()) -> withTextAsTyped(d.value(), authorId, alt, caption, seen);
            case Outcome.Done<Post> d -> Outcome.refused(refusal);
            case Outcome.Refused<Post> r -> r;
        };
    }

    /**
     * The post that shows this upload's picture, with the alt text and caption typed now. A second save of the
     * same picture (the author went back and changed its alt text, say) changes its text, not answering "saved"
     * with the first text kept. Only when the author's page was the post as it is now, or the one change since was
     * this picture's own save (the version its save wrote is the post's): text changed since in the edit form is not
     * written over (Stale). Only the picture's text is written, conditioned on the version just read. (The first alone
     * would answer a client that reads the post again after its save, as the 412 says to, 412 every time; any one
     * change since, taken for the save's own, would let a save sent again with its answer's ETag write over text
     * changed in the edit form since.)
     */
    private Outcome<Post> withTextAsTyped(Post post, String authorId, String alt, String caption, Seen seen) {
        Image shown = post.summary().image().orElseThrow();
        Image typed = shown.withText(alt, Optional.of(caption));
        if (typed.equals(shown)) {
            return Outcome.done(post);
        }
        return seen.matches(post.summary()) || onlyThisSaveSince(post.summary(), seen) ? posts.attachImage(post, authorId, typed)
                : Outcome.refused(new Refusal.Stale());
    }

    /**
     * Whether the author saw the post just before its picture's save: the post is at the version that save wrote, and
     * the one they saw was the one before it, as far as a version or an ETag (its id and version) can tell.
     */
    private static boolean onlyThisSaveSince(PostSummary s, Seen seen) {
        OptionalLong savedIn = s.image().map(Image::savedIn).orElse(OptionalLong.empty());
        return savedIn.equals(OptionalLong.of(s.version())) && seen.matches(s.withVersion(s.version() - 1));
    }

    /**
     * Whether the post's picture is one made from this upload for it, of whichever version: what a save can tell once
     * its upload is gone (a save sent twice, the first one's done).
     */
    private static boolean shows(Post post, String key) {
        String start = ObjectKeys.imagesOf(key, post.summary().id());
        return post.summary().image().flatMap(Image::storedName).filter(n -> n.startsWith(start)).isPresent();
    }

    /** Whether the post's picture is this very file (a picture's key). */
    private static boolean showsFile(Post post, String picture) {
        return post.summary().image().flatMap(Image::storedName).map(ObjectKeys::image).filter(picture::equals).isPresent();
    }

    /** Whether the post's picture is the one made from this version of the upload for it. */
    private static boolean showsVersion(Post post, Uploaded upload) {
        String id = ObjectKeys.imageId(upload.key(), upload.version(), post.summary().id());
        return post.summary().image().flatMap(Image::storedName).filter(n -> n.startsWith(id + ".")).isPresent();
    }

    /**
     * After the commit: the picture is the post's, and its upload is no longer needed. The copy has no tag unless a
     * racing save of it marked it unattached; the mark takes that off.
     */
    private void attached(String upload, String picture) {
        try {
            bucket.markAttached(picture);
        } catch (RuntimeException e) {
            // Kept all the same, unless a racing save marked it unattached: then the lifecycle would take it in two days.
            Log.error("image_attach_mark_failed", e, "key", picture);
        }
        deleteQuietly(upload);
    }

    /** Best effort: a file left behind is marked unattached (or under uploads/), and the lifecycle takes it. */
    private void deleteQuietly(String key) {
        try {
            bucket.delete(key);
        } catch (RuntimeException e) {
            Log.warn("image_delete_failed", "key", key, "error", e.getClass().getSimpleName());
        }
    }

    /** A short-lived address of an upload of this author's (to show it before it is saved), or of a post's picture. */
    public Optional<URI> readUrl(String authorId, String key) {
        return ObjectKeys.isUploadOf(authorId, key) ? Optional.of(bucket.readUrl(key, READ_URL_LIFETIME)) : Optional.empty();
    }

    /** A short-lived address of a post's picture by its name; empty for a name the upload steps never make. */
    public Optional<URI> pictureUrl(String name) {
        return Image.isStoredName(name) ? Optional.of(bucket.readUrl(ObjectKeys.image(name), READ_URL_LIFETIME)) : Optional.empty();
    }

    /** Reads more of an upload only where the header parser asks for it, a chunk at a time, within a bound. */
    private final class ChunkedBytes implements ImageHeader.Bytes {
        private final String key;
        private final long size;
        private final String version;
        /** Whether a read found the file gone or another in its place: what was read then says nothing of either. */
        boolean replaced;
        /** Whether a byte past the file's end was asked for. */
        boolean ranOut;
        private final Map<Long, byte[]> chunks = new HashMap<>();

        ChunkedBytes(String key, ImageBucket.Chunk first) {
            this.key = key;
            this.size = first.size();
            this.version = first.version();
            chunks.put(0L, first.bytes());
        }

        /**
         * As {@link ImageHeader.Bytes#indexOf}, reading past the chunks read already a megabyte at a time, of the same version:
         * a JPEG's data is read through to its end-of-image marker (up to the 10 MB an upload may be), where the header's
         * chunks are few.
         */
        @Override
        public long indexOf(long from, int first, int second) {
            int previous = -1;
            long at = Math.max(0, from);
            while (at < size) {
                long index = at / CHUNK;
                byte[] part = chunks.get(index);
                int offset = (int) (at - index * CHUNK);
                long partStart = index * CHUNK;
                if (part == null) {
                    Optional<ImageBucket.Chunk> read = bucket.read(key, Optional.of(version), at, SCAN);
                    replaced |= read.isEmpty();
                    if (read.isEmpty() || read.get().bytes().length == 0) {
                        return -1;
                    }
                    part = read.get().bytes();
                    offset = 0;
                    partStart = at;
                }
                if (offset >= part.length) {
                    return -1; // a chunk that came back short or empty: nothing more to read of this version
                }
                for (int i = offset; i < part.length; i++) {
                    int b = part[i] & 0xff;
                    if (previous == first && b == second) {
                        return partStart + i - 1;
                    }
                    previous = b;
                }
                at = partStart + part.length;
            }
            return -1;
        }

        @Override
        public int at(long position) {
            if (position < 0 || position >= size) {
                ranOut |= position >= size;
                return -1;
            }
            long index = position / CHUNK;
            byte[] chunk = chunks.get(index);
            if (chunk == null) {
                if (chunks.size() >= MAX_CHUNKS) {
                    return -1;
                }
                // The same version as the first chunk, or nothing: a header is never read from two files.
                Optional<ImageBucket.Chunk> read = bucket.read(key, Optional.of(version), index * CHUNK, CHUNK);
                replaced |= read.isEmpty();
                chunk = read.map(ImageBucket.Chunk::bytes).orElse(new byte[0]);
                chunks.put(index, chunk);
            }
            int offset = (int) (position - index * CHUNK);
            return offset < chunk.length ? chunk[offset] & 0xff : -1;
        }
    }
}
