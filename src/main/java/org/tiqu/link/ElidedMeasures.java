package org.tiqu.link;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Supplies a measure an item leaves to its heading figure (ANNOTATION: "an elided indicator
 * repeated from the item before"): after 六大支柱及特色工业增加值增长14.5%，其中， each
 * sector's growth (装备制造增长38.7%) is that sector's 增加值; a bare measure after a sector's
 * figure (农林牧渔业总产值25.39亿元…；增加值14.46亿元) is that sector's measure.
 */
final class ElidedMeasures {

    private final MetricCues cues;

    ElidedMeasures(MetricCues cues) {
        this.cues = cues;
    }

    void supply(LinkText t, List<MetricDraft> drafts) {
        // an item given its measure leads on to the next item from the same heading figure
        Map<MetricDraft, MetricDraft> headOfItem = new HashMap<>();
        for (int i = 1; i < drafts.size(); i++) {
            MetricDraft d = drafts.get(i);
            if (d.indicator == null || d.listHead != null) {
                continue;
            }
            MetricDraft head = headOf(t, drafts, i);
            head = headOfItem.getOrDefault(head, head);
            if (head == null || head.indicator == null) {
                continue;
            }
            String measure = shortestMeasureSuffix(head.indicator);
            if (measure == null || head.indicator.length() == measure.length()) {
                continue;
            }
            if (cues.measureWords.contains(d.indicator) && !head.indicator.endsWith(d.indicator)) {
                // 增加值14.46亿元 after 农林牧渔业总产值…: the sector's 增加值
                d.indicator = head.indicator.substring(0, head.indicator.length() - longestMeasureSuffix(head.indicator).length())
                        + d.indicator;
                d.indicatorBegin = -1;
            } else if (MetricLinker.BARE_CHANGE.equals(d.rule) && MetricLinker.BARE_CHANGE.equals(head.rule)
                    && cues.measureWords.longestSuffixOf(d.indicator) == null && afterSubset(t, head, d)) {
                d.indicator = d.indicator + measure; // 其中，装备制造增长38.7%
                d.indicatorBegin = -1;
                headOfItem.put(d, head);
            }
        }
    }

    /** The nearest earlier draft of the same sentence (read to 。) that is no share, or null. */
    private static MetricDraft headOf(LinkText t, List<MetricDraft> drafts, int i) {
        MetricDraft d = drafts.get(i);
        int sentenceStart = t.fullSentenceStart(d.sentence).begin();
        for (int j = i - 1; j >= 0; j--) {
            MetricDraft x = drafts.get(j);
            if (x.value.begin() < sentenceStart) {
                return null;
            }
            if (!x.isShare()) {
                return x;
            }
        }
        return null;
    }

    /** 其中 stands between the heading figure and the item. */
    private boolean afterSubset(LinkText t, MetricDraft head, MetricDraft d) {
        String between = t.slice(head.value.end(), d.value.begin());
        return cues.subsetWords.entries().keySet().stream().anyMatch(between::contains);
    }

    private String shortestMeasureSuffix(String indicator) {
        String best = null;
        for (String m : cues.measureWords.entries().keySet()) {
            if (indicator.endsWith(m) && (best == null || m.length() < best.length())) {
                best = m;
            }
        }
        return best;
    }

    private String longestMeasureSuffix(String indicator) {
        return cues.measureWords.longestSuffixOf(indicator);
    }
}
