package se.inlagg.store;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Sends each DynamoDB request's body as a whole rather than streamed, which saves a millisecond of
 * waiting on every call after a container's first.
 *
 * <p>The URL-connection client streams any body whose length it is told (the request's
 * {@code Content-Length}). Before it sends a streamed POST on a kept-alive connection, the JDK reads
 * from the socket with a one-millisecond timeout to see whether the server has closed it
 * ({@code sun.net.www.http.HttpClient.available}); on a live connection that read always waits the
 * whole millisecond and ends in an exception. Every DynamoDB call is a POST, so every call but a
 * container's first would pay it (docs/PERFORMANCE.md, "Warm answers"). Without the header, the JDK
 * buffers the body (DynamoDB's are small: at most a 4 MB transaction) and sends it with the length it
 * counted; the header is removed before signing, so the signature leaves it out.
 *
 * <p>What the check was for, the JDK then does after the fact: when a connection fails before the
 * answer's first line (the server closed it while it sat idle), it sends the request once more on a
 * new one, at once. The SDK's own retry of an I/O error would send it again too, later; every write
 * that touches more than one item is a transaction whose token makes a repeat answer the first
 * ({@link Transactions}), and the single-item writes set values, but for the sign-in limit's count of
 * failures, which a repeat could raise by one.
 */
final class UnstreamedBodies implements ExecutionInterceptor {

    private static final String CONTENT_LENGTH = "Content-Length";

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        SdkHttpRequest request = context.httpRequest();
        if (request.firstMatchingHeader(CONTENT_LENGTH).isEmpty()) {
            return request;
        }
        return request.toBuilder().removeHeader(CONTENT_LENGTH).build();
    }
}
