package dev.bricks.customer.store;

import dev.bricks.contracts.customer.Address;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One row of customer_address, in the order the customer gave them. */
@Embeddable
public class CustomerAddress {

    public String label;

    @Column(nullable = false)
    public String line1;

    public String line2;

    @Column(name = "postal_code", nullable = false)
    public String postalCode;

    @Column(nullable = false)
    public String city;

    @Column(nullable = false, columnDefinition = "char(2)")
    public String country;

    public static CustomerAddress from(Address address) {
        CustomerAddress row = new CustomerAddress();
        row.label = address.label();
        row.line1 = address.line1();
        row.line2 = address.line2();
        row.postalCode = address.postalCode();
        row.city = address.city();
        row.country = address.country();
        return row;
    }

    public Address toAddress() {
        return new Address(label, line1, line2, postalCode, city, country);
    }
}
