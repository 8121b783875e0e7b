package dev.protostar.chat.document;

import dev.protostar.chat.auth.Caller;
import dev.protostar.chat.candidate.Candidates;
import dev.protostar.chat.candidate.Candidates.Candidate;
import dev.protostar.chat.document.Documents.Document;
import dev.protostar.chat.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;
import org.springframework.web.util.WebUtils;

/** A candidate's documents: upload (202, progress as SSE), list, delete. */
@RestController
@RequestMapping("/api/v1/candidates/{candidateId}/documents")
class DocumentController {

    private static final Logger log = LoggerFactory.getLogger(DocumentController.class);

    private final Candidates candidates;
    private final Documents documents;
    private final DocumentUploads uploads;
    private final ProducerTemplate producer;

    DocumentController(Candidates candidates, Documents documents, DocumentUploads uploads, ProducerTemplate producer) {
        this.candidates = candidates;
        this.documents = documents;
        this.uploads = uploads;
        this.producer = producer;
    }

    /** Multipart field {@code file}. Parsed only here, after the role and the tenant are checked. */
    @PostMapping
    ResponseEntity<Accepted> upload(@PathVariable String candidateId, HttpServletRequest request) {
        Caller caller = Caller.of(request);
        Candidate candidate = candidate(caller, candidateId);
        MultipartFile file = filePart(request);
        UUID ingestionId = uploads.upload(
                candidate.candidateId(), file.getOriginalFilename(), file.getContentType(), file.getSize(), file);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/ingestions/" + ingestionId + "/events"))
                .body(new Accepted(ingestionId.toString()));
    }

    @GetMapping
    List<Document> list(@PathVariable String candidateId, HttpServletRequest request) {
        return documents.list(candidate(Caller.of(request), candidateId).candidateId());
    }

    /** Deletes the document and its chunks; its archived original goes too, as far as the store allows. */
    @DeleteMapping("/{documentId}")
    ResponseEntity<Void> delete(
            @PathVariable String candidateId, @PathVariable String documentId, HttpServletRequest request) {
        Candidate candidate = candidate(Caller.of(request), candidateId);
        String objectKey = parse(documentId)
                .flatMap(id -> documents.delete(candidate.candidateId(), id))
                .orElseThrow(() -> ApiProblem.notFound(
                        "No document " + documentId + " of candidate " + candidateId + " in your tenant."));
        try {
            producer.requestBody(DeleteOriginalRoute.URI, objectKey);
        } catch (RuntimeException e) {
            // The document is gone from every answer already; an orphaned original only costs storage.
            log.warn("Document {} deleted, but not its original {}: {}", documentId, objectKey, e.getMessage());
        }
        return ResponseEntity.noContent().build();
    }

    private Candidate candidate(Caller caller, String candidateId) {
        return candidates
                .find(caller.tenant(), candidateId)
                .orElseThrow(() -> ApiProblem.notFound("No candidate " + candidateId + " in your tenant."));
    }

    private static MultipartFile filePart(HttpServletRequest request) {
        MultipartRequest multipart = WebUtils.getNativeRequest(request, MultipartRequest.class);
        MultipartFile file = multipart == null ? null : multipart.getFile("file");
        if (file == null) {
            throw ApiProblem.badRequest("Send the document as multipart/form-data in a part named 'file'.");
        }
        return file;
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    record Accepted(String ingestionId) {}
}
