package dev.protostar.worker.memory;

import dev.protostar.search.keyword.KeywordAnalyzer;
import dev.protostar.search.tokens.TokenCounter;
import dev.protostar.worker.ground.QuestionReaderAccess;
import dev.protostar.worker.retrieve.Glossary;

/** Memory's parts for unit tests, built as the application builds them. */
final class MemoryFixtures {

    static final FactLines LINES = new FactLines(QuestionReaderAccess.reader());

    private MemoryFixtures() {}

    static Turn turn(int seq, String question, String answer) {
        return new Turn(seq, question, answer, false, TokenCounter.count(question) + TokenCounter.count(answer));
    }

    static Glossary glossary() {
        return new Glossary(new KeywordAnalyzer());
    }
}
