package org.tiqu.extract.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.tiqu.pipeline.DocumentResult;
import org.tiqu.record.Mention;
import org.tiqu.record.RecordType;
import org.tiqu.testing.TestPipelines;
import org.tiqu.text.Span;

class OrgExtractorTest {

    /** ORG surface → name, in text order (a surface seen twice keeps its last name). */
    private static Map<String, String> orgs(String text) {
        DocumentResult result = TestPipelines.run(text);
        Map<String, String> out = new LinkedHashMap<>();
        for (Mention m : result.mentions()) {
            if (m.type() == RecordType.ORG) {
                out.put(m.text(), m.value().get("name"));
            }
        }
        return out;
    }

    private static List<Mention> orgMentions(String text) {
        return TestPipelines.run(text).mentions().stream().filter(m -> m.type() == RecordType.ORG).toList();
    }

    @Test
    void laterUsesOfADefinedShortFormGetTheFullName() {
        List<Mention> found = orgMentions("济南高新技术产业开发区（以下简称“济南高新区”）成立于1991年。济南高新区经济稳步增长。");
        assertEquals(List.of("济南高新技术产业开发区", "济南高新区", "济南高新区"), found.stream().map(Mention::text).toList());
        assertTrue(found.stream().allMatch(m -> m.value().get("name").equals("济南高新技术产业开发区")));
    }

    @Test
    void aBareGenericNounIsAnOrganisationOnlyWhenDefined() {
        assertTrue(orgs("合作区面积51平方公里。").isEmpty());
        Map<String, String> defined = orgs("山东海峡两岸新旧动能转换产业合作区（下称合作区）成立。合作区面积51平方公里。");
        assertEquals("山东海峡两岸新旧动能转换产业合作区", defined.get("合作区"));
    }

    @Test
    void aShortFormUsedBeforeItsDefinitionKeepsItsSurface() {
        List<Mention> found = orgMentions("台湾工业园建成。山东台湾工业园（简称台湾工业园）位于济南。");
        assertEquals("台湾工业园", found.get(0).value().get("name"));
    }

    @Test
    void theLongestNameWinsAndNothingIsNested() {
        assertEquals(Map.of("济南高新区党工委", "济南高新区党工委"), orgs("济南高新区党工委召开会议。"));
    }

    @Test
    void nothingInsideTitlesQuotedHonoursOrEventNames() {
        assertTrue(orgs("印发《山东省人民政府关于支持开发区发展的意见》。").isEmpty());
        assertTrue(orgs("被评为“济南市绿色工业园区”。").isEmpty());
        assertTrue(orgs("2025海峡两岸产业合作区建设推进会举行。").isEmpty());
    }

    @Test
    void placeNamesAreNeverOrganisations() {
        assertTrue(orgs("济南市配套制定了23条措施。").isEmpty());
    }

    @Test
    void wellKnownBodiesComeFromTheGazetteerOnlyAtWordBoundaries() {
        assertEquals(List.of("国台办", "工信部"), List.copyOf(orgs("国台办、工信部大力支持。").keySet()));
        assertTrue(orgs("将联合国家工业软件产业链企业。").isEmpty());
    }

    @Test
    void offsetsCountCodePointsPastCharactersOutsideTheBmp() {
        String text = "𠀀𠀁山东七运集团成立。";
        List<Mention> found = orgMentions(text);
        assertEquals(1, found.size());
        assertEquals(new Span(2, 8), found.get(0).span());
        assertEquals("山东七运集团", found.get(0).text());
    }

    @Test
    void randomTextNeverBreaksTheExtractor() {
        java.util.Random random = new java.util.Random(7);
        String alphabet = "集团公司研究院委员会局部办（）以下简称“”《》济南高新区中国山东、，。的和a1 ";
        for (int i = 0; i < 200; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < 60; j++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            TestPipelines.run(sb.toString());
        }
    }
}
