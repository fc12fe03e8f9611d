package dev.bricks.order.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.UUID;

/** One line of a stored order (written with the order by {@link OrderStore#storeOnce}, never changed). */
@Entity
@Table(name = "order_lines")
public class OrderLineEntity extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @ManyToOne
    @JoinColumn(name = "order_id", insertable = false, updatable = false)
    public OrderEntity order;

    public String sku;

    public String name;

    @Column(name = "unit_price")
    public BigDecimal unitPrice;

    public int quantity;

    @Embeddable
    public record Key(@Column(name = "order_id") UUID orderId, @Column(name = "line_no") int lineNo)
            implements Serializable {
    }
}
