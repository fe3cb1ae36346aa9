package org.tiqu.extract.time;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
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
import org.tiqu.rules.RuleException;
import org.tiqu.rules.RuleFile;

/**
 * Lengths of time: the rules of {@code rules/duration.yaml} find a count (or a range of
 * counts, or 半) and a unit of {@code time.duration_units}; this class writes the ISO 8601
 * duration ({@code P29Y}, {@code P38M}, {@code PT24H}, {@code P3Y/P5Y}).
 */
public final class DurationExtractor implements Extractor {

    private static final Set<String> KINDS = Set.of("count", "half", "range");
    private static final Set<String> TIME_PARTS = Set.of("H", "MIN", "S");

    private final RuleFile rules;
    private final Lexicon units;

    public DurationExtractor(RuleBook book) {
        this.rules = book.file("duration");
        this.units = book.lexicon("time.duration_units");
        for (Rule rule : rules.rules()) {
            if (!KINDS.contains(rule.kind())) {
                throw new RuleException(rules.path(), rule.line(), "rule " + rule.id() + ": unknown kind '" + rule.kind() + "'");
            }
        }
    }

    @Override
    public String name() {
        return "duration";
    }

    @Override
    public List<Candidate> extract(Document document) {
        List<Candidate> out = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            RuleMatcher.forEachMatch(rule, document, m -> {
                String duration = duration(rule.kind(), m);
                if (duration != null) {
                    out.add(new Candidate(RecordType.DURATION, m.span(), Value.of("duration", duration),
                            rule.id(), rule.priority()));
                }
            });
        }
        return out;
    }

    private String duration(String kind, RuleMatch m) {
        String unit = units.get(DateExtractor.group(m, "unit"));
        if (unit == null) {
            return null;
        }
        return switch (kind) {
            case "half" -> iso(new BigDecimal("0.5"), unit);
            case "range" -> {
                BigDecimal from = TimeNumerals.count(DateExtractor.group(m, "n1"));
                BigDecimal to = TimeNumerals.count(DateExtractor.group(m, "n2"));
                yield from == null || to == null || to.compareTo(from) <= 0 ? null : iso(from, unit) + "/" + iso(to, unit);
            }
            default -> {
                BigDecimal n = TimeNumerals.count(DateExtractor.group(m, "n"));
                if (n == null || n.signum() <= 0) {
                    yield null;
                }
                if (DateExtractor.group(m, "half") != null) {
                    n = n.add(new BigDecimal("0.5"));
                }
                yield iso(n, unit);
            }
        };
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
