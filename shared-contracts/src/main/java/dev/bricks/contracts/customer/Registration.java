package dev.bricks.contracts.customer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/customers}: a shopper's self-registration. The password is at most
 * 72 characters because bcrypt ignores whatever follows its 72nd byte.
 */
public record Registration(
        @NotBlank @Email @Size(max = 254) String email,
        @NotNull @Size(min = 10, max = 72, message = "must be between 10 and 72 characters") String password,
        @NotBlank @Size(max = 100) String name) {

    @Override
    public String toString() {
        return "Registration[password hidden]";
    }
}
