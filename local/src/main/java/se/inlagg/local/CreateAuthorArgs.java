package se.inlagg.local;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import se.inlagg.posts.Byline;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.PostRules;
import se.inlagg.posts.Refusal;

/**
 * What {@code create-author} was asked for: the author's profile (name, and optionally role and
 * office, as bylines show them) and whether to write to the deployed table (--aws).
 */
record CreateAuthorArgs(Byline profile, boolean aws) {

    static final String USAGE = "create-author [--role ROLE] [--office OFFICE] [--aws] \"Name Surname\"";

    /**
     * Options in any order before or after the name; the words that are not options make the name ("--" ends the options,
     * for a name that begins with a dash). The profile passes the rules a profile saved at /profile or PUT /api/me passes
     * (else a name only in Cyrillic, of 500 letters or with a control character makes an author whose every post is
     * refused for its byline).
     */
    static CreateAuthorArgs parse(List<String> args) {
        Optional<String> role = Optional.empty();
        Optional<String> office = Optional.empty();
        boolean aws = false;
        boolean options = true;
        // "--role A --role B" would keep B without a word: each is given once.
        boolean repeated = false;
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!options && (arg.equals("--aws") || arg.equals("--role") || arg.equals("--office"))) {
                // "-- -Per Persson --aws" is a name, not a local author named "-Per Persson --aws".
                throw new UsageException(arg + " after --, where only the name goes: put the options before --");
            } else if (!options || !arg.startsWith("-")) {
                name.append(name.isEmpty() ? "" : " ").append(arg.strip());
            } else if (arg.equals("--")) {
                options = false;
            } else if (arg.equals("--aws")) {
                aws = true;
            } else if (arg.equals("--role") || arg.equals("--office")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(arg + " needs a value");
                }
                Optional<String> value = Optional.of(args.get(++i));
                if (arg.equals("--role")) {
                    repeated |= role.isPresent();
                    role = value;
                } else {
                    repeated |= office.isPresent();
                    office = value;
                }
            } else if (arg.startsWith("--role=")) {
                repeated |= role.isPresent();
                role = Optional.of(arg.substring("--role=".length()));
            } else if (arg.startsWith("--office=")) {
                repeated |= office.isPresent();
                office = Optional.of(arg.substring("--office=".length()));
            } else {
                throw new UsageException("unknown option " + arg + " (a name that begins with a dash goes after --)");
            }
        }
        if (name.isEmpty()) {
            throw new UsageException("the author needs a name");
        }
        // Bytes the terminal sent that are not UTF-8 reach Java as U+FFFD: refused, rather than a byline of "�" stored for
        // good.
        if (Stream.of(Optional.of(name.toString()), role, office).flatMap(Optional::stream).anyMatch(v -> v.indexOf('\uFFFD') >= 0)) {
            throw new UsageException("the byline holds characters the terminal did not send as UTF-8 (shown as \uFFFD): set its"
                    + " encoding to UTF-8 (LANG=C.UTF-8, say) and type it again");
        }
        if (repeated) {
            throw new UsageException("--role and --office are each given once");
        }
        return switch (PostRules.checkByline(Optional.of(name.toString()), role, office)) {
            case Outcome.Done<Byline> d -> new CreateAuthorArgs(d.value(), aws);
            case Outcome.Refused<Byline> r -> throw new UsageException("the byline is refused, as the site would refuse it: "
                    + (r.refusal() instanceof Refusal.Invalid i ? i.errors().stream().map(e -> (e.field().equals("author.name") ? "the name"
                    : e.field().equals("author.role") ? "--role" : "--office") + " " + e.message()).collect(Collectors.joining("; "))
                    : r.refusal().toString()));
        };
    }
}
