package org.tiqu.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A pattern loosened so that an attempt at a position reads nothing before the character
 * just before it: lookbehinds keep only their one-character alternatives (negative) or go
 * (positive), and word boundaries go. Every match of the original is a match of this one
 * (each change only weakens an assertion), so when this one cannot start with the three
 * characters {@code before c after}, the original cannot either.
 *
 * <p>Why: the rules guard their starts with lookbehinds that reach several characters back
 * ({@code (?<!(?:^|[^0-9])[0-9]{2}\s?年)}); such an attempt reads before any fixed window,
 * so {@link StartChars} could not tell from the characters around a position that the
 * pattern fails there, and tried the full pattern at every numeral and every 上 or 这.
 *
 * <p>Patterns this cannot loosen soundly (atomic groups, possessive quantifiers, back
 * references) give null, and are tried as before.
 */
final class ForwardPattern {

    private final String regex;
    private int at;

    private ForwardPattern(String regex) {
        this.regex = regex;
    }

    /** The loosened pattern, or null when {@code pattern} has constructs that cannot be loosened soundly. */
    static Pattern of(Pattern pattern) {
        if ((pattern.flags() & (Pattern.COMMENTS | Pattern.LITERAL | Pattern.CANON_EQ)) != 0
                || pattern.pattern().contains("(?x") || pattern.pattern().contains("(?-x")) {
            return null;
        }
        try {
            ForwardPattern parser = new ForwardPattern(pattern.pattern());
            String loosened = parser.alternation();
            if (parser.at != parser.regex.length()) {
                return null;
            }
            return Pattern.compile(loosened, pattern.flags());
        } catch (Unsupported | PatternSyntaxException e) {
            return null;
        }
    }

    /** Thrown for a construct whose loosening would not be sound. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    /** Parsed text: the loosened form, and whether the original read behind its position. */
    private record Piece(String loosened, boolean readsBehind) {
    }

    private String alternation() {
        return sequence().loosened();
    }

    /** Up to the closing parenthesis of the enclosing group (not consumed) or the end. */
    private Piece sequence() {
        StringBuilder out = new StringBuilder();
        boolean behind = false;
        while (at < regex.length() && regex.charAt(at) != ')') {
            char c = regex.charAt(at);
            if (c == '(') {
                Piece group = group();
                out.append(group.loosened());
                behind |= group.readsBehind();
            } else if (c == '[') {
                out.append(charClass());
            } else if (c == '\\') {
                Piece escape = escape();
                out.append(escape.loosened());
                behind |= escape.readsBehind();
            } else {
                out.append(c);
                at++;
            }
            out.append(quantifier());
        }
        return new Piece(out.toString(), behind);
    }

    private Piece group() {
        String open;
        if (regex.startsWith("(?<=", at) || regex.startsWith("(?<!", at)) {
            boolean negative = regex.charAt(at + 3) == '!';
            at += 4;
            int begin = at;
            sequence();
            String inner = regex.substring(begin, at);
            expect(')');
            // Loosened: a positive lookbehind holds (gone); a negative one keeps the
            // alternatives that read one character, and drops the rest.
            String kept = negative ? oneCharacterAlternatives(inner) : "";
            return new Piece(kept.isEmpty() ? "" : "(?<!" + kept + ")", true);
        }
        if (regex.startsWith("(?!", at)) {
            at += 3;
            int begin = at;
            Piece inner = sequence();
            String original = regex.substring(begin, at);
            expect(')');
            // Loosening inside a negative lookahead would make it stricter: drop it whole instead.
            return inner.readsBehind() ? new Piece("", true) : new Piece("(?!" + original + ")", false);
        }
        if (regex.startsWith("(?>", at)) {
            throw new Unsupported();
        }
        if (regex.startsWith("(?=", at) || regex.startsWith("(?:", at)) {
            open = regex.substring(at, at + 3);
        } else if (regex.startsWith("(?<", at)) {
            int close = regex.indexOf('>', at);
            open = regex.substring(at, close + 1); // a named group
        } else if (regex.startsWith("(?", at)) {
            int end = at + 2;
            while (end < regex.length() && Character.isLetter(regex.charAt(end)) || end < regex.length() && regex.charAt(end) == '-') {
                end++;
            }
            if (end < regex.length() && regex.charAt(end) == ')') {
                String flags = regex.substring(at, end + 1);
                at = end + 1;
                return new Piece(flags, false); // inline flags for the rest of the group
            }
            open = regex.substring(at, end + 1); // (?i: ...)
        } else {
            open = "(";
        }
        at += open.length();
        Piece inner = sequence();
        expect(')');
        return new Piece(open + inner.loosened() + ")", inner.readsBehind());
    }

