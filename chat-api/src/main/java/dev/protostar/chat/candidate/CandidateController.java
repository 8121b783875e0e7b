package dev.protostar.chat.candidate;

import dev.protostar.chat.auth.Caller;
import dev.protostar.chat.candidate.Candidates.Candidate;
import dev.protostar.chat.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/candidates")
class CandidateController {

    private final Candidates candidates;

    CandidateController(Candidates candidates) {
        this.candidates = candidates;
    }

    @PostMapping
    ResponseEntity<Candidate> create(@RequestBody NewCandidate body, HttpServletRequest request) {
        Caller caller = Caller.of(request);
        if (body == null
                || body.name() == null
                || body.name().isBlank()
                || body.name().length() > 200) {
            throw ApiProblem.badRequest("'name' is required (at most 200 characters).");
        }
        Candidate candidate = candidates.create(caller.tenant(), body.name().strip());
        return ResponseEntity.created(URI.create("/api/v1/candidates/" + candidate.candidateId()))
                .body(candidate);
    }

    @GetMapping
    List<Candidate> list(HttpServletRequest request) {
        return candidates.list(Caller.of(request).tenant());
    }

    record NewCandidate(String name) {}
}
