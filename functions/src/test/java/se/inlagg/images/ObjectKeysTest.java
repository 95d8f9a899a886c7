package se.inlagg.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.inlagg.posts.Image;

class ObjectKeysTest {

    static final String ASA = "5ad2042c-f7f5-47ac-98da-d4ede0d324ab";

    @Test
    void anUploadIsAnAuthorsOwnAndNothingElse() {
        String key = ObjectKeys.newUpload(ASA);
        assertTrue(key.startsWith("uploads/" + ASA + "/"), key);
        assertTrue(ObjectKeys.isUploadOf(ASA, key));
        assertFalse(ObjectKeys.isUploadOf("0b7e4a1c-1111-4222-8333-944455556666", key), "another author's");
        assertFalse(ObjectKeys.isUploadOf(ASA, "uploads/" + ASA + "/../../images/aaaaaaaaaaaaaaaaaaaaaaaaaa.jpg"));
        assertFalse(ObjectKeys.isUploadOf(ASA, "images/" + key.substring(key.lastIndexOf('/') + 1)));
        assertNotEquals(key, ObjectKeys.newUpload(ASA), "random");
    }

    @Test
    void aKeyInTheAuthorsFolderThatNoFormMadeIsNoUpload() {
        // Only the form's own keys (32 random characters) are read, judged and deleted as uploads: not the folder itself, a
        // guessable name, or one in a folder below it.
        String key = ObjectKeys.newUpload(ASA);
        String random = key.substring(key.lastIndexOf('/') + 1);
        for (String other : List.of("uploads/" + ASA + "/", "uploads/" + ASA + "/bild.jpg", "uploads/" + ASA + "/x/" + random,
                key + "x", key.substring(0, key.length() - 1), "uploads/" + ASA + "/" + random.substring(1) + "/")) {
            assertFalse(ObjectKeys.isUploadOf(ASA, other), other);
        }
    }

    @Test
    void aPicturesNameComesFromItsUploadAndIsOneTheSiteServes() {
        String key = ObjectKeys.newUpload(ASA);
        String name = ObjectKeys.imageName(key, "\"etag-1\"", "post-1", ImageType.WEBP);
        assertEquals(name, ObjectKeys.imageName(key, "\"etag-1\"", "post-1", ImageType.WEBP), "the same upload on the same post makes the same name");
        assertNotEquals(name, ObjectKeys.imageName(key, "\"etag-1\"", "post-2", ImageType.WEBP), "on another post, a file of its own");
        String other = ObjectKeys.imageName(key, "\"etag-2\"", "post-1", ImageType.WEBP);
        assertNotEquals(name, other, "other bytes put to the same key: a file of their own");
        assertTrue(name.endsWith(".webp") && Image.isStoredName(name) && Image.isStoredName(other), name);
        assertTrue(name.startsWith(ObjectKeys.imageId(key, "\"etag-1\"", "post-1") + "."));
        assertTrue(name.startsWith(ObjectKeys.imagesOf(key, "post-1")) && other.startsWith(ObjectKeys.imagesOf(key, "post-1")),
                "both tell the upload on the post");
        assertFalse(name.startsWith(ObjectKeys.imagesOf(key, "post-2")));
        assertEquals("images/" + name, ObjectKeys.image(name));
        assertThrows(IllegalArgumentException.class, () -> ObjectKeys.image("../uploads/x.jpg"));
    }
}
