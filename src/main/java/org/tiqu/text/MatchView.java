package org.tiqu.text;

/**
 * The text that extractors match on: the source with full-width ASCII forms folded
 * to ASCII ({@code １３．７２％} → {@code 13.72%}) and odd spaces to a plain space,
 * plus an exact alignment back to source code points.
 *
 * <p>The source is never edited. For every UTF-16 unit of the view the alignment
 * records the source code points it came from, so any regex match on the view maps
 * back to the source span that produced it, even where one source character becomes
 * several view characters or the reverse.
 */
public final class MatchView {

    private final String view;
    /** Source code point where the source run of view unit {@code u} starts. */
    private final int[] sourceBegin;
    /** Source code point where the source run of view unit {@code u} ends. */
    private final int[] sourceEnd;
    private final int sourceLength;

    private MatchView(String view, int[] sourceBegin, int[] sourceEnd, int sourceLength) {
        this.view = view;
        this.sourceBegin = sourceBegin;
        this.sourceEnd = sourceEnd;
        this.sourceLength = sourceLength;
    }

    public static MatchView of(String source) {
        StringBuilder view = new StringBuilder(source.length());
        int[] begin = new int[source.length() + 1];
        int[] end = new int[source.length() + 1];
        int cp = 0;
        for (int unit = 0; unit < source.length(); ) {
            int c = source.codePointAt(unit);
            int folded = fold(c);
            int v = view.length();
            if (v + 2 > begin.length) {
                begin = java.util.Arrays.copyOf(begin, begin.length * 2 + 2);
                end = java.util.Arrays.copyOf(end, end.length * 2 + 2);
            }
            view.appendCodePoint(folded);
            for (int i = v; i < view.length(); i++) {
                begin[i] = cp;
                end[i] = cp + 1;
            }
            unit += Character.charCount(c);
            cp++;
        }
        int n = view.length();
        if (cp != source.codePointCount(0, source.length())) {
            throw new IllegalStateException("alignment did not consume the whole source");
        }
        return new MatchView(view.toString(), java.util.Arrays.copyOf(begin, n), java.util.Arrays.copyOf(end, n), cp);
    }

    /** The folded form of one source code point. Folds keep a character's meaning, never its position. */
    static int fold(int c) {
        if (c >= 0xFF01 && c <= 0xFF5E) {
            return c - 0xFEE0;
        }
        if (c == 0x3000 || c == 0x00A0 || c == 0x2002 || c == 0x2003 || c == 0x2009) {
            return ' ';
        }
        return c;
    }

    public String text() {
        return view;
    }

    /** The source span of the view range {@code [unitBegin, unitEnd)} given in UTF-16 units of the view. */
    public Span toSource(int unitBegin, int unitEnd) {
        if (unitBegin < 0 || unitEnd > view.length() || unitEnd < unitBegin) {
            throw new IndexOutOfBoundsException("view range [" + unitBegin + ", " + unitEnd + ") outside [0, " + view.length() + "]");
        }
        if (unitBegin == unitEnd) {
            int at = unitBegin == view.length() ? sourceLength : sourceBegin[unitBegin];
            return new Span(at, at);
        }
        return new Span(sourceBegin[unitBegin], sourceEnd[unitEnd - 1]);
    }

    /** The first view unit that comes from source code point {@code cp} or later. */
    public int toView(int cp) {
        int lo = 0;
        int hi = view.length();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sourceBegin[mid] < cp) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
