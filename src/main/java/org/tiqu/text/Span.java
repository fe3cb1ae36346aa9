package org.tiqu.text;

/**
 * A half-open range {@code [begin, end)} of Unicode code points in a source text.
 *
 * <p>This is the only offset type that leaves the {@code text} package: Java's
 * {@code Matcher}, HanLP's terms and OpenNLP all count UTF-16 units, and are
 * converted to code points at one boundary ({@link CodePointText}, {@link MatchView}).
 */
public record Span(int begin, int end) implements Comparable<Span> {

    public Span {
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("invalid span [" + begin + ", " + end + ")");
        }
    }

    public int length() {
        return end - begin;
    }

    public boolean overlaps(Span other) {
        return begin < other.end && other.begin < end;
    }

    public boolean contains(Span other) {
        return begin <= other.begin && other.end <= end;
    }

    public boolean contains(int offset) {
        return begin <= offset && offset < end;
    }

    @Override
    public int compareTo(Span other) {
        return begin != other.begin ? Integer.compare(begin, other.begin) : Integer.compare(end, other.end);
    }

    @Override
    public String toString() {
        return "[" + begin + ", " + end + ")";
    }
}
