package org.tiqu.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tiqu.record.RecordType;

/**
 * Pairs a 、-list of values with what it lists, in order: the items named before 分别
 * (8个省级重点建设项目、41个市重点建设项目分别完成…的76%、72.4%), the years of a range
 * (2021年至2023年，分别实现…52.1亿元、60.4亿元、71.8亿元), or the coordinated indicators
 * written before the values (国家专精特新中小企业和“小巨人”企业240家、16家). When nothing
 * pairs, every value keeps the shared indicator.
 */
final class ListPairing {

    private static final Pattern YEAR_RANGE = Pattern.compile("(\\d{4})/(\\d{4})");
    private static final Pattern COORDINATION = Pattern.compile("[和、及与]");
    /** An item this short names a kind (奶牛, 轻) and leaves the measure to the last item. */
    private static final int SHORT_ITEM = 3;

    private final MetricCues cues;

    ListPairing(MetricCues cues) {
        this.cues = cues;
    }

    void pair(LinkText t, List<MetricDraft> drafts) {
        Map<MetricDraft, List<MetricDraft>> groups = new LinkedHashMap<>();
        for (MetricDraft d : drafts) {
            if (MetricLinker.LIST.equals(d.rule) && d.listHead != null) {
                groups.computeIfAbsent(d.listHead, h -> new ArrayList<>(List.of(h))).add(d);
            } else if (d.respectivelyAt >= 0 && d.listHead == null) {
                groups.computeIfAbsent(d, h -> new ArrayList<>(List.of(h)));
            }
        }
        Map<LinkText.Sent, List<MetricDraft>> itemsOfSentence = new HashMap<>();
        for (List<MetricDraft> group : groups.values()) {
            MetricDraft head = group.get(0);
            if (head.respectivelyAt >= 0) {
                respectively(t, drafts, group, itemsOfSentence);
            } else if (group.size() >= 2) {
                coordinated(t, group, head.indicator, head.indicatorBegin, false);
            }
        }
    }

    private void respectively(LinkText t, List<MetricDraft> drafts, List<MetricDraft> group,
                              Map<LinkText.Sent, List<MetricDraft>> itemsOfSentence) {
        MetricDraft head = group.get(0);
        String phrase = head.indicator.replace("分别", "");
        List<MetricDraft> items = itemsOfSentence.get(head.sentence);
        if (items == null) {
            items = itemsBefore(t, drafts, head);
        }
        if (items.size() == group.size()) {
            itemsOfSentence.put(head.sentence, items);
            for (int j = 0; j < group.size(); j++) {
                MetricDraft d = group.get(j);
                MetricDraft item = items.get(j);
                d.rule = MetricLinker.RESPECTIVELY;
                d.indicator = item.indicator + phrase;
                d.begin = item.indicatorBegin >= 0 ? item.indicatorBegin : item.begin;
            }
            return;
        }
        List<String> years = yearsBefore(t, head);
        if (years.size() == group.size()) {
            for (int j = 0; j < group.size(); j++) {
                group.get(j).rule = MetricLinker.RESPECTIVELY;
                group.get(j).period = years.get(j);
            }
            return;
        }
        if (head.indicatorBegin >= 0 && head.respectivelyAt > head.indicatorBegin) {
            // 研发投入强度和数字经济占比分别为…: the coordinated words before 分别 are the items.
            String items2 = t.slice(head.indicatorBegin, head.respectivelyAt);
            coordinated(t, group, items2, head.indicatorBegin, true);
        }
    }

    /** Value-first items joined by 、 or 和 just before the list, nearest last. */
    private static List<MetricDraft> itemsBefore(LinkText t, List<MetricDraft> drafts, MetricDraft head) {
        List<MetricDraft> chain = new ArrayList<>();
        int at = indexOf(drafts, head) - 1;
        while (at >= 0) {
            MetricDraft d = drafts.get(at);
            if (d.sentence != head.sentence || d.value.type() != RecordType.QUANTITY || d.indicator == null) {
                break;
            }
            if (!chain.isEmpty() && (d.end > chain.get(0).begin
                    || !COORDINATION.matcher(t.slice(d.end, chain.get(0).begin).strip()).matches())) {
                break;
            }
            chain.add(0, d);
            at--;
        }
        return chain;
    }

    /** The draft's position; drafts are in text order of their values. */
    private static int indexOf(List<MetricDraft> drafts, MetricDraft d) {
        int lo = 0;
        int hi = drafts.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int begin = drafts.get(mid).value.begin();
            if (begin == d.value.begin()) {
                return mid;
            } else if (begin < d.value.begin()) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    private static List<String> yearsBefore(LinkText t, MetricDraft head) {
        List<String> years = new ArrayList<>();
        for (LinkText.Placed date : t.within(t.reachBack(head.sentence, head.value.begin()), head.value.begin(), p -> p.type() == RecordType.DATE)) {
            Matcher m = YEAR_RANGE.matcher(String.valueOf(date.mention().value().get("timex")));
            if (m.matches()) {
                years.clear();
                for (int y = Integer.parseInt(m.group(1)); y <= Integer.parseInt(m.group(2)); y++) {
                    years.add(Integer.toString(y));
                }
            }
        }
        return years;
    }

    /** 轻、重工业占比: every item but the last is one character, sharing the rest of the last. */
    private static boolean allOneCharacter(String[] parts) {
        for (int j = 0; j < parts.length - 1; j++) {
            if (parts[j].length() != 1) {
                return false;
            }
        }
        return true;
    }

    /** Splits {@code words} at 和/、 into as many parts as the list has values, or leaves the list alone. */
    private void coordinated(LinkText t, List<MetricDraft> group, String words, int wordsBegin, boolean respectively) {
        if (words == null || wordsBegin < 0 || !t.text.startsWith(words, wordsBegin)) {
            return;
        }
        String[] parts = COORDINATION.split(words, -1);
        if (parts.length != group.size()) {
            return;
        }
        int at = wordsBegin;
        for (int j = 0; j < parts.length; j++) {
            if (parts[j].isEmpty()) {
                return;
            }
        }
        String last = parts[parts.length - 1];
        String measure = cues.measureWords.longestSuffixOf(last);
        for (int j = 0; j < parts.length; j++) {
            MetricDraft d = group.get(j);
            d.indicator = parts[j];
            if (measure != null && j < parts.length - 1 && last.length() > measure.length() && parts[j].length() <= SHORT_ITEM
                    && cues.measureWords.longestSuffixOf(parts[j]) == null) {
                // 奶牛、黄牛…及大鹅饲养量 → 奶牛饲养量; 轻、重工业占比 → 轻工业占比
                d.indicator = allOneCharacter(parts) ? parts[j] + last.substring(1) : parts[j] + measure;
            }
            d.begin = at;
            if (respectively) {
                d.rule = MetricLinker.RESPECTIVELY;
            }
            at += parts[j].length() + 1;
        }
    }
}
