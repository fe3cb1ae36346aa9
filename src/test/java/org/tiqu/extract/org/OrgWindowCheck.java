package org.tiqu.extract.org;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tiqu.document.Document;
import org.tiqu.document.Sentence;
import org.tiqu.document.Term;
import org.tiqu.document.hanlp.HanlpSegmenter;
import org.tiqu.source.SourceReader;
import org.tiqu.source.SourceText;
import org.tiqu.text.Span;

/**
 * On demand, not a test: whether every clause of the corpus (clause marks included, see
 * {@link ClauseWords}) segmented on its own gives the words its sentence gives there.
 * Args: folders (default seeds and /tmp/cn/in).
 */
public final class OrgWindowCheck {
    public static void main(String[] args) throws Exception {
        String[] folders = args.length > 0 ? args : new String[] {"seeds", "/tmp/cn/in"};
        HanlpSegmenter plain = HanlpSegmenter.plain();
        int clauses = 0;
        int differ = 0;
        for (String folder : folders) {
            for (Path p : Files.list(Path.of(folder)).filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                Document d = new Document(new SourceText("x", p, Files.readString(p, StandardCharsets.UTF_8), SourceReader.UTF_8, "", false), plain, null);
                for (Sentence s : d.sentences()) {
                    List<Term> sentenceWords = d.segment(s.span());
                    for (int at = s.span().begin(); at < s.span().end(); ) {
                        Span clause = Document.clauseAt(d.text(), s.span(), at);
                        List<Term> own = d.segment(clause);
                        List<Term> inSentence = new ArrayList<>();
                        for (Term t : sentenceWords) {
                            if (t.span().begin() >= clause.begin() && t.span().end() <= clause.end()) {
                                inSentence.add(t);
                            }
                        }
                        clauses++;
                        if (!own.equals(inSentence)) {
                            differ++;
                            if (differ <= 15) {
                                System.out.println(p.getFileName() + "\n  sentence: " + inSentence + "\n  clause:   " + own);
                            }
                        }
                        at = Math.max(at + 1, clause.end());
                    }
                }
            }
        }
        System.out.printf("%d clauses, %d segmented differently on their own%n", clauses, differ);
    }
}
