package org.tiqu.document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.tiqu.text.CodePointText;
import org.tiqu.text.Span;

/**
 * Splits text into sentences at 。！？； (and their ASCII forms) and at line breaks,
 * and tracks the section heading each sentence falls under.
 *
 * <p>A heading is either a numbered lead sentence ({@code （一）综合实力不断提升。},
 * {@code 一、…}) or a short line standing on its own with no sentence punctuation,
 * as press releases write their cross-heads.
 */
public final class SentenceSplitter {

    private static final String TERMINATORS = "。！？；!?;";
    /** Closing marks that stay with the sentence they close: 。” */
    private static final String CLOSERS = "”’」』）)\"'";
    private static final Pattern NUMBERED_HEADING =
            Pattern.compile("^\\s*(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)");
    private static final int MAX_HEADING_LINE = 40;
    private static final Pattern NOT_A_HEADING_LINE = Pattern.compile(".*(?:报道|电|讯|记者.*|\\s\\S.*)$");

    public List<Sentence> split(CodePointText text) {
        String s = text.text();
        List<Sentence> sentences = new ArrayList<>();
        String section = null;
        int paragraph = 0;
        int lineStart = 0;
        while (lineStart < s.length()) {
            int lineEnd = s.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = s.length();
            }
            String line = s.substring(lineStart, lineEnd);
            if (!line.isBlank()) {
                boolean headingLine = isHeadingLine(line);
                int begin = lineStart;
                boolean first = true;
                while (begin < lineEnd) {
                    int end = sentenceEnd(s, begin, lineEnd);
                    int b = skipSpace(s, begin, end);
                    int e = trimSpaceEnd(s, b, end);
                    if (b < e) {
                        String sentenceText = s.substring(b, e);
                        if (headingLine) {
                            section = line.strip();
                        } else if (first && NUMBERED_HEADING.matcher(sentenceText).find()) {
                            section = stripTerminator(sentenceText.strip());
                        }
                        sentences.add(new Sentence(sentences.size(),
                                new Span(text.codePointIndex(b), text.codePointIndex(e)), paragraph, section));
                        first = false;
                    }
                    begin = end;
                }
                paragraph++;
            }
            lineStart = lineEnd + 1;
        }
        return sentences;
    }

    private static boolean isHeadingLine(String line) {
        String t = line.strip();
        if (t.isEmpty() || t.codePointCount(0, t.length()) > MAX_HEADING_LINE) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            if (TERMINATORS.indexOf(t.charAt(i)) >= 0 || t.charAt(i) == '，' && i == t.length() - 1) {
                return false;
            }
        }
        return !NOT_A_HEADING_LINE.matcher(t).matches();
    }

    private static int sentenceEnd(String s, int begin, int lineEnd) {
        for (int i = begin; i < lineEnd; i++) {
            if (TERMINATORS.indexOf(s.charAt(i)) >= 0) {
                int end = i + 1;
                while (end < lineEnd && (TERMINATORS.indexOf(s.charAt(end)) >= 0 || CLOSERS.indexOf(s.charAt(end)) >= 0)) {
                    end++;
                }
                return end;
            }
        }
        return lineEnd;
    }

    private static int skipSpace(String s, int from, int to) {
        while (from < to && Character.isWhitespace(s.charAt(from)) || from < to && s.charAt(from) == '\u3000') {
            from++;
        }
        return from;
    }

    private static int trimSpaceEnd(String s, int from, int to) {
        while (to > from && (Character.isWhitespace(s.charAt(to - 1)) || s.charAt(to - 1) == '\u3000')) {
            to--;
        }
        return to;
    }

    private static String stripTerminator(String t) {
        int end = t.length();
        while (end > 0 && TERMINATORS.indexOf(t.charAt(end - 1)) >= 0) {
            end--;
        }
        return t.substring(0, end);
    }
}
