package org.tiqu.review;

import java.io.IOException;
import java.util.Set;

/**
 * The documents of an output that have verdicts, each with its review: what the gold
 * export and the statistics go through. The manifest is streamed, so only reviewed
 * documents are ever read.
 */
final class ReviewedDocuments {

    /** What is done with each reviewed document. */
    @FunctionalInterface
    interface Visitor {
        /**
         * @param text   the document's text now
         * @param review its records and verdicts; null when its records cannot be read ({@code problem} says why)
         */
        void visit(DocumentRef ref, OutputFolder.DocumentText text, DocumentReview review, String problem) throws IOException;
    }

    private ReviewedDocuments() {
    }

    static void forEach(OutputFolder out, ReviewDatabase verdicts, Visitor visitor) throws IOException {
        Set<String> reviewed = verdicts.documents();
        Set<String> seen = new java.util.HashSet<>();
        ManifestDocuments.forEach(out.dir(), entry -> {
            DocumentRef ref = DocumentRef.of(entry);
            if (ref == null || !reviewed.contains(ref.id()) || !seen.add(ref.id())) {
                return;
            }
            OutputFolder.DocumentText text = out.text(ref);
            try {
                visitor.visit(ref, text, DocumentReview.of(ref.sha256(), out.records(ref), verdicts.current(ref.id())), null);
            } catch (IOException e) {
                visitor.visit(ref, text, null, e.getMessage());
            }
        });
    }
}
