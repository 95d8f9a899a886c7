package se.inlagg.web;

/** Text that leads somewhere: a category, a person, a page of a list. */
public record Link(String text, String href) {
}
