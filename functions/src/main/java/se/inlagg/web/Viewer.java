package se.inlagg.web;

/** A signed-in author looking at a page: who, and the CSRF token their forms must carry. */
public record Viewer(String authorId, String csrf) {
}
