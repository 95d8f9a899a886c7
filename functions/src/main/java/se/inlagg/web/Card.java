package se.inlagg.web;

import java.util.List;

/** A post as a list shows it: title, date, byline, excerpt and categories. */
public record Card(String title, String href, String datetime, String date, BylineView byline, String excerpt,
                   List<Link> categories) {
}
