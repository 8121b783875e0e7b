package dev.protostar.worker.generate;

import dev.protostar.search.tokens.TokenCounter;

/**
 * The answer without a language model: extractive, never generated. Until retrieval exists there is
 * nothing to extract from, so it says exactly that — a refusal, not an invented answer.
 */
final class OfflineResponder implements Generator {

    static final String NO_DOCUMENTS =
            "I have no documents for this candidate yet, so I cannot answer that. This is the offline mode: "
                    + "it only quotes the candidate's own documents and never generates text.";

    @Override
    public Generation generate(Prompt prompt, TokenSink sink) {
        for (String word : NO_DOCUMENTS.split("(?<= )")) {
            if (sink.cancelled()) {
                break;
            }
            sink.token(word);
        }
        return new Generation(
                TokenCounter.count(prompt.system() + prompt.question()), TokenCounter.count(NO_DOCUMENTS), true);
    }
}
