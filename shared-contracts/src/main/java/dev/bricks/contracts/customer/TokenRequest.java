package dev.bricks.contracts.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/customers/token}. */
public record TokenRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 200) String password) {

    @Override
    public String toString() {
        return "TokenRequest[password hidden]";
    }
}
