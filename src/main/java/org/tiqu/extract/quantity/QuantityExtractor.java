package org.tiqu.extract.quantity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.tiqu.document.Document;
import org.tiqu.extract.Extractor;
import org.tiqu.extract.RuleMatch;
import org.tiqu.extract.RuleMatcher;
import org.tiqu.extract.number.NumberContext;
import org.tiqu.extract.number.NumberParser;
import org.tiqu.extract.number.Numerals;
import org.tiqu.record.Candidate;
import org.tiqu.record.RecordType;
import org.tiqu.record.Value;
import org.tiqu.rules.Lexicon;
import org.tiqu.rules.Rule;
import org.tiqu.rules.RuleBook;
import org.tiqu.rules.RuleFile;

/**
 * Counts and measures: the rules of {@code rules/quantity.yaml} capture {@code number},
 * an optional {@code inner} 余/多, the {@code unit} and an optional {@code half} (一吨半).
 * Kind {@code count} keeps the classifier as written (家, 个, 轮次); kind {@code measure}
 * maps the unit through the lexicon named by the rule's {@code units} param (平方公里 → km2).
 *
 * A count rule without a {@code unit} group names its classifier in its {@code unit} param
 * (人口1250多万 counts 人); a rule with an {@code after} param (a lexicon, with linking words in
 * {@code after_links}) takes a number only right after one of its words.
 *
 * <p>Some bare numerals before a classifier make no count (一个, 一批, 零部件; lexicon
 * {@code quantity.not_a_count}), nor does a numeral after an ordinal marker, inside an idiom or
 * inside a short quoted name, nor a count of places in a ranking (前进1位; classifiers of
 * {@code quantity.rank_units}).
 */
public final class QuantityExtractor implements Extractor {

    private static final Set<String> KINDS = Set.of("count", "measure");
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private final RuleFile rules;
    private final RuleMatcher matcher;
    private final RuleBook book;
    private final NumberContext context;
    private final Lexicon notACount;
    private final Lexicon rankUnits;

    public QuantityExtractor(RuleBook book, NumberContext context) {
        this.book = book;
        this.rules = book.file("quantity");
        this.matcher = new RuleMatcher(this.rules.rules());
        this.context = context;
        this.notACount = rules.lexicon("not_a_count");
        this.rankUnits = rules.lexicon("rank_units");
        rules.requireKinds(KINDS);
        for (Rule rule : rules.rules()) {
            if (rule.kind().equals("measure")) {
                book.lexicon(rule.param("units", "quantity.measure")); // fails at start-up when missing
            }
            lexiconParam(rule, "after");
            lexiconParam(rule, "after_links");
        }
    }

    @Override
    public String name() {
        return "quantity";
    }

    @Override
    public List<Candidate> extract(Document document) {
        String view = document.view().text();
        List<Candidate> out = new ArrayList<>();
        RuleMatcher.Scan scan = matcher.scan(document);
        for (Rule rule : rules.rules()) {
            Lexicon units = rule.kind().equals("measure") ? book.lexicon(rule.param("units", "quantity.measure")) : null;
            Lexicon after = lexiconParam(rule, "after");
            Lexicon afterLinks = lexiconParam(rule, "after_links");
            scan.forEachMatch(rule, m -> {
                if (context.notAQuantity(view, m.viewStart(), m.viewEnd())
                        || after != null && !NumberContext.afterWord(view, m.viewStart(), after, afterLinks)) {
                    return;
                }
                Candidate c = candidate(rule, m, units, view);
                if (c != null) {
                    out.add(c);
                }
            });
        }
        return out;
    }

    private Lexicon lexiconParam(Rule rule, String key) {
        String name = rule.param(key, null);
        return name == null ? null : book.lexicon(name);
    }

    private Candidate candidate(Rule rule, RuleMatch m, Lexicon units, String view) {
        String number = m.group("number");
        String unit = Numerals.groupOrNull(m, "unit");
        if (unit == null) {
            unit = rule.param("unit", null);
        }
        if (unit == null) {
            return null;
        }
        if (units != null) {
            // 2.3千克 and 一百千瓦: the regex may give 千 to the numeral when 克/瓦 is a unit too;
            // the longer unit is the one the writer meant.
            char last = number.charAt(number.length() - 1);
            if (number.length() > 1 && units.contains(last + unit)) {
                number = number.substring(0, number.length() - 1);
                unit = last + unit;
            }
        } else if (notACount.contains(number) || rankUnits.contains(unit) && context.inRanking(view, m.viewStart())) {
            return null;
        }
        BigDecimal amount;
        try {
            amount = NumberParser.parse(number);
        } catch (NumberFormatException e) {
            return null;
        }
        if (Numerals.groupOrNull(m, "half") != null) {
            amount = amount.add(HALF);
        }
        String unitValue = units == null ? unit : units.get(unit);
        Value value = Value.of("amount", Value.number(amount), "unit", unitValue);
        String approx = context.approx(view, m.viewStart(), m.viewEnd(), Numerals.innerText(m));
        if (approx != null) {
            value = value.with("approx", approx);
        }
        return new Candidate(RecordType.QUANTITY, m.span(), value, rule.id(), rule.priority());
    }
}
