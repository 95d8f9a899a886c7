package se.inlagg.images;

import java.util.Optional;
import java.util.function.Supplier;
import se.inlagg.ops.Log;
import se.inlagg.posts.ImageFiles;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The files of posts' own pictures in the bucket, for the rules of posts: deleting after a commit is
 * best effort (a file left is kept, unseen, never a picture lost). The bucket is reached only when a
 * write drops a picture, so functions that never do never build an S3 client.
 */
public final class BucketImageFiles implements ImageFiles {

    private final Supplier<Optional<ImageBucket>> bucket;

    public BucketImageFiles(Supplier<Optional<ImageBucket>> bucket) {
        this.bucket = bucket;
    }

    @Override
    public void discard(String name) {
        bucket.get().ifPresent(b -> {
            try {
                b.delete(ObjectKeys.image(name));
            } catch (SdkException e) {
                Log.warn("image_delete_failed", "name", name, "error", e.getClass().getSimpleName());
            }
        });
    }
}
