package org.tiqu.link;

import org.tiqu.record.Value;

/**
 * A metric while the linker builds it: positions are UTF-16 indices of the
 * document text ({@link LinkText}). Mutable only inside one {@code link} call.
 */
final class MetricDraft {

    final LinkText.Placed value;
    final LinkText.Sent sentence;
    String rule;
    String indicator;
    /** Where the indicator starts, when it is one contiguous slice of the text; else -1. */
    int indicatorBegin = -1;
    /** Words before a value-first noun that the indicator keeps (新获批3个省级产业集群 → 新获批), else "". */
    String prefix = "";
    int begin;
    int end;
    Value change;
    String period;
    /** The text that gave the period (UTF-16 indices of {@link LinkText}); -1 when inferred from no text. */
    int periodEvidenceBegin = -1;
    int periodEvidenceEnd = -1;
    String subject;
    /** UTF-16 span of the words that gave the subject, or -1 when none did. */
    int subjectEvidenceBegin = -1;
    int subjectEvidenceEnd = -1;
    String modality;
    /** Index of 分别 in the text before the value, or -1. */
    int respectivelyAt = -1;
    /** The draft that heads the 、-list this one continues, or null. */
    MetricDraft listHead;

    MetricDraft(LinkText.Placed value, LinkText.Sent sentence) {
        this.value = value;
        this.sentence = sentence;
    }

    boolean isShare() {
        return "metric.share".equals(rule);
    }
}
