package org.tiqu.extract.org;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.tiqu.document.Term;
import org.tiqu.document.hanlp.HanlpSegmenter;
import org.tiqu.pipeline.DocumentResult;
import org.tiqu.pipeline.Pipeline;
import org.tiqu.record.Mention;
import org.tiqu.record.RecordType;
import org.tiqu.testing.RecordInvariants;
import org.tiqu.testing.TestPipelines;
import org.tiqu.text.Span;

/**
 * ORG precision, recall and F1 on the People's Daily NER dev set, for tiqu and for HanLP's
 * organisation recogniser alone, measured in the same run and printed. Exact span match.
 *
 * <p>The set counts sports teams and party congresses as organisations, which our contract
 * does not; the scores are printed with and without those cases (both the gold entities and
 * the predictions on them are left out). The test fails when tiqu falls below its floor in
 * {@code peoples-daily-floors.properties} or does not beat HanLP alone by 15 F1 points.
 * The data set's text is never copied into code or tests (no licence).
 */
class PeoplesDailyOrgHarnessTest {

    private static final Path DATA = Path.of("..", "shared", "benchmarks", "ner-zh", "peoples-daily-dev.jsonl");

    /**
     * Cases where the conventions differ, left out of gold and predictions alike for the second
     * score: the set marks teams (…队) and congresses (十五大) and we do not; we mark governments
     * (印度政府, 省政府) and the set never does (no gold ORG ends in 政府).
     */
    private static final Pattern CONVENTION_ONLY = Pattern.compile(".*(?:队|[一二三四五六七八九十]+大|[一二三四五六七八九十]+届.*全会|政府)");

    /** Counts of one system against the gold. */
    static final class Score {
        int gold;
        int predicted;
        int correct;

        void add(Set<Span> goldSpans, Set<Span> predictedSpans) {
            gold += goldSpans.size();
            predicted += predictedSpans.size();
            for (Span s : predictedSpans) {
                if (goldSpans.contains(s)) {
                    correct++;
                }
            }
        }

        double precision() {
            return predicted == 0 ? 0 : (double) correct / predicted;
        }

        double recall() {
            return gold == 0 ? 0 : (double) correct / gold;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "P %.3f  R %.3f  F1 %.3f  (gold %d, predicted %d, correct %d)",
                    precision(), recall(), f1(), gold, predicted, correct);
        }
    }

    @Test
    void tiquBeatsHanlpAloneAndStaysAboveItsFloor() throws IOException {
        if (!Files.isRegularFile(DATA)) {
            fail(DATA + " not found: the harness needs the shared folder beside the project");
        }
        Pipeline tiqu = TestPipelines.standard();
        HanlpSegmenter hanlp = HanlpSegmenter.withNames();
        Score tiquAll = new Score();
        Score hanlpAll = new Score();
        Score tiquOurs = new Score();
        Score hanlpOurs = new Score();
        long chars = 0;
        long tiquNanos = 0;
        long hanlpNanos = 0;
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(DATA, StandardCharsets.UTF_8)) {
            JsonNode sentence = json.readTree(line);
            String text = sentence.get("text").asText();
            chars += text.codePointCount(0, text.length());
            Set<Span> gold = new HashSet<>();
            Set<Span> conventionOnly = new HashSet<>();
            for (JsonNode e : sentence.get("entities")) {
                if ("ORG".equals(e.get("type").asText())) {
                    Span s = new Span(e.get("start").asInt(), e.get("end").asInt());
                    gold.add(s);
                    if (CONVENTION_ONLY.matcher(e.get("text").asText()).matches()) {
                        conventionOnly.add(s);
                    }
                }
            }
            long t0 = System.nanoTime();
            DocumentResult result = tiqu.process(TestPipelines.source(sentence.get("id").asText(), text), null);
            long t1 = System.nanoTime();
            List<Term> terms = hanlp.segment(text);
            long t2 = System.nanoTime();
            tiquNanos += t1 - t0;
            hanlpNanos += t2 - t1;
            RecordInvariants.check(result);

            Set<Span> ours = new HashSet<>();
            for (Mention m : result.mentions()) {
                if (m.type() == RecordType.ORG) {
                    ours.add(m.span());
                }
            }
            Set<Span> theirs = new HashSet<>();
            for (Term t : terms) {
                if (t.pos().startsWith("nt")) {
                    theirs.add(t.span());
                }
            }
            tiquAll.add(gold, ours);
            hanlpAll.add(gold, theirs);
            Set<Span> oursConvention = conventionOnly(text, ours);
            Set<Span> theirsConvention = conventionOnly(text, theirs);
            oursConvention.addAll(conventionOnly);
            theirsConvention.addAll(conventionOnly);
            tiquOurs.add(without(gold, conventionOnly), withoutOverlapping(ours, oursConvention));
            hanlpOurs.add(without(gold, conventionOnly), withoutOverlapping(theirs, theirsConvention));
        }
        System.out.println("People's Daily dev, ORG, exact spans (" + chars + " characters)");
        System.out.println("  tiqu              " + tiquAll);
        System.out.println("  HanLP alone       " + hanlpAll);
        System.out.println("  without teams, congresses and governments (conventions differ):");
        System.out.println("  tiqu              " + tiquOurs);
        System.out.println("  HanLP alone       " + hanlpOurs);
        System.out.printf(Locale.ROOT, "  speed: tiqu pipeline %.2f M chars/s, HanLP recogniser %.2f M chars/s (first run, JIT cold)%n",
                chars * 1e3 / tiquNanos, chars * 1e3 / hanlpNanos);

        double floor = floor("tiqu.f1");
        assertTrue(tiquAll.f1() >= floor, "tiqu ORG F1 " + tiquAll.f1() + " fell below its floor " + floor);
        assertTrue(tiquAll.f1() >= hanlpAll.f1() + 0.15,
                "tiqu ORG F1 " + tiquAll.f1() + " does not beat HanLP alone (" + hanlpAll.f1() + ") by 15 points");
    }

    /** The predicted spans whose text is a convention-only case. */
    private static Set<Span> conventionOnly(String text, Set<Span> spans) {
        Set<Span> out = new HashSet<>();
        for (Span s : spans) {
            int b = text.offsetByCodePoints(0, s.begin());
            int e = text.offsetByCodePoints(b, s.length());
            if (CONVENTION_ONLY.matcher(text.substring(b, e)).matches()) {
                out.add(s);
            }
        }
        return out;
    }

    private static Set<Span> without(Set<Span> spans, Set<Span> out) {
        Set<Span> kept = new HashSet<>(spans);
        kept.removeAll(out);
        return kept;
    }

    private static Set<Span> withoutOverlapping(Set<Span> spans, Set<Span> out) {
        Set<Span> kept = new HashSet<>();
        for (Span s : spans) {
            if (out.stream().noneMatch(s::overlaps)) {
                kept.add(s);
            }
        }
        return kept;
    }

    private static double floor(String key) throws IOException {
        Properties floors = new Properties();
        try (InputStream in = PeoplesDailyOrgHarnessTest.class.getResourceAsStream("peoples-daily-floors.properties")) {
            if (in == null) {
                fail("peoples-daily-floors.properties not found");
            }
            floors.load(in);
        }
        return Double.parseDouble(floors.getProperty(key));
    }
}
