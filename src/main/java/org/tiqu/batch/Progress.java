package org.tiqu.batch;

import java.io.PrintStream;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Tells a person how far a batch is: a bar on a terminal, a log line now and then elsewhere. */
interface Progress extends AutoCloseable {

    void step(String outcome);

    @Override
    void close();

    static Progress of(boolean bar, int total, PrintStream log) {
        return bar ? new Bar(total) : new LogLines(total, log);
    }

    /** me.tongfei progressbar, drawn on the terminal (stderr). */
    final class Bar implements Progress {
        private final ProgressBar bar;

        Bar(int total) {
            bar = new ProgressBarBuilder().setTaskName("tiqu").setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200)
                    .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build();
        }

        @Override
        public void step(String outcome) {
            bar.step();
            bar.setExtraMessage(outcome);
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    /** A line at every tenth of the batch (and at most one every 5 s otherwise): quiet in logs, still alive. */
    final class LogLines implements Progress {
        private final int total;
        private final PrintStream log;
        private int count;
        private int nextTenth = 1;
        private long lastLine = System.nanoTime();

        LogLines(int total, PrintStream log) {
            this.total = total;
            this.log = log;
        }

        @Override
        public void step(String outcome) {
            count++;
            long now = System.nanoTime();
            boolean tenth = total > 0 && count * 10L >= (long) nextTenth * total;
            if (tenth || now - lastLine > 5_000_000_000L) {
                while (total > 0 && count * 10L >= (long) nextTenth * total) {
                    nextTenth++;
                }
                log.printf("tiqu: %d/%d documents%n", count, total);
                lastLine = now;
            }
        }

        @Override
        public void close() {
        }
    }
}
