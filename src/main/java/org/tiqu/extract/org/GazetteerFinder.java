package org.tiqu.extract.org;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import opennlp.tools.dictionary.Dictionary;
import opennlp.tools.namefind.DictionaryNameFinder;
import opennlp.tools.util.StringList;

import org.tiqu.text.Span;

/**
 * Well-known bodies found with OpenNLP's {@link DictionaryNameFinder}. Its tokens are the
 * code points of the text, not HanLP's words: a name HanLP splits differently (国台/办) is
 * still found, and OpenNLP's token spans are code-point spans with no conversion at all.
 */
final class GazetteerFinder {

    private final Dictionary dictionary = new Dictionary(true);
    private final Map<String, String> canonical;

    GazetteerFinder(Map<String, String> names) {
        this.canonical = Map.copyOf(names);
        for (String name : names.keySet()) {
            dictionary.put(new StringList(codePoints(name)));
        }
    }

    /** The canonical full name of a gazetteer entry, or null. */
    String canonical(String surface) {
        return canonical.get(surface);
    }

    /** Longest gazetteer names in {@code text}, as code-point spans shifted by {@code base}. */
    List<Span> find(String text, int base) {
        // DictionaryNameFinder keeps state between calls only for clearAdaptiveData; one per call is cheap.
        DictionaryNameFinder finder = new DictionaryNameFinder(dictionary, "ORG");
        List<Span> out = new ArrayList<>();
        for (opennlp.tools.util.Span s : finder.find(codePoints(text))) {
            out.add(new Span(base + s.getStart(), base + s.getEnd()));
        }
        return out;
    }

    private static String[] codePoints(String text) {
        return text.codePoints().mapToObj(Character::toString).toArray(String[]::new);
    }
}
