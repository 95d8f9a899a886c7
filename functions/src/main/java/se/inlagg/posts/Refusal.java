package se.inlagg.posts;

import java.time.Duration;
import java.util.List;

/**
 * Why an operation did not happen, when that is not a bug: the client asked for something that
 * cannot be done now. The API maps each kind to one HTTP status in exactly one place.
 */
public sealed interface Refusal {

    /** The request itself is malformed or breaks a limit; nothing was changed. */
    record Invalid(List<FieldError> errors) implements Refusal {
        public Invalid {
            errors = List.copyOf(errors);
        }

        public static Invalid of(String field, String message) {
            return new Invalid(List.of(new FieldError(field, message)));
        }
    }

    /** No post, tag or other thing by that name. */
    record NotFound(String what) implements Refusal {
    }

    /** The change is well-formed but would break a rule given what is stored now. */
    record Unprocessable(String code, String message, String field) implements Refusal {
    }

    /** The client's copy is out of date: the post changed since the version it named. */
    record Stale(String message) implements Refusal {
    }

    /** Others kept winning the race for the same items; trying again later will work. */
    record Busy(Duration retryAfter) implements Refusal {
    }
}
