package org.tiqu.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import org.tiqu.record.Mention;
import org.tiqu.record.Provenance;
import org.tiqu.record.RecordType;
import org.tiqu.record.Value;
import org.tiqu.text.Span;

class RecordJsonTest {

    @Test
    void sectionsKeepNoNonBreakingZeroWidthOrIdeographicSpace() {
        assertEquals("一、发展加速度", RecordJson.sectionText("\u3000一、发展加速度\u00A0\u200B"));
        assertEquals("（二）质量 提升", RecordJson.sectionText("（二）质量 提升\u00A0\t"));
        assertNull(RecordJson.sectionText("\u00A0"));
        assertNull(RecordJson.sectionText(null));
        Mention m = new Mention("d", RecordType.PERCENT, new Span(0, 3), "15%", Value.of("percent", "15"),
                new Provenance("percent.arabic", 2, "一、发展加速度\u00A0"));
        assertEquals("一、发展加速度", RecordJson.toJson(m).get("section").asText());
    }
}
