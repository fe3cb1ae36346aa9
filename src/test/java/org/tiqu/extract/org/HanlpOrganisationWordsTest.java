package org.tiqu.extract.org;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.tiqu.rules.RulesLoader;

class HanlpOrganisationWordsTest {

    /**
     * The ORG extractor looks for HanLP's dictionary organisations only where a word of this
     * lexicon occurs; a word missing from it would silently be missed.
     */
    @Test
    void theLexiconListsEveryWordHanlpCanTagAsAnOrganisation() {
        Set<String> lexicon = new TreeSet<>(new RulesLoader().load(Path.of("rules")).file("org")
                .lexicon("hanlp_organisations").entries().keySet());
        assertEquals(HanlpOrganisationWords.all(), lexicon,
                "rules/org.yaml hanlp_organisations is out of date: regenerate it with HanlpOrganisationWords.main");
    }
}
