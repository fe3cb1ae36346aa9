package org.tiqu.pipeline;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.tiqu.document.Deadline;
import org.tiqu.document.Document;
import org.tiqu.document.ReferenceInference;
import org.tiqu.document.Segmenter;
import org.tiqu.document.Sentence;
import org.tiqu.document.hanlp.HanlpSegmenter;
import org.tiqu.extract.Extractor;
import org.tiqu.extract.money.MoneyExtractor;
import org.tiqu.extract.number.NumberContext;
import org.tiqu.extract.org.OrgExtractor;
import org.tiqu.extract.percent.PercentExtractor;
import org.tiqu.extract.quantity.QuantityExtractor;
import org.tiqu.extract.time.DateExtractor;
import org.tiqu.extract.time.DurationExtractor;
import org.tiqu.extract.time.TimeReferenceInference;
import org.tiqu.link.MetricLinker;
import org.tiqu.record.Candidate;
import org.tiqu.record.Mention;
import org.tiqu.record.Metric;
import org.tiqu.record.Provenance;
import org.tiqu.resolve.OverlapResolver;
import org.tiqu.rules.RuleBook;
import org.tiqu.source.SourceText;

/**
 * The pure function at the core of tiqu: a source text in, its records out. Built
 * once from the rules (HanLP and every extractor loaded then), it keeps no state
 * between documents and is safe to share between threads.
 */
public final class Pipeline {

    private final RuleBook rules;
    private final Segmenter segmenter;
    private final List<Extractor> extractors;
    private final ReferenceInference referenceInference;
    private final OverlapResolver resolver = new OverlapResolver();
    /** Links mentions into METRIC records; null when the rules have no metric file. */
    private final MetricLinker linker;

    /**
     * @param referenceInference finds a document's reference time when none is given, or null to leave it unknown
     */
    public Pipeline(RuleBook rules, Segmenter segmenter, List<Extractor> extractors, ReferenceInference referenceInference) {
        this.rules = rules;
        this.segmenter = segmenter;
        this.extractors = List.copyOf(extractors);
        this.referenceInference = referenceInference;
        this.linker = rules != null && rules.has("metric") ? new MetricLinker(rules.file("metric")) : null;
    }

    /** The standard pipeline: every extractor whose rules file is present. */
    public static Pipeline standard(RuleBook rules) {
        List<Extractor> extractors = new ArrayList<>();
        // The words around a number (approximation, ordinals, idioms) read the same for every numeric type.
        boolean numeric = rules.has("percent") || rules.has("money") || rules.has("quantity");
        NumberContext numbers = numeric ? new NumberContext(rules.file("number")) : null;
        if (rules.has("percent")) {
            extractors.add(new PercentExtractor(rules.file("percent"), numbers));
        }
        if (rules.has("money")) {
            extractors.add(new MoneyExtractor(rules, numbers));
        }
        if (rules.has("quantity")) {
            extractors.add(new QuantityExtractor(rules, numbers));
        }
        DateExtractor dates = rules.has("date") ? new DateExtractor(rules) : null;
        if (dates != null) {
            extractors.add(dates);
        }
        if (rules.has("duration")) {
            extractors.add(new DurationExtractor(rules));
        }
        if (rules.has("org")) {
            extractors.add(new OrgExtractor(rules, HanlpSegmenter.withNames()));
        }
        ReferenceInference referenceInference = dates != null ? new TimeReferenceInference(dates) : null;
        return new Pipeline(rules, HanlpSegmenter.plain(), extractors, referenceInference);
    }

    /** The metric linker, or null when the rules have no {@code metric} file. */
    public MetricLinker linker() {
        return linker;
    }

    public RuleBook rules() {
        return rules;
    }

    public List<Extractor> extractors() {
        return extractors;
    }

    public Document document(SourceText source, LocalDate referenceDate) {
        return new Document(source, segmenter, referenceDate);
    }

    public DocumentResult process(SourceText source, LocalDate referenceDate) {
        return process(document(source, referenceDate));
    }

    /**
     * Processes one document within a time budget.
     *
     * @throws Deadline.Exceeded when the document takes longer than {@code budget}
     */
    public DocumentResult process(SourceText source, LocalDate referenceDate, Duration budget) {
        return process(source, referenceDate, Deadline.after(budget));
    }

    /**
     * Processes one document before {@code deadline}, which a batch starts before reading the
     * file and checks again while writing the records.
     *
     * @throws Deadline.Exceeded when the deadline passes
     */
    public DocumentResult process(SourceText source, LocalDate referenceDate, Deadline deadline) {
        return process(new Document(source, segmenter, referenceDate, deadline));
    }

    public DocumentResult process(Document document) {
        if (!document.reference().known() && referenceInference != null) {
            document = document.withReference(referenceInference.infer(document));
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Extractor extractor : extractors) {
            document.deadline().check();
            candidates.addAll(extractor.extract(document));
        }
        document.deadline().check();
        OverlapResolver.Resolution resolution = resolver.resolve(candidates);
        document.deadline().check();
        List<Mention> mentions = new ArrayList<>(resolution.winners().size());
        for (Candidate c : resolution.winners()) {
            mentions.add(toMention(document, c));
        }
        List<Metric> metrics = linker == null ? List.of() : linker.link(document, mentions);
        document.deadline().check();
        return new DocumentResult(document, List.copyOf(mentions), List.copyOf(metrics), resolution.rejections());
    }

    private static Mention toMention(Document document, Candidate c) {
        Sentence sentence = document.sentenceAt(c.span().begin());
        Provenance provenance = new Provenance(c.rule(), sentence == null ? -1 : sentence.index(),
                sentence == null ? null : sentence.section());
        return new Mention(document.id(), c.type(), c.span(), document.slice(c.span()), c.value(), provenance);
    }
}
