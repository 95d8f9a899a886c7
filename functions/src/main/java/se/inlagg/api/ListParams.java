package se.inlagg.api;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.ProblemException;
import se.inlagg.http.Problems;
import se.inlagg.posts.Facet;
import se.inlagg.posts.FieldError;
import se.inlagg.posts.ListQuery;
import se.inlagg.posts.Page;
import se.inlagg.posts.SiteTime;
import se.inlagg.posts.Status;

/**
 * Reads ?limit, ?cursor, ?status, ?tag, ?author, ?office and ?month into a list query, refusing bad values with 400: each
 * strictly, as search reads them (a name given twice, or not UTF-8, is refused, not joined or replaced).
 */
final class ListParams {

    private ListParams() {
    }

    /** ?limit as a whole number from 1 to max, or the default without one; anything else is noted as an error. */
    static int limit(Optional<String> raw, int fallback, int max, List<FieldError> errors) {
        if (raw.isEmpty()) {
            return fallback;
        }
        String l = raw.get().strip();
        int limit = l.matches("\\d{1,3}") ? Integer.parseInt(l) : -1;
        if (limit < 1 || limit > max) {
            errors.add(new FieldError("limit", "must be a whole number from 1 to " + max));
            return fallback;
        }
        return limit;
    }

    /** ?status as a post's status on the wire ("draft" or "published"), empty without one; anything else is noted as an error. */
    static Optional<Status> status(Optional<String> raw, List<FieldError> errors) {
        Optional<String> given = raw.map(String::strip).filter(s -> !s.isEmpty());
        Optional<Status> status = given.flatMap(Status::fromWire);
        if (given.isPresent() && status.isEmpty()) {
            errors.add(new FieldError("status", "must be draft or published"));
        }
        return status;
    }

    /** ?cursor no longer than any cursor made (every list's and search's); a longer one is noted as an error. */
    static void checkCursor(Optional<String> cursor, List<FieldError> errors) {
        if (cursor.orElse("").length() > Page.MAX_CURSOR) {
            errors.add(new FieldError("cursor", "must be at most " + Page.MAX_CURSOR + " characters"));
        }
    }

    /**
     * The query, or empty when ?tag makes no category's slug (an empty list, not an error). The
     * category is not read: its list alone says what readers see of it, in the one Query a page costs.
     */
    static Optional<ListQuery> read(HttpRequest request) {
        List<FieldError> errors = new ArrayList<>();
        int limit = limit(request.strictQuery("limit"), ListQuery.DEFAULT_LIMIT, ListQuery.MAX_LIMIT, errors);
        // A blank month is left out, as a blank ?tag is, and as search and the pages leave it out.
        Optional<YearMonth> month = request.strictQuery("month").filter(m -> !m.isBlank()).flatMap(m -> {
            Optional<YearMonth> parsed = SiteTime.parseMonth(m.strip());
            if (parsed.isEmpty()) {
                errors.add(new FieldError("month", Facet.NOT_A_MONTH));
            }
            return parsed;
        });
        Optional<String> cursor = request.strictQuery("cursor").filter(c -> !c.isEmpty());
        checkCursor(cursor, errors);
        // A category, a person or an office, as the reader's pages narrow by: an ?author= ignored would answer the whole
        // feed as if it were that person's.
        Map<Facet.Kind, String> given = new LinkedHashMap<>();
        for (Facet.Kind kind : FACETS) {
            request.strictQuery(kind.parameter()).filter(v -> !v.isBlank()).ifPresent(value -> {
                given.put(kind, value);
                if (value.codePointCount(0, value.length()) > Facet.MAX_PARAMETER_VALUE) {
                    errors.add(new FieldError(kind.parameter(), "must be at most " + Facet.MAX_PARAMETER_VALUE + " characters"));
                }
            });
        }
        List<String> names = given.keySet().stream().map(Facet.Kind::parameter).toList();
        if (names.size() > 1) {
            errors.add(new FieldError(names.get(1), "give one of tag, author and office, not " + String.join(" and ", names)));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problems.invalid(errors));
        }
        if (given.isEmpty()) {
            return Optional.of(new ListQuery(Optional.empty(), month, limit, cursor));
        }
        Facet.Kind kind = given.keySet().iterator().next();
        Optional<Facet> facet = Facet.named(kind, given.get(kind));
        // One that makes no slug (only signs) lists nothing: an empty list, not an error, as for a name nobody has.
        return facet.map(f -> new ListQuery(Optional.of(f), month, limit, cursor));
    }

    /** The kinds whose query parameters narrow a list to one facet, at most one of them at a time (a month goes with any). */
    private static final List<Facet.Kind> FACETS = List.of(Facet.Kind.CATEGORY, Facet.Kind.PERSON, Facet.Kind.OFFICE);
}
