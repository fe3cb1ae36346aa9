package org.tiqu.text;

/**
 * A string addressed in code points. Converting between code points and UTF-16
 * units is free for text inside the Basic Multilingual Plane (the common case) and
 * a table look-up otherwise.
 */
public final class CodePointText {

    private final String text;
    private final int codePointCount;
    /** UTF-16 index of each code point, plus the length at the end; null when the text is all BMP. */
    private final int[] unitOfCodePoint;

    public CodePointText(String text) {
        this.text = text;
        this.codePointCount = text.codePointCount(0, text.length());
        if (codePointCount == text.length()) {
            unitOfCodePoint = null;
        } else {
            unitOfCodePoint = new int[codePointCount + 1];
            int unit = 0;
            for (int cp = 0; cp < codePointCount; cp++) {
                unitOfCodePoint[cp] = unit;
                unit += Character.charCount(text.codePointAt(unit));
            }
            unitOfCodePoint[codePointCount] = text.length();
        }
    }

    public String text() {
        return text;
    }

    public int length() {
        return codePointCount;
    }

    /** The UTF-16 index at which code point {@code cp} starts; {@code length()} maps to the string's end. */
    public int unitIndex(int cp) {
        if (cp < 0 || cp > codePointCount) {
            throw new IndexOutOfBoundsException("code point " + cp + " outside [0, " + codePointCount + "]");
        }
        return unitOfCodePoint == null ? cp : unitOfCodePoint[cp];
    }

    /** The code point index of UTF-16 index {@code unit} (which must not split a surrogate pair). */
    public int codePointIndex(int unit) {
        if (unitOfCodePoint == null) {
            return unit;
        }
        return text.codePointCount(0, unit);
    }

    public String slice(Span span) {
        if (span.end() > codePointCount) {
            throw new IndexOutOfBoundsException("span " + span + " beyond text of " + codePointCount + " code points");
        }
        return text.substring(unitIndex(span.begin()), unitIndex(span.end()));
    }

    public int codePointAt(int cp) {
        return text.codePointAt(unitIndex(cp));
    }
}
