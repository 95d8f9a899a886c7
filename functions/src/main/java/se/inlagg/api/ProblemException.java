package se.inlagg.api;

/** Stops a request that cannot go on, carrying the error answer {@link Problems} made for it. */
public final class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient ApiResponse response;

    public ProblemException(ApiResponse response) {
        super("HTTP " + response.status(), null, false, false);
        this.response = response;
    }

    public ApiResponse response() {
        return response;
    }
}
