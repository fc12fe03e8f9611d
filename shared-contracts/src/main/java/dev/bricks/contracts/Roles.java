package dev.bricks.contracts;

/**
 * The two roles of the shop, as customer-service signs them into a token's {@code groups} claim
 * and shows them as a profile's {@code role}; every brick checks them with
 * {@code @RolesAllowed(Roles.STAFF)} and the like (hence compile-time constants, not an enum).
 */
public final class Roles {

    /** A shopper: registers through the API, owns carts and orders. */
    public static final String CUSTOMER = "customer";
    /** A member of staff: uploads catalogues and manages orders; never created through the API. */
    public static final String STAFF = "staff";

    private Roles() {
    }
}
