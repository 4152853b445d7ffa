package org.raqib.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a limit, streaming: once the limit is passed the subscription is cancelled (the
 * connection dropped), so a 1 GB or endless response never occupies more than the limit in memory.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** Thrown (as the body's failure) when the body passes the limit and overflow is an error. */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge(int limit) {
            super("response body is larger than " + limit + " bytes");
        }
    }

    private final int limit;
    private final boolean failOnOverflow;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    /** Collects at most {@code limit} bytes; past it fails with {@link TooLarge}, or keeps the prefix when not. */
    CappedBody(int limit, boolean failOnOverflow) {
        this.limit = limit;
        this.failOnOverflow = failOnOverflow;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            int n = buffer.remaining();
            if (bytes.size() + n > limit) {
                subscription.cancel();
                if (failOnOverflow) {
                    result.completeExceptionally(new TooLarge(limit));
                } else {
                    byte[] part = new byte[limit - bytes.size()];
                    buffer.get(part);
                    bytes.write(part, 0, part.length);
                    result.complete(bytes.toByteArray());
                }
                return;
            }
            byte[] chunk = new byte[n];
            buffer.get(chunk);
            bytes.write(chunk, 0, n);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }
}
