package se.inlagg.web;

import java.util.Optional;

/**
 * The bar above a previewed post: what was just saved, its status, and the ways to publish it from there. The
 * confirmation is in the bar, before its controls, so the next Tab from the focus it takes reaches them (in the
 * post's header, after the bar, the next Tab would go on into the post).
 */
public record PreviewView(Optional<Notice> done, String href, String status, String statusClass, boolean visible, PublishingView publishing) {
}
