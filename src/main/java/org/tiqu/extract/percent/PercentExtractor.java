package org.tiqu.extract.percent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.tiqu.document.Document;
import org.tiqu.extract.Extractor;
import org.tiqu.extract.RuleMatch;
import org.tiqu.extract.RuleMatcher;
import org.tiqu.extract.number.NumberContext;
import org.tiqu.extract.number.Numerals;
import org.tiqu.record.Candidate;
import org.tiqu.record.RecordType;
import org.tiqu.record.Value;
import org.tiqu.rules.Rule;
import org.tiqu.rules.RuleFile;

/**
 * Percentages, shares and rates: the rules of {@code rules/percent.yaml} find the span
 * and capture the number as {@code number} (for fractions, {@code numerator} and
 * {@code denominator}); the rule's {@code kind} says which value field it fills:
 * {@code percent} (15.28%, 百分之十), {@code per-mille} (千分之五 → percent 0.5),
 * {@code points} (41.6个百分点), {@code times} (1.8倍) or {@code fraction} (三分之一 → 1/3).
 * Approximation words around the span set {@code approx}.
 */
public final class PercentExtractor implements Extractor {

    private static final Set<String> KINDS = Set.of("percent", "per-mille", "points", "times", "fraction");

    private final RuleFile rules;
    private final RuleMatcher matcher;
    private final NumberContext context;

    public PercentExtractor(RuleFile rules, NumberContext context) {
        this.rules = rules;
        this.matcher = new RuleMatcher(this.rules.rules());
        this.context = context;
        rules.requireKinds(KINDS);
    }

    @Override
    public String name() {
        return "percent";
    }

    @Override
    public List<Candidate> extract(Document document) {
        String view = document.view().text();
        List<Candidate> out = new ArrayList<>();
        RuleMatcher.Scan scan = matcher.scan(document);
        for (Rule rule : rules.rules()) {
            scan.forEachMatch(rule, m -> {
                if (context.notAQuantity(view, m.viewStart(), m.viewEnd())) {
                    return;
                }
                Value value = value(rule.kind(), m);
                if (value == null) {
                    return;
                }
                String approx = context.approx(view, m.viewStart(), m.viewEnd(), Numerals.innerText(m));
                if (approx != null) {
                    value = value.with("approx", approx);
                }
                out.add(new Candidate(RecordType.PERCENT, m.span(), value, rule.id(), rule.priority()));
            });
        }
        return out;
    }

    /** The value of a match, or null when its numbers cannot be read. */
    private static Value value(String kind, RuleMatch m) {
        if (kind.equals("fraction")) {
            BigDecimal numerator = Numerals.read(m, "numerator");
            // 万分之三: a bare magnitude as denominator means one of it (一万).
            String under = m.group("denominator");
            BigDecimal denominator = Numerals.read(under.chars().allMatch(c -> "万萬亿億".indexOf(c) >= 0) ? "一" + under : under);
            if (numerator == null || denominator == null || denominator.signum() == 0) {
                return null;
            }
            return Value.of("fraction", Value.number(numerator) + "/" + Value.number(denominator));
        }
        BigDecimal number = Numerals.read(m, "number");
        if (number == null) {
            return null;
        }
        return kind.equals("per-mille") ? Value.of("percent", Value.number(number.movePointLeft(1)))
                : Value.of(kind, Value.number(number));
    }
}
