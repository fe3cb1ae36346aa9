package org.tiqu.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class LexiconTest {

    private static Lexicon of(String... words) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String w : words) {
            entries.put(w, w);
        }
        return new Lexicon("t.words", entries);
    }

    @Test
    void theAlternationIsATrieTryingLongerWordsFirst() {
        assertEquals("(?:[个件]|万(?:[元吨]|千(?:瓦))?|人(?:次)?)", of("个", "人", "人次", "件", "万元", "万吨", "万", "万千瓦").regex());
        assertEquals("(?:[\\+\\-\\.])", of("-", "+", ".").regex());
        assertEquals("(?:𠀀(?:a)?)", of("𠀀", "𠀀a").regex());
        assertEquals("(?:)", of().regex());
    }

    @Test
    void theLongestWordATextStartsOrEndsWith() {
        Lexicon words = of("部", "部门", "全部", "所以");
        assertEquals("部门", words.longestPrefixOf("部门负责"));
        assertEquals("部", words.longestPrefixOf("部署"));
        assertEquals(null, words.longestPrefixOf("社会"));
        assertEquals("全部", words.longestSuffixOf("几乎全部"));
        assertEquals(null, words.longestSuffixOf("部门口"));
        assertEquals(null, words.longestPrefixOf(""));
    }

    /** The look-ups in a range of a text find what the look-ups in its substring find. */
    @Test
    void rangeLookUpsFindWhatSubstringLookUpsFind() {
        Lexicon words = of("部", "部门", "全部", "所以", "门口");
        Random random = new Random(11);
        String alphabet = "部门全所以口X";
        for (int n = 0; n < 3000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = text.toString();
            int from = random.nextInt(s.length() + 1);
            int to = from + random.nextInt(s.length() - from + 1);
            String prefix = words.longestPrefixOf(s.substring(from, to));
            String suffix = words.longestSuffixOf(s.substring(from, to));
            assertEquals(prefix == null ? 0 : prefix.length(), words.prefixLength(s, from, to), s + " " + from + " " + to);
            assertEquals(suffix == null ? 0 : suffix.length(), words.suffixLength(s, from, to), s + " " + from + " " + to);
        }
    }

    /** The trie finds, at every place, the match a longest-first list of the words finds. */
    @Test
    void theTrieMatchesWhatALongestFirstListMatches() {
        String[] words = {"公里", "平方公里", "平方米", "米", "千米", "千瓦时", "千瓦", "万千瓦", "万", "万元", "元", "人次", "人", "a.b", "a"};
        Lexicon lexicon = of(words);
        String list = List.of(words).stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|", "(?:", ")"));
        // A word followed by something that forces backtracking into a shorter word.
        Pattern trie = Pattern.compile("(" + lexicon.regex() + ")(?:时|里)?X");
        Pattern longestFirst = Pattern.compile("(" + list + ")(?:时|里)?X");
        Random random = new Random(7);
        String alphabet = "公里平方米千瓦时万元人次a.bX";
        for (int n = 0; n < 5000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertEquals(matches(longestFirst, text), matches(trie, text), text.toString());
        }
    }

    private static List<String> matches(Pattern p, CharSequence text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.start() + ":" + m.group(1) + ":" + m.end());
        }
        return out;
    }
}
