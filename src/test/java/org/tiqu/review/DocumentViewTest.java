package org.tiqu.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** How the document page cuts a text: segments with code point offsets, records and evidence marks. */
class DocumentViewTest {

    static final String TEXT = "济北开发区𠀀收入完成13.72亿元<b>。";

    static List<JsonNode> records(String... json) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String j : json) {
            out.add(ReviewDatabaseTest.JSON.readTree(j));
        }
        return out;
    }

    @Test
    void segmentsNameTheirRecordsEvidenceAndFirstCodePoint() throws Exception {
        List<JsonNode> records = records(
                "{\"doc\":\"d\",\"type\":\"ORG\",\"begin\":0,\"end\":5,\"text\":\"济北开发区\",\"value\":{\"name\":\"济北开发区\"}}",
                "{\"doc\":\"d\",\"type\":\"METRIC\",\"begin\":6,\"end\":17,\"text\":\"收入完成13.72亿元\",\"indicator\":\"收入\","
                        + "\"subject\":\"济北开发区\",\"period\":null,\"value\":{\"amount\":\"1372000000\",\"currency\":\"CNY\"},"
                        + "\"change\":null,\"modality\":\"actual\",\"evidence\":{\"subject\":[0,5],\"period\":null}}",
                "{\"doc\":\"d\",\"type\":\"MONEY\",\"begin\":10,\"end\":17,\"text\":\"13.72亿元\",\"value\":{\"amount\":\"1372000000\",\"currency\":\"CNY\"}}",
                "{\"doc\":\"d\",\"type\":\"DATE\",\"begin\":2,\"end\":3,\"text\":\"不对\",\"value\":{\"timex\":\"x\"}}");
        int[] cps = TEXT.codePoints().toArray();
        DocumentReview review = DocumentReview.of("sha", records, List.of());
        StringBuilder html = new StringBuilder("<pre>");
        DocumentView.renderText(cps, review.items(), html);
        Document page = Jsoup.parse(html.append("</pre>").toString());

        assertEquals(TEXT, page.selectFirst("pre").text(), "the whole text, escaped, nothing added");
        Element org = page.selectFirst("span[data-r=0]");
        assertEquals("济北开发区", org.text());
        assertEquals("1s", org.attr("data-ev"), "the subject evidence of the metric (record 1)");
        assertTrue(org.hasClass("t-ORG"));
        Element money = page.selectFirst("span.t-MONEY");
        assertEquals("13.72亿元", money.text());
        assertEquals("1 2", money.attr("data-r"));
        assertTrue(money.hasClass("m"), "inside the metric: underlined");
        assertEquals("10", money.attr("data-b"), "code points: 𠀀 counts one");
        assertEquals("6", page.selectFirst("span[data-r=1]").attr("data-b"));
        assertEquals("<b>。", page.select("span[data-b=17]").text());
        assertFalse(page.select("span[data-r~=3]").size() > 0, "an ungrounded record is not highlighted");
        assertFalse(DocumentView.grounded(records.get(3), cps));

        JsonNode item = DocumentView.itemJson(review.items().get(1), cps, RuleDescriptions.none());
        assertEquals("[0,5]", item.get("evidence").get("subject").toString());
        assertEquals("\"\\u003cb\\u003e\"", DocumentView.scriptJson(ReviewDatabaseTest.JSON.getNodeFactory().textNode("<b>")));
    }
}
