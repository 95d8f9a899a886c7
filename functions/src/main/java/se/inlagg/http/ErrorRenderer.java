package se.inlagg.http;

/** Turns a problem into an answer in one format: the API's JSON error shape, or a Swedish page. */
public interface ErrorRenderer {

    HttpResponse render(HttpRequest request, Problem problem);
}
