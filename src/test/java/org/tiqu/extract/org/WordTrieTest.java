package org.tiqu.extract.org;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.tiqu.text.Span;

class WordTrieTest {

    private static WordTrie<String> trie(String... words) {
        WordTrie<String> trie = new WordTrie<>();
        for (String w : words) {
            trie.add(w, w.toUpperCase());
        }
        return trie;
    }

    @Test
    void longestFindsLeftmostLongestWithoutOverlap() {
        List<WordTrie.Hit<String>> hits = trie("国务院", "国务院台办", "台办").longest("经国务院台办批准", 10);
        assertEquals(1, hits.size());
        assertEquals(new Span(11, 16), hits.get(0).span());
        assertEquals("国务院台办", hits.get(0).word());
    }

    @Test
    void allFindsEveryWordAtEveryStart() {
        List<WordTrie.Hit<String>> hits = trie("委员会", "员会", "会").all("委员会", 0);
        assertEquals(List.of(new Span(0, 3), new Span(1, 3), new Span(2, 3)), hits.stream().map(WordTrie.Hit::span).toList());
    }

    @Test
    void spansCountCodePoints() {
        List<WordTrie.Hit<String>> hits = trie("集团").longest("𠀀集团", 0);
        assertEquals(new Span(1, 3), hits.get(0).span());
    }

    @Test
    void siblingsAddedInAnyOrderAreAllFound() {
        // Children are kept sorted for bisection: words added out of order must all be reachable.
        WordTrie<String> t = trie("中心", "中学", "中共", "中", "学院", "院");
        List<String> found = t.all("中共中学中心学院", 0).stream().map(WordTrie.Hit::word).toList();
        assertEquals(List.of("中", "中共", "中", "中学", "中", "中心", "学院", "院"), found);
    }

    @Test
    void wordsStartingOutsideTheBasicPlaneAreFound() {
        List<WordTrie.Hit<String>> hits = trie("𠀀集团").longest("在𠀀集团", 0);
        assertEquals(List.of(new Span(1, 4)), hits.stream().map(WordTrie.Hit::span).toList());
    }
}
