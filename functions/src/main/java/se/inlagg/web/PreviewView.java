package se.inlagg.web;

/** The bar above a previewed post: its status, and the ways to publish it from there. */
public record PreviewView(String href, String status, String statusClass, boolean visible, PublishingView publishing) {
}
