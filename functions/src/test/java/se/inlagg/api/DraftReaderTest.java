package se.inlagg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import se.inlagg.http.ProblemException;
import se.inlagg.json.Json;
import se.inlagg.posts.FieldError;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.PostDraft;
import se.inlagg.posts.PostRules;
import se.inlagg.posts.Refusal;
import se.inlagg.posts.SiteTime;

class DraftReaderTest {

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String text) {
        return (Map<String, Object>) Json.read(text);
    }

    static List<String> fields(ProblemException e) {
        return e.problem().details().stream().map(FieldError::field).toList();
    }

    @Test
    void theCreateBodyBecomesADraft() {
        var draft = DraftReader.post(json("""
                {"title": "Att gästspela som chef", "body": "Text", "author": {"name": "Åsa", "office": "Malmö"},
                 "tags": ["Frivård"], "image": {"url": "https://e.se/a.jpg", "caption": "Foto"}, "status": "draft"}"""), NO_RULES);
        assertEquals(Optional.of("Att gästspela som chef"), draft.title());
        assertEquals(Optional.of("Malmö"), draft.authorOffice());
        assertEquals(List.of("Frivård"), draft.tags());
        assertEquals(Optional.of("Foto"), draft.imageCaption());
        assertEquals(Optional.of("draft"), draft.status());
    }

    @Test
    void wrongTypesUnknownFieldsAndNullsInListsAreNamed() {
        var e = assertThrows(ProblemException.class, () -> DraftReader.post(json("""
                {"title": 1, "author": "Åsa", "tags": ["a", null, 3], "image": {"url": true, "x": 1}, "tagz": []}"""), NO_RULES));
        assertEquals(400, e.problem().status());
        assertEquals(List.of("tagz", "author", "image.x", "title", "tags[1]", "tags[2]", "image.url"), fields(e));
    }

    /**
     * A field the API does not know is refused naming it, wherever it is, rather than dropped unseen (a client that sends
     * "titel" for "title" learns so at once); an empty date is refused, not read as "now".
     */
    @Test
    void anUnknownFieldInTheBylineAndAnEmptyDateAreNamed() {
        var unknown = assertThrows(ProblemException.class, () -> DraftReader.post(json("""
                {"title": "Rubrik", "body": "Text", "author": {"name": "Åsa", "titel": "Chef"}}"""), NO_RULES));
        assertEquals(List.of("author.titel"), fields(unknown));
        var emptyDate = assertThrows(ProblemException.class, () -> DraftReader.post(json("""
                {"title": "Rubrik", "body": "Text", "author": {"name": "Åsa"}, "publishedAt": ""}"""), NO_RULES));
        assertEquals(400, emptyDate.problem().status());
        assertEquals(List.of("publishedAt"), fields(emptyDate));
    }

    /**
     * {"title": null, "body": null, "author": null, "tags": [null]} names tags[0] and the missing title, text and name in
     * one answer, not one after another: a type error comes with what the rules say of the rest.
     */
    @Test
    void aTypeErrorComesWithWhatTheRulesSayOfTheOtherFieldsEachNamedOnce() {
        var time = new SiteTime(ZoneId.of("Europe/Stockholm"), Clock.systemUTC());
        Function<PostDraft, List<FieldError>> rules = d -> PostRules.check(d, time)
                instanceof Outcome.Refused<?> r && r.refusal() instanceof Refusal.Invalid i ? i.errors() : List.of();
        var e = assertThrows(ProblemException.class, () -> DraftReader.post(json("""
                {"title": null, "body": null, "author": null, "tags": [null]}"""), rules));
        assertEquals(List.of("tags[0]", "title", "body", "author.name"), fields(e));
        var typed = assertThrows(ProblemException.class, () -> DraftReader.post(json("""
                {"title": 7, "body": "Text", "author": {"name": "Åsa"}}"""), rules));
        assertEquals(List.of("title"), fields(typed), "the title named once, for its type");
        assertEquals(Optional.of("Text"), DraftReader.post(json("""
                {"title": "Rubrik", "body": "Text", "author": {"name": "Åsa"}}"""), rules).body(), "a body without a type error reads as before");
    }

    /**
     * A patch of the title alone, merged onto a post (EditPostHandler), leaves every other field the post has as it was:
     * its byline, categories as they are spelled, excerpt and picture with its alt text and caption.
     */
    @Test
    void aPatchOfTheTitleAloneKeepsEveryOtherFieldOfThePost() {
        var draft = DraftReader.merged(MergePatch.apply(PostJson.createFields(PostJsonShapeTest.POST), json("{\"title\": \"Ny rubrik\"}")));
        assertEquals(Optional.of("Ny rubrik"), draft.title());
        assertEquals(Optional.of(PostJsonShapeTest.POST.body()), draft.body());
        assertEquals(Optional.of("Åsa Öberg"), draft.authorName());
        assertEquals(Optional.of("Frivårdsinspektör"), draft.authorRole());
        assertEquals(Optional.of("Frivården Ystad"), draft.authorOffice());
        assertEquals(List.of("Frivård", "Samverkan"), draft.tags());
        assertEquals(Optional.of("Vi träffades i Ystad."), draft.excerpt());
        assertEquals(Optional.of("Hamnen i Ystad"), draft.imageAlt());
        assertEquals(Optional.of("Foto: Åsa Öberg"), draft.imageCaption());
        assertEquals(Optional.of("published"), draft.status());
    }

    static final Function<PostDraft, List<FieldError>> NO_RULES = d -> List.of();

    @Test
    void aTagRequestNeedsItsList() {
        assertEquals(List.of("Frivård", "RBM"), DraftReader.tagList(json("{\"tags\": [\"Frivård\", \"RBM\"]}")));
        assertEquals(List.of("tags"), fields(assertThrows(ProblemException.class, () -> DraftReader.tagList(json("{}")))));
        assertEquals(List.of("tags"), fields(assertThrows(ProblemException.class, () -> DraftReader.tagList(json("{\"tags\": \"Frivård\"}")))));
        assertEquals(List.of("taggar"), fields(assertThrows(ProblemException.class,
                () -> DraftReader.tagList(json("{\"tags\": [\"Frivård\"], \"taggar\": [\"RBM\"]}")))), "a field it does not know, named");
    }
}
