package se.inlagg.store;

/**
 * DynamoDB kept throttling or conflicting past the SDK's retries and our time budget: the client
 * should try again shortly, and nothing was written.
 */
public final class StoreBusyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
