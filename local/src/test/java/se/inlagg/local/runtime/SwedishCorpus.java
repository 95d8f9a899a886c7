package se.inlagg.local.runtime;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import se.inlagg.posts.PostDraft;

/**
 * Posts as a staff blog of the Swedish probation service would have them, made up from a fixed seed:
 * titles, paragraphs and lists from everyday work, a byline from one of forty people at twenty
 * offices, two or three of sixteen categories, dates over ten years. The same posts every run.
 */
final class SwedishCorpus {

    static final List<String> OFFICES = List.of("Frivården Linköping", "Frivården Västervik", "Frivården Norrköping", "Frivården Malmö",
            "Frivården Ystad", "Frivården Kalmar", "Frivården Göteborg", "Frivården Umeå", "Frivården Luleå", "Frivården Sundsvall",
            "Anstalten Skänninge", "Anstalten Hall", "Anstalten Kumla", "Häktet Göteborg", "Häktet Malmö", "Huvudkontoret Norrköping",
            "Frivården Örebro", "Frivården Växjö", "Frivården Gävle", "Frivården Jönköping");
    static final List<String> FIRST = List.of("Åsa", "Per", "Karin", "Anna", "Johan", "Märta", "Örjan", "Lena", "Mikael", "Sofia");
    static final List<String> LAST = List.of("Öberg", "Persson", "Lund", "Lindqvist");
    static final List<String> ROLES = List.of("Frivårdsinspektör", "Kriminalvårdare", "Enhetschef", "Programledare", "Handläggare");
    static final List<String> TAGS = List.of("Frivård", "Samverkan", "RBM", "Kontraktsvård", "Ledarskap", "Arbetsmiljö", "Utbildning",
            "Klientarbete", "Frigivning", "Kultur", "Säkerhet", "Återfall", "Övervakning", "Personal", "Digitalisering", "Hälsa");
    static final List<String> SUBJECTS = List.of("Månadsmöte", "Studiebesök", "Utbildningsdag", "Nytt arbetssätt", "Samverkansmöte",
            "Kontraktsvård", "Frigivning", "Personalfest", "Nya lokaler", "Klientråd", "Friskvård", "Handledning", "Övervakningsnämnd");
    static final List<String> SENTENCES = List.of(
            "Vid månadens möte träffades frivården och anstalten för att prata om samverkan inför frigivning.",
            "Klienterna ska få en tydlig plan redan från första dagen.",
            "Vi har haft många möten om hur kontraktsvården kan bli bättre.",
            "Arbetsmiljön på kontoret har blivit lugnare sedan vi flyttade.",
            "Programledarna berättade om sina erfarenheter av återfallsprevention.",
            "Det finns fortfarande mycket att lära om digitala möten med klienter.",
            "Kollegorna i Norrköping delade med sig av sina rutiner för övervakning.",
            "Övervakningsnämnden besökte oss och ställde många frågor om säkerheten.",
            "Under hösten ska alla medarbetare gå utbildningen i motiverande samtal.",
            "En kontaktperson per klient gör det lättare att följa upp planen.",
            "Studiebesöket i Västervik gav oss nya idéer om samverkan med kommunen.",
            "Vi firade att enheten fyllde tjugo år med tårta och tal.",
            "Klientrådet tyckte att väntrummet borde bli trevligare.",
            "Handledningen i grupp har hjälpt många av oss att hantera svåra samtal.",
            "Friskvårdstimmen används mest till promenader på lunchen.",
            "Chefen för frivården i Linköping gästspelade hos oss i tre veckor.",
            "Frigivningen planeras tillsammans med anstalten, kommunen och klienten.",
            "Risk- och behovsbedömningen görs nu på samma sätt i hela landet.",
            "Personalen på häktet berättade om hur de tar emot nya intagna.",
            "Vi har börjat med korta morgonmöten, stående, varje dag.");
    static final List<String> POINTS = List.of("gemensamma rutiner vid frigivning", "en kontaktperson per klient", "uppföljning varje kvartal",
            "tydligare ansvar mellan myndigheterna", "mer tid för samtal", "bättre lokaler för besök", "utbildning för nyanställda",
            "digitala möten när det passar klienten");

    private SwedishCorpus() {
    }

    /** The i:th of the made-up posts (the same for the same i); its title ends with its number, so each is unique. */
    static PostDraft post(int i) {
        return post(i, 1);
    }

    /**
     * Post number i, its body {@code lengths} times as many paragraphs as by default (some 150 words): real posts run
     * longer, and an index's size, which decides how Lucene merges it, grows with their words.
     */
    static PostDraft post(int i, int lengths) {
        Random r = new Random(42L * 1_000_003 + i);
        String office = OFFICES.get(r.nextInt(OFFICES.size()));
        String name = FIRST.get(r.nextInt(FIRST.size())) + " " + LAST.get(r.nextInt(LAST.size()));
        String title = SUBJECTS.get(r.nextInt(SUBJECTS.size())) + " i " + office.substring(office.indexOf(' ') + 1) + " nr " + i;
        StringBuilder body = new StringBuilder();
        int paragraphs = (3 + r.nextInt(5)) * lengths;
        for (int p = 0; p < paragraphs; p++) {
            int sentences = 2 + r.nextInt(3);
            for (int s = 0; s < sentences; s++) {
                body.append(SENTENCES.get(r.nextInt(SENTENCES.size()))).append(' ');
            }
            body.append("\n\n");
            if (p == 1) {
                for (int k = 0; k < 3; k++) {
                    body.append("- ").append(POINTS.get(r.nextInt(POINTS.size()))).append('\n');
                }
                body.append('\n');
            }
        }
        List<String> tags = new ArrayList<>();
        int count = 2 + r.nextInt(2);
        while (tags.size() < count) {
            String tag = TAGS.get(r.nextInt(TAGS.size()));
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        LocalDate date = LocalDate.of(2015, 1, 1).plusDays(r.nextInt(3650));
        String time = String.format("%sT%02d:%02d", date, 7 + r.nextInt(10), r.nextInt(60));
        return new PostDraft(Optional.of(title), Optional.of(body.toString().strip()), Optional.of(name),
                Optional.of(ROLES.get(r.nextInt(ROLES.size()))), Optional.of(office), tags, Optional.of(time), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("published"));
    }
}
