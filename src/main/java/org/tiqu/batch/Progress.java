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

    /**
     * A line at every tenth of the batch (and at most one every 5 s otherwise): quiet in logs,
     * still alive. Each says how far, how long so far, the rate and what is left at that rate:
     * {@code tiqu: 120/438 documents (27%), 12 s, 10.0 documents/s, about 32 s left}.
     */
    final class LogLines implements Progress {
        private final int total;
        private final PrintStream log;
        private final long start = System.nanoTime();
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
                log.println(line(count, total, (now - start) / 1e9));
                lastLine = now;
            }
        }

        /** The progress line for {@code count} of {@code total} after {@code seconds}. */
        static String line(int count, int total, double seconds) {
            StringBuilder line = new StringBuilder("tiqu: ").append(count).append('/').append(total)
                    .append(total == 1 ? " document" : " documents");
            if (total > 0) {
                line.append(" (").append(100L * count / total).append("%)");
            }
            line.append(", ").append(duration(seconds));
            if (seconds > 0) {
                double rate = count / seconds;
                line.append(String.format(java.util.Locale.ROOT, ", %.1f documents/s", rate));
                if (count < total && rate > 0) {
                    line.append(", about ").append(duration((total - count) / rate)).append(" left");
                }
            }
            return line.toString();
        }

        /** {@code 12 s}, {@code 3 min 05 s}, {@code 1 h 02 min}. */
        static String duration(double seconds) {
            long s = Math.round(seconds);
            if (s < 60) {
                return s + " s";
            }
            if (s < 3600) {
                return String.format(java.util.Locale.ROOT, "%d min %02d s", s / 60, s % 60);
            }
            return String.format(java.util.Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
        }

        @Override
        public void close() {
        }
    }
}
