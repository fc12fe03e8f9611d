package dev.bricks.order.backoffice;

import dev.bricks.order.order.Caller;

/** What every signed-in page shows around its content: who is signed in, their times, the search box. */
public record Desk(Caller staff, LocalTimes times, String q, String section) {

    public boolean at(String name) {
        return name.equals(section);
    }
}
