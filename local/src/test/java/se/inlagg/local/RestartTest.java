package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The local server keeps its data in DATA_DIR: a restart loses nothing. */
class RestartTest {

    @Test
    void postsTagsAndTheAuthorSurviveARestart() throws Exception {
        Path data = Files.createTempDirectory("inlagg-restart");
        try {
            String before;
            try (var first = new ServerExtension(data)) {
                assertEquals(201, first.http.createPost("Kvar efter omstart", "2019-01-30", "Omstart").status());
                before = first.http.get("/api/posts/kvar-efter-omstart").body();
            }
            try (var second = new ServerExtension(data)) {
                assertEquals(before, second.http.get("/api/posts/kvar-efter-omstart").body());
                assertEquals(1, second.http.get("/api/tags").json().path("items").get(0).path("count").asInt());
                assertEquals(201, second.http.createPost("Efter omstart", null).status(), "the same token still writes");
            }
        } finally {
            ServerExtension.delete(data);
        }
    }
}
