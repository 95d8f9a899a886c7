package se.inlagg.http;

/** Stops a request that cannot go on; the edge renders its problem as JSON or as a page. */
public final class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.status() + " " + problem.code(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
