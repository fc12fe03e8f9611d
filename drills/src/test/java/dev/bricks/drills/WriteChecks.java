package dev.bricks.drills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.function.Executable;

/** The verdict on a drill's acknowledged writes that every drill IT asserts. */
final class WriteChecks {

    private WriteChecks() {
    }

    /** Registrations, cart lines and checkouts were verified, and each one is there exactly once. */
    static List<Executable> everyAcknowledgedWriteThereOnce(DrillReport report) {
        Verification verified = report.verification();
        return List.of(
                () -> assertTrue(verified.get(Verification.Write.CART_LINE, Verification.Count.CHECKED) > 0
                        && verified.get(Verification.Write.CHECKOUT, Verification.Count.CHECKED) > 0
                        && verified.get(Verification.Write.REGISTRATION, Verification.Count.CHECKED) > 0,
                        "acknowledged registrations, cart lines and checkouts were verified"),
                () -> assertEquals(0, verified.unverified(), "acknowledged writes that could not be verified"),
                () -> assertEquals(0, verified.lost(), "acknowledged writes lost"),
                () -> assertEquals(0, verified.duplicated(), "writes applied twice"),
                () -> assertEquals(0, verified.unexpected(), "states no write explains: " + verified.problems()));
    }
}
