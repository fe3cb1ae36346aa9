package org.tiqu.extract.time;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tiqu.document.Document;
import org.tiqu.extract.Extractor;
import org.tiqu.extract.RuleMatch;
import org.tiqu.extract.RuleMatcher;
import org.tiqu.record.Candidate;
import org.tiqu.record.RecordType;
import org.tiqu.record.Value;
import org.tiqu.rules.Lexicon;
import org.tiqu.rules.Rule;
import org.tiqu.rules.RuleBook;
import org.tiqu.rules.RuleFile;

/**
 * Lengths of time: the rules of {@code rules/duration.yaml} find a count (or a range of
 * counts, or 半) and a unit of {@code time.duration_units}; this class writes the ISO 8601
 * duration ({@code P29Y}, {@code P38M}, {@code PT24H}, {@code P3Y/P5Y}; 半年 is {@code P6M}).
 * An anniversary inside a quoted name (“新中国成立70周年…巡礼”: quotation marks of
 * {@code number.name_quotes} around text with no clause mark; units of {@code time.quoted_name_units})
 * belongs to the name and is not marked; other lengths in quotations are speech and stay.
 */
public final class DurationExtractor implements Extractor {

    private static final Set<String> KINDS = Set.of("count", "half", "range", "compound");
    private static final Set<String> TIME_PARTS = Set.of("H", "MIN", "S");
    /** Designators in ISO 8601 order; H, MIN and S come after the T. */
    private static final List<String> ORDER = List.of("Y", "M", "W", "D", "H", "MIN", "S");
    /** What may join the parts of a compound duration: 一年又一个月, 一年零三个月, 一年多三个月. */
    private static final String JOINERS = "又零余多";
    private static final String COUNT_CHARS = "0123456789.零一二两三四五六七八九十百";
    /** The longest quoted name looked for around a duration, in view units. */
    private static final int MAX_QUOTED_NAME = 30;
    /** Marks that end a clause: a quotation holding one is speech, not a name. */
    private static final String CLAUSE_MARKS = ",.;:!?，。；：！？\n";

    private final RuleFile rules;
    private final RuleMatcher matcher;
    private final Lexicon units;
    private final Lexicon innerUnits;
    private final RuleGroups groups;
    private final Lexicon nameQuotes;
    private final Lexicon quotedNameUnits;

    public DurationExtractor(RuleBook book) {
        this.rules = book.file("duration");
        this.matcher = new RuleMatcher(this.rules.rules());
        this.units = book.lexicon("time.duration_units");
        this.innerUnits = book.lexicon("time.inner_duration_units");
        this.groups = new RuleGroups(rules.rules());
        this.nameQuotes = book.lexicon("number.name_quotes");
        this.quotedNameUnits = book.lexicon("time.quoted_name_units");
        rules.requireKinds(KINDS);
    }

    @Override
    public String name() {
        return "duration";
    }

    @Override
    public List<Candidate> extract(Document document) {
        List<Candidate> out = new ArrayList<>();
        String view = document.view().text();
        RuleMatcher.Scan scan = matcher.scan(document);
        for (Rule rule : rules.rules()) {
            scan.forEachMatch(rule, m -> {
                String duration = duration(rule.kind(), m);
                if (duration != null && !(quotedNameUnits.contains(String.valueOf(groups.group(m, "unit")))
                        && insideQuotedName(view, m.viewStart(), m.viewEnd()))) {
                    out.add(new Candidate(RecordType.DURATION, m.span(), Value.of("duration", duration),
                            rule.id(), rule.priority()));
                }
            });
        }
        return out;
    }

    private String duration(String kind, RuleMatch m) {
        if (kind.equals("compound")) {
            return compound(m.text());
        }
        String unit = units.get(groups.group(m, "unit"));
        if (unit == null) {
            return null;
        }
        return switch (kind) {
            case "half" -> unit.equals("Y") ? "P6M" : iso(new BigDecimal("0.5"), unit);
            case "range" -> {
                BigDecimal from = TimeNumerals.count(groups.group(m, "n1"));
                BigDecimal to = TimeNumerals.count(groups.group(m, "n2"));
                yield from == null || to == null || to.compareTo(from) <= 0 ? null : iso(from, unit) + "/" + iso(to, unit);
            }
            default -> {
                BigDecimal n = TimeNumerals.count(groups.group(m, "n"));
                if (n == null || n.signum() <= 0) {
                    yield null;
                }
                if (groups.group(m, "half") != null) {
                    n = n.add(new BigDecimal("0.5"));
                }
                yield iso(n, unit);
            }
        };
    }

