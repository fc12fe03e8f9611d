package dev.bricks.contracts.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.Priority;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JAX-RS registrations of {@link ProblemMapper}, one per exception family, each given a higher
 * priority than the framework's own mapper for that family so that every error, including
 * validation, JSON and security failures, leaves a brick as problem+json.
 */
public final class ProblemProviders {

    private static final int BEFORE_BUILT_INS = Priorities.USER - 100;

    private ProblemProviders() {
    }

    @Provider
    @Priority(BEFORE_BUILT_INS)
    public static class Problems implements ExceptionMapper<ProblemException> {
        @Override
        public Response toResponse(ProblemException e) {
            return ProblemMapper.toResponse(e);
        }
    }

    @Provider
    @Priority(BEFORE_BUILT_INS)
    public static class Violations implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            return ProblemMapper.toResponse(e);
        }
    }

    @Provider
    @Priority(BEFORE_BUILT_INS)
    public static class Json implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            return ProblemMapper.toResponse(e);
        }
    }

    /** Quarkus maps exactly this subtype itself (as plain JSON), so it needs its own registration. */
    @Provider
    @Priority(BEFORE_BUILT_INS)
    public static class MismatchedInput implements ExceptionMapper<MismatchedInputException> {
        @Override
        public Response toResponse(MismatchedInputException e) {
            return ProblemMapper.toResponse(e);
        }
    }

    @Provider
    @Priority(BEFORE_BUILT_INS)
    public static class Unauthorized implements ExceptionMapper<UnauthorizedException> {
        @Override
        public Response toResponse(UnauthorizedException e) {
            return ProblemMapper.toResponse(e);
        }
    }

    @Provider
    @Priority(BEFORE_BUILT_INS)
    public static class AuthenticationFailed implements ExceptionMapper<AuthenticationFailedException> {
        @Override
        public Response toResponse(AuthenticationFailedException e) {
            return ProblemMapper.toResponse(e);
        }
    }

    @Provider
    @Priority(BEFORE_BUILT_INS)
    public static class Forbidden implements ExceptionMapper<ForbiddenException> {
        @Override
        public Response toResponse(ForbiddenException e) {
            return ProblemMapper.toResponse(e);
        }
    }

    @Provider
    @Priority(BEFORE_BUILT_INS)
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            return ProblemMapper.toResponse(e);
        }
    }

    @Provider
    @Priority(BEFORE_BUILT_INS)
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            return ProblemMapper.toResponse(e);
        }
    }
}
