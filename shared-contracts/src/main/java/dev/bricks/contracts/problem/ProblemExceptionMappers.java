package dev.bricks.contracts.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Registers {@link ProblemMapper} with Quarkus REST, so that every error of every brick leaves as
 * problem+json. Quarkus picks a mapper by the exception's own class first, then its superclasses,
 * and among the mappers of one class the lowest priority: a built-in mapper of a subclass
 * (validation, JSON, security, the framework's {@link WebApplicationException}) would win over a
 * {@link Throwable} catch-all, so each of these families is named, ahead of the built-ins.
 */
public class ProblemExceptionMappers {

    static final int BEFORE_BUILT_INS = Priorities.USER - 100;

    @ServerExceptionMapper(priority = BEFORE_BUILT_INS, value = {
            ProblemException.class,
            ConstraintViolationException.class,
            JsonProcessingException.class,
            // Quarkus maps exactly this subtype itself (as plain JSON), so it is named on its own
            MismatchedInputException.class,
            UnauthorizedException.class,
            AuthenticationFailedException.class,
            ForbiddenException.class,
            WebApplicationException.class })
    public Response known(Throwable error) {
        return ProblemMapper.toResponse(error);
    }

    /** Everything else (Quarkus takes no list that holds {@code Throwable} itself, hence a method of its own). */
    @ServerExceptionMapper(priority = BEFORE_BUILT_INS)
    public Response unexpected(Throwable error) {
        return ProblemMapper.toResponse(error);
    }
}
