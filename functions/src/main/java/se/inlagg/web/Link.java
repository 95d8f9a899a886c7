package se.inlagg.web;

/** Text that leads somewhere: a category, a person, a page of a list. */
public record Link(String text, String href) {

    /** The text as a title starts it: "Inlägg av Åsa Öberg" of a link written within a sentence. */
    public String asTitle() {
        return Views.sentenceStart(text);
    }
}
