package dev.bricks.catalog.generation;

import dev.bricks.catalog.store.CanonicalProducts;
import dev.bricks.catalog.store.ProductStore;
import dev.bricks.contracts.catalog.Product;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Builds generations in this replica's H2 from the records of the topic, in topic order: each chunk
 * goes straight into its upload's staging table (the checksum grows with it), and the commit
 * verifies count, chunk sequence and checksum before the staging table becomes the generation.
 * Called by one thread only (the feed), and once at start-up for the demo catalogue.
 */
@ApplicationScoped
public class GenerationStager {

    private static final Logger LOG = Logger.getLogger(GenerationStager.class);

    private final Map<String, Upload> uploads = new HashMap<>();
    private final ProductStore store;
    private final GenerationRegistry registry;
    private final Timer stagingTime;
    private final DistributionSummary productsPerGeneration;

    public GenerationStager(ProductStore store, GenerationRegistry registry, MeterRegistry meters) {
        this.store = store;
        this.registry = registry;
        this.stagingTime = Timer.builder("catalog.generation.staging").description("first chunk to verified generation")
                .register(meters);
        this.productsPerGeneration = DistributionSummary.builder("catalog.generation.products")
                .description("products per staged generation").register(meters);
    }

    /** Stages generation 0, the demo catalogue packaged in the service, active from the epoch. */
    public synchronized void stageDemo(List<Product> products) {
        String uploadId = "demo";
        CanonicalProducts.Checksum checksum = new CanonicalProducts.Checksum();
        products.forEach(checksum::add);
        onChunk(new GenerationChunk(GenerationChunk.SCHEMA_VERSION, uploadId, 0, products), Instant.now());
        onCommit(new GenerationCommit(GenerationCommit.SCHEMA_VERSION, uploadId, Instant.EPOCH, products.size(), 1,
                checksum.hex(), "demo", Instant.EPOCH), 0, false);
    }

    public synchronized void onChunk(GenerationChunk chunk, Instant recordTime) {
        Upload upload = uploads.computeIfAbsent(chunk.uploadId(), id -> {
            String table = ProductStore.stagingTable(id);
            store.drop(table);
            store.createStaging(table);
            return new Upload(table);
        });
        upload.lastRecordTime = recordTime;
        if (upload.broken != null) {
            return;
        }
        if (chunk.index() != upload.chunks) {
            upload.broken = "chunk " + chunk.index() + " arrived where chunk " + upload.chunks + " was expected";
            return;
        }
        try {
            List<byte[]> canonical = new ArrayList<>(chunk.products().size());
            for (Product product : chunk.products()) {
                canonical.add(upload.checksum.add(product));
            }
            store.insert(upload.table, chunk.products(), canonical);
            upload.chunks++;
            upload.products += chunk.products().size();
        } catch (RuntimeException e) {
            upload.broken = "chunk " + chunk.index() + " could not be staged: " + e.getMessage();
            LOG.error(upload.broken, e);
        }
    }

    /**
     * The commit at topic offset {@code offset} makes generation {@code offset + 1} (0 for the demo);
     * {@code ownTopic}: its chunks were read from the upload's own topic.
     */
    public synchronized void onCommit(GenerationCommit commit, long generation, boolean ownTopic) {
        if (registry.decided(generation)) {
            return;
        }
        if (!registry.knows(generation)) {
            registry.staging(generation, commit, ownTopic);
        }
        Upload upload = uploads.remove(commit.uploadId());
        String failure = verify(commit, upload);
        if (failure != null) {
            if (upload != null) {
                store.drop(upload.table);
            }
            registry.failed(generation, failure);
            return;
        }
        try {
            store.promote(upload.table, generation);
        } catch (RuntimeException e) {
            store.drop(upload.table);
            registry.failed(generation, "could not be indexed: " + e.getMessage());
            return;
        }
        Duration took = Duration.between(upload.firstSeen, Instant.now());
        stagingTime.record(took);
        productsPerGeneration.record(upload.products);
        registry.staged(generation, took);
    }

    private static String verify(GenerationCommit commit, Upload upload) {
        if (upload == null) {
            return "no chunk of upload " + commit.uploadId() + " was found before its commit";
        }
        if (upload.broken != null) {
            return upload.broken;
        }
        if (upload.chunks != commit.chunks()) {
            return "staged " + upload.chunks + " chunks, the commit announces " + commit.chunks();
        }
        if (upload.products != commit.products()) {
            return "staged " + upload.products + " products, the commit announces " + commit.products();
        }
        String checksum = upload.checksum.hex();
        if (!checksum.equals(commit.checksum())) {
            return "checksum " + checksum + " does not match the commit's " + commit.checksum();
        }
        return null;
    }

    /** True when chunks of this upload were staged from the generations topic itself (written before #17). */
    public synchronized boolean hasChunksOf(String uploadId) {
        return uploads.containsKey(uploadId);
    }

    /** Forgets what was staged of an upload, so that it can be read again from its first chunk. */
    public synchronized void restart(String uploadId) {
        Upload upload = uploads.remove(uploadId);
        if (upload != null) {
            store.drop(upload.table);
        }
    }

    /** Drops the staging tables of uploads whose commit never came (the uploader failed half-way). */
    public synchronized void dropOrphans(Instant olderThan) {
        uploads.entrySet().removeIf(entry -> {
            if (entry.getValue().lastRecordTime.isBefore(olderThan)) {
                store.drop(entry.getValue().table);
                LOG.warnf("upload %s dropped: its commit never arrived", entry.getKey());
                return true;
            }
            return false;
        });
    }

    private static final class Upload {
        final String table;
        final Instant firstSeen = Instant.now();
        final CanonicalProducts.Checksum checksum = new CanonicalProducts.Checksum();
        Instant lastRecordTime;
        int chunks;
        int products;
        String broken;

        Upload(String table) {
            this.table = table;
        }
    }
}
