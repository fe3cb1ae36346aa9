package org.tiqu.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The documents of a derived file read and rendered on a few threads, handed over in their
 * order (issue 19): {@code metrics.csv}, {@code mentions.csv} and the audit pages read every
 * records file back and parse its lines, and on one thread that was most of a batch's final
 * phase (15 s of 27 s for 4,380 documents on the shared machine). At most a few documents per
 * thread are ahead of the one handed over, so memory stays flat however large the batch; what
 * is written is the same bytes in the same order as on one thread.
 */
public final class InOrder {

    /** Documents read ahead per thread: enough to keep the threads busy while the writer writes. */
    private static final int AHEAD_PER_THREAD = 8;

    /** The thread count derived files are made with when the caller gives none: the machine's cores. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    @FunctionalInterface
    public interface Step<T, R> {
        R apply(T item) throws IOException;
    }

    @FunctionalInterface
    public interface Sink<R> {
        void accept(R result) throws IOException;
    }

    private InOrder() {
    }

    /**
     * Applies {@code step} to every item on {@code threads} threads and gives each result to
     * {@code sink}, on the calling thread, in the items' order. The first failure stops it and
     * is thrown.
     */
    public static <T, R> void map(List<T> items, int threads, Step<T, R> step, Sink<R> sink) throws IOException {
        if (threads <= 1 || items.size() < 2) {
            for (T item : items) {
                sink.accept(step.apply(item));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tiqu-derived");
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<R>> ahead = new ArrayDeque<>();
            int window = threads * AHEAD_PER_THREAD;
            int next = 0;
            while (next < items.size() || !ahead.isEmpty()) {
                while (next < items.size() && ahead.size() < window) {
                    T item = items.get(next++);
                    ahead.add(pool.submit(() -> {
                        try {
                            return step.apply(item);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }));
                }
                sink.accept(result(ahead.removeFirst()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R result(Future<R> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while writing a derived file");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
