package dev.bricks.catalog.upload;

import dev.bricks.catalog.CatalogConfig;
import dev.bricks.contracts.catalog.GenerationAccepted;
import dev.bricks.contracts.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Accepts an upload: validates all of it while its chunks already go to Kafka, and makes it the next
 * generation only when every line was valid and Kafka acknowledged every chunk.
 */
@ApplicationScoped
public class GenerationUploads {

    private final NdjsonCatalogueValidator validator;
    private final GenerationPublisher publisher;

    public GenerationUploads(CatalogConfig config, GenerationPublisher publisher) {
        this.validator = new NdjsonCatalogueValidator(config.maxProducts());
        this.publisher = publisher;
    }

    public GenerationAccepted upload(InputStream body, String activateAtParameter, String uploadedBy) {
        Instant activateAt = parseActivateAt(activateAtParameter);
        try (UploadPublication publication = publisher.open()) {
            CatalogueSummary catalogue = validator.validate(body, publication::add);
            long generation = publication.commit(activateAt, catalogue, uploadedBy);
            return new GenerationAccepted(generation, activateAt, catalogue.products(), catalogue.checksum());
        }
    }

    /** An ISO-8601 instant or offset date-time; absent means "as soon as staged". */
    static Instant parseActivateAt(String value) {
        if (value == null || value.isBlank()) {
            return Instant.now();
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badField("activateAt", "not an ISO-8601 instant such as 2030-01-31T09:00:00Z");
        }
    }
}
