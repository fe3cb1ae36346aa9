package org.tiqu.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.tiqu.document.Document;
import org.tiqu.record.Mention;
import org.tiqu.record.Metric;
import org.tiqu.record.Record;
import org.tiqu.resolve.Rejection;

/** What the pipeline made of one document: its mentions, its metrics, and the candidates that lost. */
public record DocumentResult(Document document, List<Mention> mentions, List<Metric> metrics, List<Rejection> rejections) {

    /** Text order: by begin, then end, metrics before the mentions they contain. */
    public static final Comparator<Record> TEXT_ORDER = Comparator
            .comparingInt((Record r) -> r.span().begin())
            .thenComparing(Comparator.comparingInt((Record r) -> r.span().end()).reversed())
            .thenComparing(r -> r.type().ordinal());

    /** Mentions and metrics together, in text order. */
    public List<Record> records() {
        List<Record> all = new ArrayList<>(mentions.size() + metrics.size());
        all.addAll(mentions);
        all.addAll(metrics);
        all.sort(TEXT_ORDER);
        return all;
    }
}
