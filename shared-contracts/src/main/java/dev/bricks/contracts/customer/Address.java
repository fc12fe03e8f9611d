package dev.bricks.contracts.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A postal address of a customer; {@code country} is an ISO 3166-1 alpha-2 code. */
public record Address(
        @Size(max = 50) String label,
        @NotBlank @Size(max = 200) String line1,
        @Size(max = 200) String line2,
        @NotBlank @Size(max = 20) String postalCode,
        @NotBlank @Size(max = 100) String city,
        @NotBlank @Pattern(regexp = "[A-Z]{2}",
                message = "must be an ISO 3166-1 alpha-2 code such as DE") String country) {
}
