package se.inlagg.web;

import java.util.Optional;

/**
 * The page that asks before a post is deleted: a GET never deletes, the form's POST does. Both answers lead back to the
 * list of "Mina inlägg" the author came from.
 */
public record DeleteView(String title, String href, long version, String csrf, Optional<String> notice, Shown from) {
}
