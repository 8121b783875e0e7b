package dev.protostar.worker.ground;

import dev.protostar.search.keyword.KeywordAnalyzer;
import dev.protostar.worker.retrieve.Glossary;

/** The question reader for tests of other packages. */
public final class QuestionReaderAccess {

    private static final KeywordAnalyzer ANALYZER = new KeywordAnalyzer();
    private static final QuestionReader READER = new QuestionReader(ANALYZER, new Glossary(ANALYZER));

    private QuestionReaderAccess() {}

    public static Question read(String question) {
        return READER.read(question);
    }

    public static QuestionReader reader() {
        return READER;
    }
}