    /**
     * Adds up the parts of a compound (一年多三个月又20天): a count, then the longest unit of
     * the lexicon, with joiners skipped between parts. Null when a part does not read.
     */
    private String compound(String text) {
        Map<String, BigDecimal> totals = new HashMap<>();
        String previous = null;
        int i = 0;
        while (i < text.length()) {
            if (JOINERS.indexOf(text.charAt(i)) >= 0 && i > 0) {
                i++;
                continue;
            }
            int countEnd = i;
            while (countEnd < text.length() && COUNT_CHARS.indexOf(text.charAt(countEnd)) >= 0) {
                countEnd++;
            }
            BigDecimal n = TimeNumerals.count(text.substring(i, countEnd));
            int unitStart = countEnd;
            while (unitStart < text.length() && Character.isWhitespace(text.charAt(unitStart))) {
                unitStart++;
            }
            String unit = longestUnitAt(units, text, unitStart);
            Lexicon lexicon = units;
            if (unit == null && previous != null) {
                unit = longestUnitAt(innerUnits, text, unitStart);
                lexicon = innerUnits;
            }
            if (n == null || unit == null) {
                return null;
            }
            String designator = lexicon.get(unit);
            boolean joined = i > 0 && JOINERS.indexOf(text.charAt(i - 1)) >= 0;
            if (totals.containsKey(designator) || !joined && previous != null && ORDER.indexOf(designator) < ORDER.indexOf(previous)) {
                return null;
            }
            totals.put(designator, n);
            previous = designator;
            i = unitStart + unit.length();
        }
        StringBuilder date = new StringBuilder("P");
        StringBuilder time = new StringBuilder();
        for (String designator : ORDER) {
            BigDecimal n = totals.get(designator);
            if (n != null) {
                StringBuilder part = TIME_PARTS.contains(designator) ? time : date;
                part.append(Value.number(n)).append(designator.equals("MIN") ? "M" : designator);
            }
        }
        return time.length() == 0 ? date.toString() : date + "T" + time;
    }

    /** Whether view range {@code [start, end)} stands inside a quotation with no clause mark in it (a name). */
    private boolean insideQuotedName(String view, int start, int end) {
        for (var pair : nameQuotes.entries().entrySet()) {
            String open = pair.getKey();
            String close = pair.getValue();
            int opening = -1;
            for (int i = start - open.length(); i >= Math.max(0, start - MAX_QUOTED_NAME); i--) {
                if (view.startsWith(open, i)) {
                    opening = i;
                    break;
                }
                if (CLAUSE_MARKS.indexOf(view.charAt(i)) >= 0 || view.startsWith(close, i)) {
                    break;
                }
            }
            if (opening < 0) {
                continue;
            }
            for (int i = end; i < Math.min(view.length(), opening + MAX_QUOTED_NAME); i++) {
                if (view.startsWith(close, i)) {
                    return true;
                }
                if (CLAUSE_MARKS.indexOf(view.charAt(i)) >= 0) {
                    break;
                }
            }
        }
        return false;
    }

    private static String longestUnitAt(Lexicon units, String text, int at) {
        String best = null;
        for (String unit : units.entries().keySet()) {
            if (text.startsWith(unit, at) && (best == null || unit.length() > best.length())) {
                best = unit;
            }
        }
        return best;
    }

    /** ISO 8601: P3Y, P0.5M, PT24H, PT5M (minutes are M after the T). */
    private static String iso(BigDecimal n, String unit) {
        String number = Value.number(n);
        if (TIME_PARTS.contains(unit)) {
            return "PT" + number + (unit.equals("MIN") ? "M" : unit);
        }
        return "P" + number + unit;
    }
}
