package org.tiqu.extract.money;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.tiqu.record.RecordType;
import org.tiqu.testing.TestPipelines;

/**
 * Lists that write the currency once, and ranges: what is taken and, above all, what is not.
 * MONEY has no range value, so neither end of a range is an amount (ANNOTATION.md; dev notes d110).
 */
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
        assertEquals(List.of("8亿元=money.amount"), money("料值30和8亿元"));
        assertEquals(List.of("40万元=money.amount"), money("月薪3000、40万元不等"));
    }

    @Test
    void itemsWrittenAlikeAreEachMoney() {
        assertEquals(List.of("5亿=money.list", "7.5亿元人民币=money.amount"), money("销售额分别为5亿和7.5亿元人民币"));
        assertEquals(List.of("1000=money.list", "2000元=money.amount"), money("分别上涨1000和2000元"));
    }

    @Test
    void neitherEndOfARangeIsMoney() {
        assertEquals(List.of(), money("上涨1000至2000元"));
        assertEquals(List.of(), money("抢滩20万—50万元高端新能源产品高地"));
        assertEquals(List.of(), money("注册资本在50万元-100万元"));
        assertEquals(List.of(), money("年薪是20,000美元至40,000美元"), "not even the tail of 40,000");
        assertEquals(List.of(), money("料值30至40亿元"));
        assertEquals(List.of("100亿元=money.amount"), money("营收从50亿增长到100亿元"), "增长到 is no range dash");
    }

    @Test
    void aSpaceInsideAnAmountIsKeptInItsSpan() {
        assertEquals(List.of("9 946万元=money.amount"), money("全县财政收入9 946万元"));
        assertEquals(List.of("7666.25 万元=money.amount"), money("合同金额预估:7666.25 万元,"));
    }
}
