package org.tiqu.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReadableValueTest {

    static String of(String json) throws Exception {
        return ReadableValue.of(ReviewDatabaseTest.JSON.readTree(json));
    }

    @Test
    void valuesReadAsAPersonWritesThem() throws Exception {
        assertEquals("1,150.2亿元 = 115,020,000,000 CNY",
                of("{\"type\":\"MONEY\",\"text\":\"1150.2亿元\",\"value\":{\"amount\":\"115020000000\",\"currency\":\"CNY\"}}"));
        assertEquals("160余家 = > 160 家",
                of("{\"type\":\"QUANTITY\",\"text\":\"160余家\",\"value\":{\"amount\":\"160\",\"unit\":\"家\",\"approx\":\"over\"}}"));
        assertEquals("41.6个百分点 = 41.6 pp", of("{\"type\":\"PERCENT\",\"text\":\"41.6个百分点\",\"value\":{\"points\":\"41.6\"}}"));
        assertEquals("15.28%", of("{\"type\":\"PERCENT\",\"text\":\"15.28%\",\"value\":{\"percent\":\"15.28\"}}"));
        assertEquals("1.8倍 = ×1.8", of("{\"type\":\"PERCENT\",\"text\":\"1.8倍\",\"value\":{\"times\":\"1.8\"}}"));
        assertEquals("2024-Q1/2024-Q3", of("{\"type\":\"DATE\",\"text\":\"前三季度\",\"value\":{\"timex\":\"2024-Q1/2024-Q3\"}}"));
        assertEquals("", of("{\"type\":\"ORG\",\"text\":\"旺旺\",\"value\":{\"name\":\"旺旺\"}}"));
        assertEquals("= 济南高新技术产业开发区", of("{\"type\":\"ORG\",\"text\":\"济南高新区\",\"value\":{\"name\":\"济南高新技术产业开发区\"}}"));
        assertEquals("-3,500.25", ReadableValue.number("-3500.25"));
        assertEquals("1/3", ReadableValue.number("1/3"));
    }

    @Test
    void aMetricReadsAsIndicatorValueChangeAndWhere() throws Exception {
        assertEquals("一般公共预算收入 · 1,372,000,000 CNY · +15.28% yoy · 2024 · 济北开发区 · actual",
                of("{\"type\":\"METRIC\",\"indicator\":\"一般公共预算收入\",\"subject\":\"济北开发区\",\"period\":\"2024\","
                        + "\"value\":{\"amount\":\"1372000000\",\"currency\":\"CNY\"},"
                        + "\"change\":{\"percent\":\"15.28\",\"direction\":\"up\",\"basis\":\"yoy\"},\"modality\":\"actual\"}"));
        assertEquals("出口 · −3.5% · target", of("{\"type\":\"METRIC\",\"indicator\":\"出口\",\"subject\":null,\"period\":null,"
                + "\"value\":null,\"change\":{\"percent\":\"3.5\",\"direction\":\"down\",\"basis\":null},\"modality\":\"target\"}"));
    }
}
