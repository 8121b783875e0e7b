package dev.protostar.chat.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.protostar.chat.candidate.Candidates;
import dev.protostar.chat.candidate.Candidates.Candidate;
import dev.protostar.chat.document.DocumentUploads;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.MediaTypeFactory;
import org.springframework.stereotype.Component;

/**
 * Demo data for the local run ({@code protostar.demo.enabled}): the candidates of {@code candidates.json}
 * ({@code [{"name": …, "files": ["kim-jiwoo/이력서.md", …]}]}, files relative to it) for the bootstrap tenant,
 * their files uploaded the way the upload endpoint does. Idempotent across restarts: a candidate is matched
 * by its exact name, a file by its name among the candidate's uploads. Meant for one instance: two seeding
 * at the same moment could both create a candidate.
 */
@Component
@ConditionalOnProperty(name = "protostar.demo.enabled", havingValue = "true")
class DemoSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);

    private final Candidates candidates;
    private final DocumentUploads uploads;
    private final ResourceLoader resources;
    private final ObjectMapper json;
    private final String tenant;
    private final String location;

    DemoSeed(
            Candidates candidates,
            DocumentUploads uploads,
            ResourceLoader resources,
            ObjectMapper json,
            @Value("${protostar.keys.tenant}") String tenant,
            @Value("${protostar.demo.location}") String location) {
        this.candidates = candidates;
        this.uploads = uploads;
        this.resources = resources;
        this.json = json;
        this.tenant = tenant;
        this.location = location.endsWith("/") ? location : location + "/";
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Resource catalog = resources.getResource(location + "candidates.json");
        if (!catalog.exists()) {
            log.info("Demo seeding is on, but there is no {}candidates.json: nothing seeded", location);
            return;
        }
        List<DemoCandidate> demo;
        try (InputStream in = catalog.getInputStream()) {
            demo = List.of(json.readValue(in, DemoCandidate[].class));
        }
        int uploaded = 0;
        for (DemoCandidate entry : demo) {
            Candidate candidate = candidates
                    .findByName(tenant, entry.name())
                    .orElseGet(() -> candidates.create(tenant, entry.name()));
            for (String file : entry.files() == null ? List.<String>of() : entry.files()) {
                uploaded += seed(candidate, file) ? 1 : 0;
            }
        }
        log.info("Demo seeded for tenant {}: {} candidate(s), {} new file(s)", tenant, demo.size(), uploaded);
    }

    private boolean seed(Candidate candidate, String file) {
        Resource resource = resources.getResource(location + file);
        String name = file.substring(file.lastIndexOf('/') + 1);
        if (!resource.exists()) {
            log.warn("Demo file {}{} of {} is missing; skipped", location, file, candidate.name());
            return false;
        }
        if (uploads.uploadedBefore(candidate.candidateId(), name)) {
            return false;
        }
        try {
            String type =
                    MediaTypeFactory.getMediaType(name).map(Object::toString).orElse(null);
            uploads.upload(candidate.candidateId(), name, type, resource.contentLength(), resource);
            return true;
        } catch (IOException | RuntimeException e) {
            // The demo is a convenience: the service runs without it; the next start tries again.
            log.warn("Demo file {} of {} not uploaded: {}", file, candidate.name(), e.getMessage());
            return false;
        }
    }

    record DemoCandidate(String name, List<String> files) {}
}
