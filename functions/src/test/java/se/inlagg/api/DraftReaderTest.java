package se.inlagg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.inlagg.http.ProblemException;
import se.inlagg.json.Json;
import se.inlagg.posts.FieldError;

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
                 "tags": ["Frivård"], "image": {"url": "https://e.se/a.jpg", "caption": "Foto"}, "status": "draft"}"""));
        assertEquals(Optional.of("Att gästspela som chef"), draft.title());
        assertEquals(Optional.of("Malmö"), draft.authorOffice());
        assertEquals(List.of("Frivård"), draft.tags());
        assertEquals(Optional.of("Foto"), draft.imageCaption());
        assertEquals(Optional.of("draft"), draft.status());
    }

    @Test
    void wrongTypesUnknownFieldsAndNullsInListsAreNamed() {
        var e = assertThrows(ProblemException.class, () -> DraftReader.post(json("""
                {"title": 1, "author": "Åsa", "tags": ["a", null, 3], "image": {"url": true, "x": 1}, "tagz": []}""")));
        assertEquals(400, e.problem().status());
        assertEquals(List.of("tagz", "author", "image.x", "title", "tags[1]", "tags[2]", "image.url"), fields(e));
    }

    @Test
    void aTagRequestNeedsItsList() {
        assertEquals(List.of("Frivård", "RBM"), DraftReader.tagList(json("{\"tags\": [\"Frivård\", \"RBM\"]}")));
        assertEquals(List.of("tags"), fields(assertThrows(ProblemException.class, () -> DraftReader.tagList(json("{}")))));
        assertEquals(List.of("tags"), fields(assertThrows(ProblemException.class, () -> DraftReader.tagList(json("{\"tags\": \"Frivård\"}")))));
    }
}
