package cn.invoicehelp.knowledge;

import java.util.List;

/** Ranks keys (e.g. intents) by how well their example phrases match a text. */
public interface PhraseIndex {

    /** Best keys first; {@code confidence} is in [0,1] and comparable across texts. */
    List<Match> match(String text, int limit);

    record Match(String key, float score, float confidence) {
    }
}
