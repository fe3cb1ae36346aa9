/**
 * The metric linker: METRIC records from a document's resolved mentions, as small named steps
 * whose words are in {@code rules/metric.yaml}.
 *
 * <ul>
 *   <li>{@link org.tiqu.link.MetricLinker} drafts one metric per value (MONEY, QUANTITY, PERCENT)
 *       and pairs changes, lists and completions ({@code ListPairing}, {@code ElidedMeasures}).</li>
 *   <li>{@code IndicatorPhrase} cuts the indicator out of the clause: fillers, linking verbs, the
 *       owner and scope words at its edges.</li>
 *   <li>{@code Governors} finds the period, modality and change basis that govern a value;
 *       {@code SubjectResolver} the owner, from the places, zones, companies and self-references
 *       the document names ({@code DocumentOwners}).</li>
 *   <li>{@code LinkText} is the document as the linker reads it: UTF-16 positions, mentions,
 *       sentences, and the words of a clause.</li>
 * </ul>
 *
 * <p><b>Words, and what they cost.</b> Some steps ask about the segmenter's word at a place:
 * does a verb start here ({@code startsWithVerb}, {@code verbThenLe}), is this character a word
 * of its own ({@code isOneCharWord}), is the first word of a phrase a place or organisation
 * ({@code IndicatorPhrase.nameEnd}). Segmenting a clause costs more than the rest of linking it,
 * so each question goes first to the segmenter's dictionaries
 * ({@link org.tiqu.document.Segmenter#mayStartWordTagged},
 * {@link org.tiqu.document.Segmenter#surelyOneCharWord}), which answer only when the answer is
 * sure for every segmentation (HanLP's plain segmentation makes each word an atom or a
 * dictionary entry with that entry's first tag; see {@code HanlpSegmenter}). Only when they
 * cannot tell is the clause segmented. A step that answered from the dictionaries still counts
 * the clause as segmented ({@link org.tiqu.document.Document#segmentedLater}), because what
 * later steps read depends on which clauses are segmented ({@code nameEnd} and
 * {@code DocumentOwners} read only words already there): the records are the same as when every
 * question segmented. {@code HanlpDictionaryAnswersTest} checks the answers against real
 * segmentation of every clause of the corpus.
 */
package org.tiqu.link;
