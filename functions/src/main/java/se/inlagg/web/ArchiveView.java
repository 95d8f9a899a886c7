package se.inlagg.web;

import java.util.List;

/** The archive: every year with posts, newest first, each with its months (newest first) and counts. */
public record ArchiveView(List<Year> years) {

    /** One year: its number, its posts in all, and a link per month with posts. */
    public record Year(int year, long count, List<FacetIndexView.Entry> months) {
        public Year {
            months = List.copyOf(months);
        }

        public String anchor() {
            return "ar-" + year;
        }

        public String countText() {
            return Swedish.posts(count);
        }
    }

    public ArchiveView {
        years = List.copyOf(years);
    }
}
