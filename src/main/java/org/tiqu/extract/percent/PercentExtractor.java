package org.tiqu.extract.percent;

import java.util.ArrayList;
import java.util.List;

import org.tiqu.document.Document;
import org.tiqu.extract.Extractor;
import org.tiqu.extract.RuleMatcher;
import org.tiqu.extract.number.ArabicNumber;
import org.tiqu.record.Candidate;
import org.tiqu.record.RecordType;
import org.tiqu.record.Value;
import org.tiqu.rules.Rule;
import org.tiqu.rules.RuleException;
import org.tiqu.rules.RuleFile;

/**
 * Percentages: the rules of {@code rules/percent.yaml} find the span and capture the
 * number as {@code number}; the rule's {@code kind} says which value field it fills.
 */
public final class PercentExtractor implements Extractor {

    private final RuleFile rules;

    public PercentExtractor(RuleFile rules) {
        this.rules = rules;
        for (Rule rule : rules.rules()) {
            if (!"percent".equals(rule.kind())) {
                throw new RuleException(rules.path(), rule.line(), "rule " + rule.id() + ": unknown kind '" + rule.kind() + "'");
            }
        }
    }

    @Override
    public String name() {
        return "percent";
    }

    @Override
    public List<Candidate> extract(Document document) {
        List<Candidate> out = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            RuleMatcher.forEachMatch(rule, document, m -> {
                String number = m.group("number");
                Value value = Value.of("percent", Value.number(ArabicNumber.parse(number)));
                out.add(new Candidate(RecordType.PERCENT, m.span(), value, rule.id(), rule.priority()));
            });
        }
        return out;
    }
}
