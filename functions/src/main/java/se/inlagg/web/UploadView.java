package se.inlagg.web;

import java.util.Optional;
import se.inlagg.images.UploadForm;

/**
 * The page that sends a picture straight to the bucket: the signed form (the file goes last), the time
 * of day it is good until ("15.32"), what went wrong with the file before, if anything, the picture
 * the post has now, and what it says of the words typed for the picture that go with it to its description page.
 *
 * @param back the way back to the post's edit form, carrying those words
 */
public record UploadView(String title, UploadForm upload, String validUntil, Optional<String> problem,
                         Optional<PostView.Figure> current, Optional<String> wordsKept, String back) {
}