    private Piece escape() {
        if (at + 1 >= regex.length()) {
            throw new Unsupported();
        }
        char next = regex.charAt(at + 1);
        if (next == 'b' || next == 'B') {
            at += 2;
            return new Piece("", true);
        }
        if (next == 'k' || next == 'G' || next >= '1' && next <= '9') {
            throw new Unsupported();
        }
        int begin = at;
        if (next == 'Q') {
            at = RegexSyntax.quotedEnd(regex, at);
            return new Piece(regex.substring(begin, at), false);
        }
        at += 2;
        if ((next == 'p' || next == 'P' || next == 'x' || next == 'N') && at < regex.length() && regex.charAt(at) == '{') {
            at = regex.indexOf('}', at) + 1;
            if (at == 0) {
                throw new Unsupported();
            }
        }
        return new Piece(regex.substring(begin, at), false);
    }

    private String charClass() {
        int end = RegexSyntax.classEnd(regex, at);
        if (end < 0) {
            throw new Unsupported();
        }
        String text = regex.substring(at, end);
        at = end;
        return text;
    }

    private String quantifier() {
        RegexSyntax.Quantifier q = RegexSyntax.quantifierAt(regex, at);
        if (q == null) {
            return "";
        }
        if (q.possessive()) {
            throw new Unsupported();
        }
        String text = regex.substring(at, q.end());
        at = q.end();
        return text;
    }

    private void expect(char c) {
        if (at >= regex.length() || regex.charAt(at) != c) {
            throw new Unsupported();
        }
        at++;
    }

    /** The alternatives of a lookbehind's body that are one character class, escape or literal. */
    private static String oneCharacterAlternatives(String body) {
        List<String> kept = new ArrayList<>();
        for (String alternative : topLevelAlternatives(body)) {
            if (isOneCharacter(alternative)) {
                kept.add(alternative);
            }
        }
        return String.join("|", kept);
    }

    private static boolean isOneCharacter(String alternative) {
        if (alternative.isEmpty()) {
            return false;
        }
        ForwardPattern p = new ForwardPattern(alternative);
        char c = alternative.charAt(0);
        try {
            if (c == '[') {
                p.charClass();
            } else if (c == '\\') {
                char next = alternative.length() > 1 ? alternative.charAt(1) : 0;
                if ("bBAzZGRXQ".indexOf(next) >= 0) {
                    return false;
                }
                p.escape();
            } else if ("()|^$*+?{".indexOf(c) >= 0) {
                return false;
            } else {
                p.at = Character.charCount(alternative.codePointAt(0));
            }
        } catch (Unsupported e) {
            return false;
        }
        return p.at == alternative.length();
    }

    private static List<String> topLevelAlternatives(String body) {
        List<String> out = new ArrayList<>();
        ForwardPattern p = new ForwardPattern(body);
        int begin = 0;
        while (p.at < body.length()) {
            char c = body.charAt(p.at);
            if (c == '|') {
                out.add(body.substring(begin, p.at));
                p.at++;
                begin = p.at;
            } else if (c == '(') {
                p.at = RegexSyntax.groupEnd(body, p.at);
                if (p.at < 0) {
                    throw new Unsupported();
                }
            } else if (c == '[') {
                p.charClass();
            } else if (c == '\\') {
                p.escape();
            } else {
                p.at++;
            }
        }
        out.add(body.substring(begin));
        return out;
    }
}
