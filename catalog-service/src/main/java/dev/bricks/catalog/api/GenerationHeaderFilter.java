package dev.bricks.catalog.api;

import dev.bricks.contracts.catalog.CatalogHeaders;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** Every catalog answer, errors included, names the generation this replica serves. */
@Provider
public class GenerationHeaderFilter implements ContainerResponseFilter {

    private final ActiveGeneration generation;

    public GenerationHeaderFilter(ActiveGeneration generation) {
        this.generation = generation;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!response.getHeaders().containsKey(CatalogHeaders.GENERATION)
                && request.getUriInfo().getPath().startsWith("/api/catalog")) {
            generation.current()
                    .ifPresent(number -> response.getHeaders().putSingle(CatalogHeaders.GENERATION, number));
        }
    }
}
