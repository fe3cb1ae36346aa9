/**
 * The trained ORG tagger: a character sequence tagger of organisation names, trained by the
 * project ({@code tiqu train org}) and shipped in {@code rules/models/org/} with its provenance.
 *
 * <p><b>Model.</b> Averaged structured perceptron (Collins 2002) over BIOES tags of one type,
 * decoded with Viterbi; impossible tag sequences are excluded by the search
 * ({@link org.tiqu.extract.org.tagger.Tags}), not learnt. Written here rather than through HanLP's
 * {@code com.hankcs.hanlp.model.perceptron} classes: those tie the feature templates to HanLP's own
 * string-built features and its NER tag set, and the features here need no string per character.
 * No new dependency.
 *
 * <p><b>Features</b> ({@link org.tiqu.extract.org.tagger.TaggerFeatures}, 17 per character):
 * characters at -2..+2 (digits folded to 0, Latin to a, full-width to half-width), the four
 * adjacent pairs and the pair around the character, the trigram centred on it, character classes
 * of -1..+1, and word evidence from HanLP's core dictionary without segmenting
 * ({@link org.tiqu.document.hanlp.HanlpDictionary}): the longest dictionary word starting and ending
 * at the character with its first part of speech, whether a word of three or more characters
 * covers it, the word edges either side, and the character with its word lengths. Each feature is
 * a 64-bit hash of its template and values: a collision is as unlikely as it is harmless.
 *
 * <p><b>Training</b> ({@link org.tiqu.extract.org.tagger.TaggerTrainer}): sentences in file order,
 * shuffled each pass with a fixed seed; 5 passes; then the features are ranked by the sum of their
 * absolute averaged weights and the top 5 % kept (ties by key), and the weights quantised to 16
 * bits. Same files and options give the same bytes (the shipped model was trained twice to check).
 * On msra-train.jsonl: 2.66 M features, 133 k kept, 13-40 s on the shared 2-core machine, 0.7 GB
 * resident; model file 1.7 MB (keeping 10 % gave 0.001 F1 more on People's Daily, 3.2 MB). Scored right after training on People's Daily dev (exact spans,
 * all gold ORG, the tagger alone): P 0.912 R 0.853 F1 0.881. Adding cluener-train.jsonl gave
 * F1 0.880 on People's Daily and, the tagger alone on the development reports, F1 0.532 both
 * ways (seeds 0.25 → 0.29, on few names): left out, one licence-less source is enough.
 * Dropping the outer unigrams, the skip pair and the character/word-length template (13 features)
 * cost 0.006 F1 on People's Daily for a speed gain smaller than the load noise of the shared
 * machine; kept at 17.
 *
 * <p><b>Run time</b> ({@link org.tiqu.extract.org.tagger.OrgTagger}): one open-addressing table of
 * three longs per feature (key, four weights, the fifth), so that a look-up touches one cache
 * line, behind a 0.5 MB Bloom filter that answers for keys not in the model; 6.3 MB on the heap
 * for the shipped model, loaded once per process
 * ({@link org.tiqu.extract.org.tagger.OrgTaggers}). Measured on the People's Daily sentences on the
 * busy shared machine: 0.35-1.7 M characters per second, two to three times HanLP's plain
 * segmentation of the same text in the same run; on the bench's default corpus about as fast as
 * HanLP (0.96x). The feature look-ups are most of it.
 *
 * <p><b>Data terms.</b> MSRA NER (SIGHAN 2006 bakeoff) states no licence: research use. A model
 * trained on it says so in its provenance file, with the training file's sha256.
 */
package org.tiqu.extract.org.tagger;
