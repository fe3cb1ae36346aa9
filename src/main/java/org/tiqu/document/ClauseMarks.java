package org.tiqu.document;

import java.util.Arrays;

import org.tiqu.text.CodePointText;
import org.tiqu.text.Span;

/**
 * Where the runs of clause marks of a text are, so that the clause around an offset is found
 * by a binary search rather than by walking to its marks: a step that asks for the clause of
 * each of a million names in one clause of a million characters would otherwise walk it a
 * million times. Gives exactly what {@link Document#clauseAt} gives.
 */
final class ClauseMarks {

    /** Code point offsets where each run of marks begins, ascending. */
    private final int[] runBegins;
    /** Where each run ends (exclusive). */
    private final int[] runEnds;

    private ClauseMarks(int[] runBegins, int[] runEnds) {
        this.runBegins = runBegins;
        this.runEnds = runEnds;
    }

    static ClauseMarks of(CodePointText text) {
        String s = text.text();
        int[] begins = new int[16];
        int[] ends = new int[16];
        int runs = 0;
        int cp = 0;
        boolean inRun = false;
        for (int i = 0; i < s.length(); cp++) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            boolean mark = Document.isClauseMark(c);
            if (mark && !inRun) {
                if (runs == begins.length) {
                    begins = Arrays.copyOf(begins, runs * 2);
                    ends = Arrays.copyOf(ends, runs * 2);
                }
                begins[runs] = cp;
                runs++;
            }
            if (mark) {
                ends[runs - 1] = cp + 1;
            }
            inRun = mark;
        }
        return new ClauseMarks(Arrays.copyOf(begins, runs), Arrays.copyOf(ends, runs));
    }

    /** {@link Document#clauseAt} of this text. */
    Span clauseAt(Span sentence, int offset) {
        int begin = sentence.begin();
        // The last run holding a mark before offset: its mark nearest to offset must lie in the sentence.
        int before = lastRunBeginningBefore(offset);
        if (before >= 0 && Math.min(runEnds[before] - 1, offset - 1) >= sentence.begin()) {
            begin = Math.max(runBegins[before], sentence.begin());
        }
        int end = Math.max(offset, sentence.end()); // as the walk, which starts at offset
        // The first run holding a mark at or after offset.
        int after = firstRunEndingAfter(offset);
        if (after < runBegins.length && Math.max(runBegins[after], offset) < sentence.end()) {
            end = Math.min(runEnds[after], sentence.end());
        }
        return new Span(begin, end);
    }

    /** Index of the last run beginning before {@code offset}, or -1. */
    private int lastRunBeginningBefore(int offset) {
        int i = Arrays.binarySearch(runBegins, offset);
        return (i >= 0 ? i : -i - 1) - 1;
    }

    /** Index of the first run ending after {@code offset} (holding a mark at or after it), or the number of runs. */
    private int firstRunEndingAfter(int offset) {
        int i = Arrays.binarySearch(runEnds, offset + 1);
        return i >= 0 ? i : -i - 1;
    }
}
