package org.tiqu.document;

import java.time.Duration;

import org.tiqu.TiquException;

/**
 * The time budget of one document. Rules are data, and a bad regex can backtrack for
 * hours on the wrong line; so every pattern runs over a view of the text that checks
 * the clock as the regex engine reads it ({@link #guard}), and a document that
 * overruns is stopped with {@link Exceeded} while the batch goes on.
 */
public final class Deadline {

    /** A document stopped for taking longer than its budget. */
    public static final class Exceeded extends TiquException {
        public Exceeded(Duration budget) {
            super("stopped after exceeding its time budget of " + budget.toMillis() + " ms");
        }
    }

    private static final Deadline NONE = new Deadline(null, Long.MAX_VALUE);
    /** How many characters the regex engine may read between two looks at the clock. */
    private static final int CHECK_EVERY = 4096;

    private final Duration budget;
    private final long deadlineNanos;

    private Deadline(Duration budget, long deadlineNanos) {
        this.budget = budget;
        this.deadlineNanos = deadlineNanos;
    }

    public static Deadline none() {
        return NONE;
    }

    /** A deadline {@code budget} from now. */
    public static Deadline after(Duration budget) {
        return new Deadline(budget, System.nanoTime() + budget.toNanos());
    }

    public boolean unlimited() {
        return budget == null;
    }

    /** Throws {@link Exceeded} when the budget is spent. */
    public void check() {
        if (budget != null && System.nanoTime() - deadlineNanos > 0) {
            throw new Exceeded(budget);
        }
    }

    /** {@code text} as a sequence whose reads check this deadline now and then. */
    public CharSequence guard(String text) {
        return unlimited() ? text : new Guarded(text, 0, text.length());
    }

    private final class Guarded implements CharSequence {
        private final String text;
        private final int offset;
        private final int length;
        private int reads;

        Guarded(String text, int offset, int length) {
            this.text = text;
            this.offset = offset;
            this.length = length;
        }

        @Override
        public char charAt(int index) {
            if (++reads == CHECK_EVERY) {
                reads = 0;
                check();
            }
            return text.charAt(offset + index);
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Guarded(text, offset + start, end - start);
        }

        @Override
        public String toString() {
            return text.substring(offset, offset + length);
        }
    }
}
