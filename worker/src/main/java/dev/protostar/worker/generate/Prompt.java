package dev.protostar.worker.generate;

/** What a generator answers: the rules it must follow and the recruiter's question. */
public record Prompt(String system, String question, String candidateId) {}
