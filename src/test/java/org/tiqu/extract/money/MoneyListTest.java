package org.tiqu.extract.money;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.tiqu.record.RecordType;
import org.tiqu.testing.TestPipelines;

/** Lists and ranges that write the currency once: what is taken and, above all, what is not. */
class MoneyListTest {

    private static List<String> money(String text) {
        return TestPipelines.run(text).records().stream()
                .filter(r -> r.type() == RecordType.MONEY)
                .map(r -> r.text() + "=" + r.provenance().rule())
                .toList();
    }

    @Test
    void aSharedMagnitudeLeavesTheFirstItemAlone() {
        // 30 here means 30亿: taking it as 30 yuan would be wrong, so only 40亿元 is money.
        assertEquals(List.of("40亿元=money.amount"), money("料值30至40亿元"));
        assertEquals(List.of("40万元=money.amount"), money("月薪3000-40万元不等"));
    }

    @Test
    void itemsWrittenAlikeAreEachMoney() {
        assertEquals(List.of("5亿=money.list", "7.5亿元人民币=money.amount"), money("销售额分别为5亿和7.5亿元人民币"));
        assertEquals(List.of("1000=money.list", "2000元=money.amount"), money("上涨1000至2000元"));
    }
}
