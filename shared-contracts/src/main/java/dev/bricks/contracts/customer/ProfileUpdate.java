package dev.bricks.contracts.customer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code PUT /api/customers/me}: replaces the name and the whole list of addresses. */
public record ProfileUpdate(
        @NotBlank @Size(max = 100) String name,
        @NotNull @Size(max = 10) List<@NotNull @Valid Address> addresses) {
}
