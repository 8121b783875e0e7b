package dev.protostar.worker.ground;

import dev.protostar.worker.retrieve.RetrievalProperties;
import dev.protostar.worker.retrieve.Retriever;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Question → retrieved chunks → verdict: everything the answer may use, and whether it may answer at all. */
@Component
public class Grounding {

    private final QuestionReader reader;
    private final Retriever retriever;
    private final Gate gate;
    private final RetrievalProperties retrieval;
    private final CandidateProfiles profiles;
    private final Premises premises = new Premises(java.time.Clock.systemUTC());

    Grounding(
            QuestionReader reader,
            Retriever retriever,
            Gate gate,
            RetrievalProperties retrieval,
            CandidateProfiles profiles) {
        this.reader = reader;
        this.profiles = profiles;
        this.retriever = retriever;
        this.gate = gate;
        this.retrieval = retrieval;
    }

    /**
     * The question is read after its references are understood: who it is about (the candidate, by any name)
     * is dropped, a job named by its place in time becomes its employer ({@link References}); "the company
     * before that" counts from the job of the session's latest turn.
     */
    public Verdict ground(UUID candidateId, String text, List<String> latestTurn) {
        CandidateProfiles.Profile profile = profiles.of(candidateId);
        Question question = read(profile, text, latestTurn);
        if (profile.documents() == 0) {
            return Verdict.noDocuments(question, profile.failedFiles());
        }
        Verdict verdict =
                gate.judge(candidateId, question, retriever.retrieve(candidateId, question.query(), retrieval.k()));
        // A start or a length of a job, a prize's rank, a count, a degree or a test result the documents contradict
        // voids the question, as a contradicted name does.
        return premises.contradicted(profile.timeline(), question.text())
                .or(() -> profile.awards().contradicted(question.text()))
                .or(() -> profile.counts().contradicted(question.text()))
                .or(() -> profile.degrees().contradicted(question.text()))
                .or(() -> profile.scores().contradicted(question.text()))
                .map(verdict::voidedBy)
                .orElse(verdict);
    }

    /** The question as the gate reads it, its references understood: what the retrieval endpoint shows. */
    public Question read(UUID candidateId, String text) {
        return read(profiles.of(candidateId), text, List.of());
    }

    private Question read(CandidateProfiles.Profile profile, String text, List<String> latestTurn) {
        Question read = reader.read(References.resolve(text, profile.name(), profile.timeline(), latestTurn));
        return profile.acronyms().spelledOut(profile.sounds().heard(read));
    }
}
