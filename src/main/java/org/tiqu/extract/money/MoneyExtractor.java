package org.tiqu.extract.money;

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
import org.tiqu.rules.Lexicon;
import org.tiqu.rules.Rule;
import org.tiqu.rules.RuleBook;
import org.tiqu.rules.RuleException;
import org.tiqu.rules.RuleFile;

/**
 * Amounts of money. Kind {@code amount}: the rule captures {@code number} and a
 * {@code currency} word or symbol, mapped to its ISO code by the lexicon named in the
 * rule's {@code currencies} param. Kind {@code implicit}: an amount written without a
 * currency word (总投资额超160亿), taken as the rule's {@code currency} param only when
 * the clause before it holds a money cue (lexicon named by {@code cues}) and no word of
 * another measure after that cue (lexicon named by {@code not_cues}: 面积, 人数).
 *
 * <p>A rule with an {@code after} param (a lexicon) takes an amount only right after one of its
 * words (中标7666.25万).
 *
 * <p>A rule with a {@code list_last} param finds the first items of a list whose last item
 * (that named group) carries the currency; an item is taken only when it and the last item
 * agree on writing a group magnitude (5亿和7.5亿元, 1000至2000元, not 30至40亿元).
 */
public final class MoneyExtractor implements Extractor {

    private static final Set<String> KINDS = Set.of("amount", "implicit");
    /** Where a clause starts, in the match view (full-width ，；： are folded). */
    private static final String CLAUSE_BREAKS = ",;:!?。；！？、\n";
    /** How far back a money cue may stand, in view units: a clause, not a paragraph. */
    private static final int MAX_CLAUSE = 80;

    private final RuleFile rules;
    private final RuleMatcher matcher;
    private final RuleBook book;
    private final NumberContext context;

    public MoneyExtractor(RuleBook book, NumberContext context) {
        this.book = book;
        this.rules = book.file("money");
        this.matcher = new RuleMatcher(this.rules.rules());
        this.context = context;
        rules.requireKinds(KINDS);
        for (Rule rule : rules.rules()) {
            if (rule.kind().equals("amount")) {
                book.lexicon(rule.param("currencies", "money.currency"));
            } else {
                book.lexicon(rule.param("cues", "money.cues"));
                book.lexicon(rule.param("not_cues", "money.not_money_cues"));
                if (rule.param("after", null) != null) {
                    book.lexicon(rule.param("after", null));
                }
                if (rule.param("currency", null) == null) {
                    throw new RuleException(rules.path(), rule.line(), "rule " + rule.id() + ": an implicit rule needs a currency param");
                }
            }
        }
    }

    @Override
    public String name() {
        return "money";
    }

    @Override
    public List<Candidate> extract(Document document) {
        String view = document.view().text();
        List<Candidate> out = new ArrayList<>();
        RuleMatcher.Scan scan = matcher.scan(document);
        for (Rule rule : rules.rules()) {
            boolean implicit = rule.kind().equals("implicit");
            Lexicon lexicon = book.lexicon(implicit ? rule.param("cues", "money.cues") : rule.param("currencies", "money.currency"));
            Lexicon notCues = implicit ? book.lexicon(rule.param("not_cues", "money.not_money_cues")) : null;
            Lexicon after = rule.param("after", null) == null ? null : book.lexicon(rule.param("after", null));
            scan.forEachMatch(rule, m -> {
                if (context.notAQuantity(view, m.viewStart(), m.viewEnd())
                        || after != null && !NumberContext.afterWord(view, m.viewStart(), after, null)) {
                    return;
                }
                String currency;
                if (implicit) {
                    if (!clauseSpeaksOfMoney(view, m.viewStart(), lexicon, notCues)) {
                        return;
                    }
                    currency = rule.param("currency", null);
                } else {
                    currency = lexicon.get(m.group("currency"));
                }
                String last = rule.param("list_last", null);
                if (last != null && endsInGroupMagnitude(m.group("number")) != endsInGroupMagnitude(m.group(last))) {
                    return;
                }
                BigDecimal amount = Numerals.read(m, "number");
                if (amount == null || currency == null) {
                    return;
                }
                out.add(new Candidate(RecordType.MONEY, m.span(), value(amount, currency, m, view), rule.id(), rule.priority()));
            });
        }
        return out;
    }

    private Value value(BigDecimal amount, String currency, RuleMatch m, String view) {
        Value value = Value.of("amount", Value.number(amount), "currency", currency);
        String approx = context.approx(view, m.viewStart(), m.viewEnd(), Numerals.innerText(m));
        return approx == null ? value : value.with("approx", approx);
    }

    private static boolean endsInGroupMagnitude(String numeral) {
        return !numeral.isEmpty() && "万亿萬億".indexOf(numeral.charAt(numeral.length() - 1)) >= 0;
    }

    /**
     * True when the clause that ends at {@code start} names something that is money (投资, 收入,
     * 产值) and no other measure comes after it (投资和经营建筑面积2万: the figure is an area).
     */
    private static boolean clauseSpeaksOfMoney(String view, int start, Lexicon cues, Lexicon notCues) {
        int from = start;
        while (from > 0 && start - from < MAX_CLAUSE && CLAUSE_BREAKS.indexOf(view.charAt(from - 1)) < 0) {
            from--;
        }
        String clause = view.substring(from, start);
        int lastCue = lastOccurrence(clause, cues);
        return lastCue >= 0 && lastCue > lastOccurrence(clause, notCues);
    }

    private static int lastOccurrence(String clause, Lexicon words) {
        return words.entries().keySet().stream().mapToInt(clause::lastIndexOf).max().orElse(-1);
    }
}
