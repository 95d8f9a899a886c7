package se.inlagg.http;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import se.inlagg.posts.FieldError;

/**
 * An answer that is not what the client wanted, said once in both languages the service speaks:
 * English for programs (the JSON error shape) and Swedish for people (the error page).
 */
public record Problem(int status, String code, String message, String swedish, List<FieldError> details,
                      Optional<Duration> retryAfter) {

    public Problem {
        details = List.copyOf(details);
    }

    Problem(int status, String code, String message, String swedish) {
        this(status, code, message, swedish, List.of(), Optional.empty());
    }
}
